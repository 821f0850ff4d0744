// History cannot be rolled back unnoticed (issue 12, item 2; the part done so far): a vault
// database replaced by an older copy of itself does not reach the audit head kept beside it,
// and a pure read never commits, so it cannot move that head back and erase the evidence.

#include "support/files.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <map>

namespace fs = std::filesystem;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

TEST_CASE("storage: reading the norms in force after a rollback keeps the evidence",
          "[storage][audit][rollback]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Before")).ok());
    f.vault.reset();
    // An older copy of the database (the WAL is checkpointed when the vault closes).
    const auto db = f.folder / storage::Vault::database_file;
    const auto older = punctum::test::read_file(db);
    f.reopen();
    REQUIRE(f.vault->clients().add(punctum::test::make_client("After")).ok());
    f.vault.reset();
    const auto head = f.folder / "audit-head.json";
    REQUIRE(fs::exists(head));
    const auto head_before = punctum::test::read_file(head);

    // Put the older database back, as an insider or a careless copy would.
    fs::remove(f.folder / (std::string(storage::Vault::database_file) + "-wal"));
    fs::remove(f.folder / (std::string(storage::Vault::database_file) + "-shm"));
    punctum::test::write_file(db, older);

    auto& v = f.reopen();
    CHECK_FALSE(v.audit_warning().empty());
    // Pure reads, as every page and command makes them: none may commit.
    REQUIRE(v.norms().active().ok());
    REQUIRE(v.clients().list("", 0, 10).ok());
    CHECK(punctum::test::read_file(head) == head_before);
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK_FALSE(check->ok());
}

namespace {

// The vault folder's files, to put back later as an "older copy".
std::map<std::string, std::string> copy_of(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files[entry.path().filename().string()] = punctum::test::read_file(entry.path());
        }
    }
    return files;
}

void put_back(const fs::path& folder, const std::map<std::string, std::string>& files) {
    for (const auto& entry : fs::directory_iterator(folder)) {
        fs::remove(entry.path());
    }
    for (const auto& [name, bytes] : files) {
        punctum::test::write_file(folder / name, bytes);
    }
}

// A vault with one client, an older copy of its whole folder, then a second client.
struct RolledBack {
    VaultFixture f;
    std::map<std::string, std::string> older;
    RolledBack() {
        REQUIRE(f.vault->clients().add(punctum::test::make_client("Before")).ok());
        f.vault.reset();
        older = copy_of(f.folder);
        f.reopen();
        REQUIRE(f.vault->clients().add(punctum::test::make_client("After")).ok());
        f.vault.reset();
    }
};

void check_fails(storage::Vault& v, const std::string& words) {
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK_FALSE(check->ok());
    CHECK_THAT(check->audit.message, Catch::Contains(words));
    auto verified = v.audit().verify();
    REQUIRE(verified.ok());
    CHECK_FALSE(verified->ok);
}

} // namespace

TEST_CASE("storage: the whole vault folder replaced by an older copy is detected",
          "[storage][audit][rollback]") {
    RolledBack r;
    put_back(r.f.folder, r.older); // its own older audit-head.json included
    auto& v = r.f.reopen();
    CHECK_THAT(v.audit_warning(), Catch::Contains("older copy"));
    check_fails(v, "older copy");

    // Writing on does not erase the evidence: the head kept outside never moves back.
    REQUIRE(v.clients().add(punctum::test::make_client("Later")).ok());
    auto& again = r.f.reopen();
    CHECK_FALSE(again.audit_warning().empty());
    check_fails(again, "replaced");
}

TEST_CASE("storage: an older vault.db without its audit head is detected",
          "[storage][audit][rollback]") {
    RolledBack r;
    fs::remove(r.f.folder / "vault.db-wal");
    fs::remove(r.f.folder / "vault.db-shm");
    punctum::test::write_file(r.f.folder / storage::Vault::database_file, r.older.at("vault.db"));
    fs::remove(r.f.folder / "audit-head.json");
    auto& v = r.f.reopen();
    CHECK_FALSE(v.audit_warning().empty());
    check_fails(v, "older copy");
}

TEST_CASE("storage: a missing audit head where one is expected is a finding, not a pass",
          "[storage][audit][rollback]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Someone")).ok());
    f.vault.reset();
    fs::remove(f.folder / "audit-head.json");
    auto& v = f.reopen();
    CHECK_THAT(v.audit_warning(), Catch::Contains("missing"));
    check_fails(v, "missing");
}

TEST_CASE("storage: restoring an older backup is a rollback asked for, and does not warn",
          "[storage][audit][rollback][restore]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Before")).ok());
    const auto backup = f.tmp.path() / "older.punctum-backup";
    REQUIRE(f.vault->backup_to(backup).ok());
    REQUIRE(f.vault->clients().add(punctum::test::make_client("After")).ok());
    f.vault.reset();
    auto restored =
        storage::Vault::restore(backup, f.folder, "admin", f.passphrase, f.clock, /*replace=*/true);
    INFO((restored ? std::string("restored") : restored.error().message));
    REQUIRE(restored.ok());
    auto& v = f.reopen();
    CHECK(v.audit_warning().empty());
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK(check->ok());
    CHECK(v.stats()->clients == 1);
}
