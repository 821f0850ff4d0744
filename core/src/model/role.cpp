#include "punctum/core/model/role.h"

namespace punctum::core {

bool permits(Role role, Action action) {
    switch (action) {
    case Action::read_records:
        return true;
    case Action::write_clinical:
    case Action::log_recovery:
        return role != Role::reviewer;
    case Action::annotate:
        return true;
    case Action::settle_flags:
        return role == Role::admin || role == Role::practitioner;
    case Action::manage_accounts:
        return role == Role::admin;
    case Action::change_settings:
    case Action::reveal_key:
        return role == Role::admin || role == Role::patient;
    case Action::read_audit:
        // Who did what: the reviewer's job, the admin's duty, the patient's own vault.
        return role != Role::practitioner;
    case Action::review_sessions:
        // Sign-off is a second pair of eyes: never the practitioner's own role. An admin may,
        // but storage refuses anyone signing off a session they treated.
        return role == Role::admin || role == Role::reviewer;
    }
    return false;
}

std::string_view to_string(Role role) {
    switch (role) {
    case Role::admin:
        return "admin";
    case Role::practitioner:
        return "practitioner";
    case Role::reviewer:
        return "reviewer";
    case Role::patient:
        return "patient";
    }
    return "unknown";
}

std::optional<Role> role_from_string(std::string_view text) {
    for (Role r : {Role::admin, Role::practitioner, Role::reviewer, Role::patient}) {
        if (to_string(r) == text) {
            return r;
        }
    }
    return std::nullopt;
}

} // namespace punctum::core
