// Who may do what: the table storage checks before every write.

#include "punctum/core/model/role.h"

#include <catch2/catch.hpp>

#include <string>

namespace core = punctum::core;
using core::Action;
using core::Role;

namespace {

struct Permission {
    Role role;
    Action action;
    bool allowed;
};

// The whole table, written out: a change to any cell must be a deliberate change here.
constexpr Permission table[] = {
    {Role::admin, Action::read_records, true},
    {Role::admin, Action::write_clinical, true},
    {Role::admin, Action::log_recovery, true},
    {Role::admin, Action::annotate, true},
    {Role::admin, Action::settle_flags, true},
    {Role::admin, Action::manage_accounts, true},
    {Role::admin, Action::change_settings, true},
    {Role::admin, Action::read_audit, true},
    {Role::admin, Action::review_sessions, true},

    {Role::practitioner, Action::read_records, true},
    {Role::practitioner, Action::write_clinical, true},
    {Role::practitioner, Action::log_recovery, true},
    {Role::practitioner, Action::annotate, true},
    {Role::practitioner, Action::settle_flags, true},
    {Role::practitioner, Action::manage_accounts, false},
    {Role::practitioner, Action::change_settings, false},
    {Role::practitioner, Action::read_audit, false},
    {Role::practitioner, Action::review_sessions, false},

    {Role::reviewer, Action::read_records, true},
    {Role::reviewer, Action::write_clinical, false},
    {Role::reviewer, Action::log_recovery, false},
    {Role::reviewer, Action::annotate, true},
    {Role::reviewer, Action::settle_flags, false},
    {Role::reviewer, Action::manage_accounts, false},
    {Role::reviewer, Action::change_settings, false},
    {Role::reviewer, Action::read_audit, true},
    {Role::reviewer, Action::review_sessions, true},

    {Role::patient, Action::read_records, true},
    {Role::patient, Action::write_clinical, true},
    {Role::patient, Action::log_recovery, true},
    {Role::patient, Action::annotate, true},
    {Role::patient, Action::settle_flags, false},
    {Role::patient, Action::manage_accounts, false},
    {Role::patient, Action::change_settings, true},
    {Role::patient, Action::read_audit, true},
    {Role::patient, Action::review_sessions, false},
};

} // namespace

TEST_CASE("core: role permissions follow the table", "[core][role]") {
    for (const auto& p : table) {
        INFO(core::to_string(p.role) << " action " << static_cast<int>(p.action));
        CHECK(core::permits(p.role, p.action) == p.allowed);
    }
}

TEST_CASE("core: a reviewer only reads and annotates", "[core][role]") {
    CHECK_FALSE(core::permits(Role::reviewer, Action::write_clinical));
    CHECK_FALSE(core::permits(Role::reviewer, Action::log_recovery));
    CHECK_FALSE(core::permits(Role::reviewer, Action::manage_accounts));
    CHECK(core::permits(Role::reviewer, Action::read_records));
    CHECK(core::permits(Role::reviewer, Action::annotate));
}

TEST_CASE("core: only an admin manages accounts", "[core][role]") {
    CHECK(core::permits(Role::admin, Action::manage_accounts));
    CHECK_FALSE(core::permits(Role::practitioner, Action::manage_accounts));
    CHECK_FALSE(core::permits(Role::reviewer, Action::manage_accounts));
    CHECK_FALSE(core::permits(Role::patient, Action::manage_accounts));
}

TEST_CASE("core: a patient keeps their own record but does not settle flags", "[core][role]") {
    CHECK(core::permits(Role::patient, Action::log_recovery));
    CHECK(core::permits(Role::patient, Action::write_clinical));
    CHECK_FALSE(core::permits(Role::patient, Action::settle_flags));
    CHECK_FALSE(core::permits(Role::patient, Action::manage_accounts));
}

TEST_CASE("core: role names round trip and unknown names are refused", "[core][role]") {
    for (const Role r : {Role::admin, Role::practitioner, Role::reviewer, Role::patient}) {
        const auto name = core::to_string(r);
        INFO(name);
        CHECK(core::role_from_string(name) == r);
    }
    CHECK(core::to_string(Role::admin) == "admin");
    CHECK(core::to_string(Role::practitioner) == "practitioner");
    CHECK(core::to_string(Role::reviewer) == "reviewer");
    CHECK(core::to_string(Role::patient) == "patient");
    CHECK_FALSE(core::role_from_string("Admin").has_value());
    CHECK_FALSE(core::role_from_string("root").has_value());
    CHECK_FALSE(core::role_from_string("").has_value());
    CHECK_FALSE(core::role_from_string("admin ").has_value());
}

TEST_CASE("core: sign-off is a reviewer's or an admin's, never a practitioner's", "[core][role]") {
    CHECK(core::permits(Role::reviewer, Action::review_sessions));
    CHECK(core::permits(Role::admin, Action::review_sessions));
    CHECK_FALSE(core::permits(Role::practitioner, Action::review_sessions));
    CHECK_FALSE(core::permits(Role::patient, Action::review_sessions));
}
