// Restore never deletes what is not a vault (issue 12, item 1): it goes into a new or empty
// folder, or, when asked to replace, only over a Punctum vault; a backup from a newer Punctum
// is refused before anything moves; a refused restore leaves every file as it was. Backups an
// earlier Punctum wrote (format 1) still restore.

#include "backup_file.h"
#include "backup_support.h"
#include "crypto.h"
#include "support/files.h"
#include "vault_database.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

using punctum::test::snapshot;

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    punctum::test::write_file(file, text);
}

// A vault with one client, backed up; the fixture stays open.
struct Backed {
    VaultFixture f;
    fs::path backup = f.tmp.path() / "clinic.punctum-backup";
    Backed() {
        REQUIRE(f.vault->clients().add(punctum::test::make_client("Kept Client")).ok());
        auto done = f.vault->backup_to(backup);
        INFO((done ? std::string("backed up") : done.error().message));
        REQUIRE(done.ok());
    }
    [[nodiscard]] storage::StorageResult<void> restore_to(const fs::path& folder,
                                                          bool replace) const {
        return storage::Vault::restore(backup, folder, "admin", f.passphrase, f.clock, replace);
    }
};

} // namespace

TEST_CASE("storage: restore refuses a folder of someone's own files, even with replace",
          "[storage][restore]") {
    Backed b;
    const auto documents = b.f.tmp.path() / "Documents";
    write(documents / "thesis.odt", "years of work");
    write(documents / "photos" / "holiday.jpg", "\xff\xd8 not really a jpeg");
    const auto before = snapshot(documents);
    for (const bool replace : {false, true}) {
        CAPTURE(replace);
        auto r = b.restore_to(documents, replace);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::exists);
        CHECK_THAT(r.error().message, Catch::Contains("not a Punctum vault"));
        CHECK(snapshot(documents) == before);
    }
    // No staging or set-aside folder is left beside it.
    for (const auto& entry : fs::directory_iterator(b.f.tmp.path())) {
        CHECK(entry.path().filename().string().find(".restoring") == std::string::npos);
        CHECK(entry.path().filename().string().find(".replaced") == std::string::npos);
    }
}

TEST_CASE("storage: restore goes into a new or an empty folder", "[storage][restore]") {
    Backed b;
    const auto fresh = b.f.tmp.path() / "new-vault";
    REQUIRE(b.restore_to(fresh, false).ok());
    const auto empty = b.f.tmp.path() / "empty";
    fs::create_directory(empty);
    REQUIRE(b.restore_to(empty, false).ok());
    for (const auto& folder : {fresh, empty}) {
        auto opened = storage::Vault::open(folder, "admin", b.f.passphrase, b.f.clock);
        REQUIRE(opened.ok());
        CHECK((*opened)->stats()->clients == 1);
    }
}

TEST_CASE("storage: restore over a vault needs replace, and then keeps nothing of the old one",
          "[storage][restore]") {
    Backed b;
    VaultFixture other;
    REQUIRE(other.vault->clients().add(punctum::test::make_client("Other A")).ok());
    REQUIRE(other.vault->clients().add(punctum::test::make_client("Other B")).ok());
    other.vault.reset();
    const auto before = snapshot(other.folder);

    auto refused = b.restore_to(other.folder, false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::exists);
    CHECK(snapshot(other.folder) == before);

    REQUIRE(b.restore_to(other.folder, true).ok());
    auto opened = storage::Vault::open(other.folder, "admin", b.f.passphrase, b.f.clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->stats()->clients == 1);
    CHECK_FALSE(fs::exists(other.folder.parent_path() / ".vault.replaced"));
}

namespace {

// The backed-up vault's database, made to claim a schema this build does not know, and its
// key file; the vault is closed.
struct NewerDatabase {
    std::string keys_json;
    fs::path database;
    storage::SecureBytes key;
};
NewerDatabase claim_newer_schema(Backed& b) {
    NewerDatabase out{
        {}, b.f.folder / storage::Vault::database_file, punctum::test::data_key_of(*b.f.vault)};
    b.f.vault.reset();
    out.keys_json = punctum::test::read_file(b.f.folder / storage::Vault::key_file);
    auto db = storage::open_vault_database(
        out.database, out.key, nlohmann::json::parse(out.keys_json).value("cipher_page_size", 4096),
        false);
    db->exec("PRAGMA user_version = 99");
    db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return out;
}

} // namespace

TEST_CASE("storage: a backup from a newer Punctum is refused before anything moves",
          "[storage][restore]") {
    Backed b;
    auto header = punctum::test::header_of(b.backup);
    auto newer = claim_newer_schema(b);
    SECTION("this format: its header says so, and nothing is even unpacked") {
        header.schema_version = 99;
        punctum::test::write_backup_file(b.backup, header, newer.keys_json, newer.database,
                                         newer.key);
    }
    SECTION("an earlier format: its database says so, checked before anything moves") {
        const auto database = punctum::test::read_file(newer.database);
        write(b.backup,
              storage::compose_backup_v1(header.vault_id, "clinic", "2026-03-03T09:00:00Z",
                                         newer.keys_json, database));
    }
    VaultFixture target;
    target.vault.reset();
    const auto before = snapshot(target.folder);
    auto r = b.restore_to(target.folder, true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::newer_version);
    CHECK_THAT(r.error().message, Catch::Contains("newer version of Punctum"));
    CHECK(snapshot(target.folder) == before);
    for (const auto& entry : fs::directory_iterator(target.folder.parent_path())) {
        CHECK(entry.path().filename().string().find(".restoring") == std::string::npos);
    }
}

TEST_CASE("storage: a backup file of a format this build does not know is refused",
          "[storage][restore]") {
    Backed b;
    write(b.backup, "PUNCTUM-BACKUP 3\n{\"whatever\":1}\n" + std::string(100, 'x'));
    auto r = b.restore_to(b.f.tmp.path() / "restored", false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::newer_version);
    CHECK_THAT(r.error().message, Catch::Contains("Update Punctum"));
    CHECK_FALSE(fs::exists(b.f.tmp.path() / "restored"));
}

TEST_CASE("storage: a backup made by an earlier Punctum (format 1) still restores",
          "[storage][restore]") {
    Backed b;
    b.f.vault.reset(); // closing checkpoints the WAL: vault.db holds everything
    const auto keys_json = punctum::test::read_file(b.f.folder / storage::Vault::key_file);
    const auto id = nlohmann::json::parse(keys_json).at("vault_id").get<std::string>();
    write(b.backup, storage::compose_backup_v1(
                        id, "clinic", "2026-03-03T09:00:00Z", keys_json,
                        punctum::test::read_file(b.f.folder / storage::Vault::database_file)));
    const auto restored = b.f.tmp.path() / "restored";
    auto r = b.restore_to(restored, false);
    INFO((r ? std::string("restored") : r.error().message));
    REQUIRE(r.ok());
    auto opened = storage::Vault::open(restored, "admin", b.f.passphrase, b.f.clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->audit_warning().empty());
    CHECK((*opened)->stats()->clients == 1);
    auto check = (*opened)->check();
    REQUIRE(check.ok());
    CHECK(check->ok());

    SECTION("and a damaged one is refused by its checksum") {
        auto bytes = punctum::test::read_file(b.backup);
        bytes[bytes.size() - 100] ^= 0x01;
        write(b.backup, bytes);
        auto damaged = b.restore_to(b.f.tmp.path() / "again", false);
        REQUIRE_FALSE(damaged.ok());
        CHECK(damaged.error().code == StorageErrc::corrupt);
        CHECK_THAT(damaged.error().message, Catch::Contains("checksum"));
        CHECK_FALSE(fs::exists(b.f.tmp.path() / "again"));
    }
}
