// History cannot be rolled back unnoticed (issue 12, item 2; the part done so far): a vault
// database replaced by an older copy of itself does not reach the audit head kept beside it,
// and a pure read never commits, so it cannot move that head back and erase the evidence.

#include "support/files.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

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
