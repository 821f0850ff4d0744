// The key paths as a user checks them (issue #12, item 8), through the public API only: the
// recovery key sets a new passphrase (the new one opens, the old one no longer does, and the
// recovery is in the audit trail); a passphrase change does the same for one account and
// leaves the others as they were; a plaintext export opens in the stock sqlcipher tool with
// no key and shows the clients; and reveal-key and the plaintext export are refused to every
// role that may not have them, with nothing written.

#include "support/files.h"
#include "support/process.h"
#include "support/skip.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

storage::KdfParams cheap() {
    return storage::KdfParams::minimum_for_tests();
}

/// The newest audit event, read as the account signed in (one allowed to read the trail).
storage::AuditEvent newest_event(storage::Vault& vault) {
    auto events = vault.audit().events({}, 1, 0);
    INFO((events ? std::string() : events.error().message));
    REQUIRE(events.ok());
    REQUIRE(events->size() == 1);
    return events->front();
}

/// Opens as `who` with `pass` and says whether it opened; a refusal must be auth_failed.
bool opens(const VaultFixture& f, const std::string& who, const std::string& pass) {
    auto opened = f.open(who, pass);
    if (!opened) {
        INFO(who << " refused with: " << opened.error().message);
        CHECK(opened.error().code == StorageErrc::auth_failed);
    }
    return opened.ok();
}

void add_account(storage::Vault& vault, const std::string& name, core::Role role) {
    auto added = vault.accounts().add(
        name, name, role, storage::SecureBytes::from(punctum::test::staff_passphrase), cheap());
    INFO((added ? std::string() : added.error().message));
    REQUIRE(added.ok());
}

/// Closes the fixture's vault and signs in as `who` instead.
storage::Vault& sign_in(VaultFixture& f, const std::string& who, const std::string& pass) {
    f.vault.reset();
    auto opened = f.open(who, pass);
    INFO((opened ? std::string() : opened.error().message));
    REQUIRE(opened.ok());
    f.vault = std::move(opened.value());
    return *f.vault;
}

} // namespace

TEST_CASE("storage: key paths: recover with the recovery key: the new passphrase opens, the old "
          "one does not, and the recovery is audited",
          "[storage][keys]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Kept Through Recovery")).ok());
    add_account(*f.vault, "pat", core::Role::practitioner);
    const auto events_before = f.stats().audit_events;
    f.vault.reset();

    const std::string fresh = "a new passphrase after recovery";
    auto recovered = storage::Vault::recover(f.folder, f.recovery_key, "admin",
                                             storage::SecureBytes::from(fresh), cheap(), f.clock);
    INFO((recovered ? std::string() : recovered.error().message));
    REQUIRE(recovered.ok());
    auto& v = *recovered.value();
    CHECK(v.account().name == "admin");
    CHECK(v.stats()->audit_events > events_before);
    const auto event = newest_event(v);
    CHECK(event.action == "account.recover");
    CHECK(event.account == "admin");
    recovered.value().reset();

    CHECK(opens(f, "admin", fresh));
    CHECK_FALSE(opens(f, "admin", punctum::test::test_passphrase));
    // The others keep theirs, and the records are all there.
    CHECK(opens(f, "pat", punctum::test::staff_passphrase));
    auto& again = sign_in(f, "admin", fresh);
    CHECK(*again.clients().count("Kept Through Recovery") == 1);
    CHECK(again.check()->ok());
}

TEST_CASE("storage: key paths: a wrong recovery key recovers nothing and changes no file",
          "[storage][keys]") {
    VaultFixture f;
    f.vault.reset();
    const auto before = punctum::test::snapshot(f.folder);
    std::string wrong = f.recovery_key;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    auto r = storage::Vault::recover(f.folder, wrong, "admin",
                                     storage::SecureBytes::from("never set passphrase"), cheap(),
                                     f.clock);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::auth_failed);
    CHECK(punctum::test::snapshot(f.folder) == before);
    CHECK(opens(f, "admin", punctum::test::test_passphrase));
    CHECK_FALSE(opens(f, "admin", "never set passphrase"));
}

TEST_CASE("storage: key paths: a passphrase change: the new one opens, the old one does not, "
          "other accounts are unaffected, and it is audited",
          "[storage][keys]") {
    VaultFixture f;
    add_account(*f.vault, "pat", core::Role::practitioner);
    add_account(*f.vault, "rev", core::Role::reviewer);
    const auto events_before = f.stats().audit_events;

    const std::string fresh = "the admin's changed passphrase";
    auto changed = f.vault->change_passphrase(storage::SecureBytes::from(fresh), cheap());
    INFO((changed ? std::string() : changed.error().message));
    REQUIRE(changed.ok());
    CHECK(f.stats().audit_events > events_before);
    const auto event = newest_event(*f.vault);
    CHECK(event.action == "account.passphrase");
    CHECK(event.account == "admin");
    f.vault.reset();

    CHECK(opens(f, "admin", fresh));
    CHECK_FALSE(opens(f, "admin", punctum::test::test_passphrase));
    CHECK(opens(f, "pat", punctum::test::staff_passphrase));
    CHECK(opens(f, "rev", punctum::test::staff_passphrase));
    CHECK_FALSE(opens(f, "pat", fresh));

    // A practitioner changes theirs: the admin's stays as it is now.
    {
        auto pat = f.open("pat", punctum::test::staff_passphrase);
        REQUIRE(pat.ok());
        REQUIRE(pat.value()
                    ->change_passphrase(storage::SecureBytes::from("pat's own new one"), cheap())
                    .ok());
    }
    CHECK(opens(f, "pat", "pat's own new one"));
    CHECK_FALSE(opens(f, "pat", punctum::test::staff_passphrase));
    CHECK(opens(f, "admin", fresh));
    auto& admin = sign_in(f, "admin", fresh);
    storage::AuditFilter filter;
    filter.account = "pat";
    filter.action = "account.passphrase";
    const auto by_pat = admin.audit().events(filter);
    REQUIRE(by_pat.ok());
    CHECK(by_pat->size() == 1);
    CHECK(admin.check()->ok());
}

TEST_CASE("storage: key paths: a plaintext export opens in the stock sqlcipher tool with no key "
          "and shows the clients",
          "[storage][keys][sqlcipher]") {
    const auto tool = punctum::test::find_on_path("sqlcipher");
    if (!tool) {
        PUNCTUM_SKIP("the sqlcipher command-line tool is not on PATH (Debian package "
                     "'sqlcipher', in packaging/deps)");
    }
    VaultFixture f;
    for (const char* name : {"Exported Alpha", "Exported Beta", "Exported Gamma"}) {
        REQUIRE(f.vault->clients().add(punctum::test::make_client(name)).ok());
    }
    const fs::path out = f.tmp.path() / "plain.db";
    auto exported = f.vault->export_plaintext(out);
    INFO((exported ? std::string() : exported.error().message));
    REQUIRE(exported.ok());
    CHECK(newest_event(*f.vault).action == "vault.export_plaintext");
    f.vault.reset();

    REQUIRE(fs::exists(out));
    CHECK(punctum::test::read_file(out).substr(0, 16) == std::string("SQLite format 3\0", 16));
    auto env = punctum::test::environment_without({"HOME", "SQLITE_HISTORY"});
    env.push_back("HOME=" + f.tmp.path().string());
    const auto r = punctum::test::run_process(
        tool->string(),
        {"-batch", out.string(), "SELECT display_name FROM clients ORDER BY display_name;"}, env);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Exported Alpha\nExported Beta\nExported Gamma\n");
}

TEST_CASE("storage: key paths: reveal-key and the plaintext export are refused to every role "
          "that may not have them, and nothing is written",
          "[storage][keys][roles]") {
    // core::permits(role, Action::reveal_key): the admin of a clinic and the patient of a
    // personal vault; never a practitioner or a reviewer.
    struct Case {
        core::Role role;
        bool allowed;
    };
    for (const auto& c : {Case{core::Role::admin, true}, Case{core::Role::practitioner, false},
                          Case{core::Role::reviewer, false}, Case{core::Role::patient, true}}) {
        const auto role = std::string(core::to_string(c.role));
        INFO("as " << role);
        REQUIRE(core::permits(c.role, core::Action::reveal_key) == c.allowed);
        const auto kind = c.role == core::Role::patient ? storage::VaultKind::personal
                                                        : storage::VaultKind::clinic;
        VaultFixture f(kind);
        if (c.role == core::Role::practitioner || c.role == core::Role::reviewer) {
            punctum::test::sign_in_as_new(f, role, c.role);
        }
        REQUIRE(f.vault->account().role == c.role);
        const auto events_before = f.stats().audit_events;
        const fs::path out = f.tmp.path() / ("plain-" + role + ".db");

        auto key = f.vault->reveal_data_key_hex();
        auto exported = f.vault->export_plaintext(out);
        if (c.allowed) {
            REQUIRE(key.ok());
            CHECK(std::regex_match(std::string(key->view()), std::regex("[0-9a-f]{64}")));
            REQUIRE(exported.ok());
            CHECK(fs::exists(out));
            CHECK(f.stats().audit_events == events_before + 2);
        } else {
            REQUIRE_FALSE(key.ok());
            CHECK(key.error().code == StorageErrc::forbidden);
            REQUIRE_FALSE(exported.ok());
            CHECK(exported.error().code == StorageErrc::forbidden);
            CHECK_FALSE(fs::exists(out));
            CHECK(punctum::test::list_names(f.tmp.path()) == "vault\n");
            CHECK(f.stats().audit_events == events_before);
        }
    }
}
