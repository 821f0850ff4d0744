// Roles enforced by storage for accounts other than the first, and the audit table's
// append-only triggers, checked from outside with the stock sqlcipher tool and the raw key.

#include "support/files.h"
#include "support/process.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <regex>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::storage::StorageErrc;
using punctum::test::contains;
using punctum::test::sign_in_as_new;
using punctum::test::staff_passphrase;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
punctum::test::ProcessResult run_sqlcipher(const fs::path& db, const std::string& sql,
                                           const fs::path& home) {
    const std::string tool = PUNCTUM_SQLCIPHER_TOOL;
    if (tool.empty() || !fs::exists(tool)) {
        FAIL("the sqlcipher command-line tool is not installed (package 'sqlcipher')");
    }
    auto env = punctum::test::environment_without({"HOME", "SQLITE_HISTORY"});
    env.push_back("HOME=" + home.string());
    return punctum::test::run_process(tool, {"-batch", db.string(), sql}, env);
}

} // namespace

TEST_CASE("storage: a reviewer cannot add clients, sessions or entries", "[storage][roles]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Reviewed"));
    REQUIRE(client.ok());
    auto sid =
        punctum::test::add_session(*f.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(sid.ok());
    sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    const auto before = f.stats();

    auto c = f.vault->clients().add(punctum::test::make_client("Not Allowed"));
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == StorageErrc::forbidden);
    CHECK_THAT(c.error().message, Catch::Contains("reviewer"));

    auto s = f.vault->sessions().add(punctum::test::make_session(*client, treated_on));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == StorageErrc::forbidden);

    core::RecoveryEntry e;
    e.session_id = *sid;
    e.observed_on = treated_on;
    e.set(Symptom::erythema, 1);
    auto en = f.vault->sessions().add_entry(e);
    REQUIRE_FALSE(en.ok());
    CHECK(en.error().code == StorageErrc::forbidden);

    auto acc = f.vault->accounts().add("mallory", "Mallory", core::Role::admin,
                                       storage::SecureBytes::from("mallory passphrase"),
                                       storage::KdfParams::minimum_for_tests());
    REQUIRE_FALSE(acc.ok());
    CHECK(acc.error().code == StorageErrc::forbidden);

    // Reading is allowed.
    CHECK(f.vault->clients().get(*client).ok());
    CHECK(f.vault->sessions().entries(*sid).ok());

    const auto after = f.stats();
    CHECK(after.clients == before.clients);
    CHECK(after.sessions == before.sessions);
    CHECK(after.entries == before.entries);
    CHECK(after.accounts == before.accounts);
    CHECK(after.audit_events == before.audit_events);
}

TEST_CASE("storage: a reviewer annotates a session, attributed and audited", "[storage][roles]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Audited"));
    REQUIRE(client.ok());
    auto sid =
        punctum::test::add_session(*f.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(sid.ok());
    sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    const auto before = f.stats();

    auto note = f.vault->sessions().add_review_note(*sid, "Recovery matched the usual course.");
    INFO((note ? std::string("added") : note.error().message));
    REQUIRE(note.ok());
    auto notes = f.vault->sessions().review_notes(*sid);
    REQUIRE(notes.ok());
    REQUIRE(notes->size() == 1);
    CHECK(notes->front().author == "rita.reviewer");
    CHECK(notes->front().body == "Recovery matched the usual course.");
    CHECK(f.stats().audit_events == before.audit_events + 1);

    CHECK(f.vault->sessions().add_review_note(*sid, "  ").error().code ==
          StorageErrc::invalid_input);
    CHECK(f.vault->sessions().add_review_note(core::SessionId{9999}, "x").error().code ==
          StorageErrc::not_found);
    CHECK(f.stats().audit_events == before.audit_events + 1);
}

TEST_CASE("storage: a practitioner writes records but cannot manage accounts", "[storage][roles]") {
    VaultFixture f;
    sign_in_as_new(f, "pat.practitioner", core::Role::practitioner);
    auto client = f.vault->clients().add(punctum::test::make_client("Treated By Pat"));
    REQUIRE(client.ok());
    auto sid =
        punctum::test::add_session(*f.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(sid.ok());
    CHECK(f.vault->sessions().get(*sid)->practitioner == f.vault->account().id);

    auto acc = f.vault->accounts().add("newbie", "Newbie", core::Role::practitioner,
                                       storage::SecureBytes::from("newbie passphrase"),
                                       storage::KdfParams::minimum_for_tests());
    REQUIRE_FALSE(acc.ok());
    CHECK(acc.error().code == StorageErrc::forbidden);
    CHECK(f.stats().accounts == 2);
}

TEST_CASE("storage: the audit table refuses UPDATE and DELETE even with the raw key",
          "[storage][audit]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Audited Client")).ok());
    auto hex = f.vault->reveal_data_key_hex();
    REQUIRE(hex.ok());
    const std::string key(hex->view());
    REQUIRE(std::regex_match(key, std::regex("[0-9a-f]{64}")));
    const auto events = f.stats().audit_events;
    f.vault.reset();

    const std::string unlock = "PRAGMA key = \"x'" + key + "'\"; PRAGMA cipher_page_size = 4096; ";
    const fs::path db = f.folder / "vault.db";
    // Control: with the raw key the stock tool reads the vault.
    auto read = run_sqlcipher(db, unlock + "SELECT count(*) FROM audit_events;", f.tmp.path());
    INFO("stdout: " << read.out << "\nstderr: " << read.err);
    REQUIRE(read.exit_code == 0);
    CHECK(std::stoll(read.out) == events);

    auto update =
        run_sqlcipher(db, unlock + "UPDATE audit_events SET action = 'forged';", f.tmp.path());
    INFO("update stderr: " << update.err);
    CHECK(update.exit_code != 0);
    CHECK(contains(update.err, "audit events cannot be changed"));

    auto remove = run_sqlcipher(db, unlock + "DELETE FROM audit_events;", f.tmp.path());
    INFO("delete stderr: " << remove.err);
    CHECK(remove.exit_code != 0);
    CHECK(contains(remove.err, "audit events cannot be deleted"));

    auto again = run_sqlcipher(
        db, unlock + "SELECT count(*) FROM audit_events WHERE action = 'forged';", f.tmp.path());
    REQUIRE(again.exit_code == 0);
    CHECK(std::stoll(again.out) == 0);

    // And the vault still opens, with every event in place.
    f.reopen();
    CHECK(f.stats().audit_events == events);
}
