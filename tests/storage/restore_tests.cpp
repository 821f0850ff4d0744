// Restore never deletes what is not a vault (issue 12, item 1): it goes into a new or empty
// folder, or, when asked to replace, only over a Punctum vault; a backup from a newer Punctum
// is refused before anything moves; a refused restore leaves every file as it was.

#include "backup_file.h"
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

TEST_CASE("storage: a backup from a newer Punctum is refused before anything moves",
          "[storage][restore]") {
    Backed b;
    // Make the backup's database claim a schema this build does not know.
    auto hex = b.f.vault->reveal_data_key_hex();
    REQUIRE(hex.ok());
    const auto raw = storage::crypto::from_hex(hex->view());
    REQUIRE(raw.has_value());
    storage::SecureBytes key(raw->size());
    std::copy(raw->begin(), raw->end(), key.data());
    b.f.vault.reset();
    const auto keys_json = punctum::test::read_file(b.f.folder / storage::Vault::key_file);
    {
        auto db = storage::open_vault_database(
            b.f.folder / storage::Vault::database_file, key,
            nlohmann::json::parse(keys_json).value("cipher_page_size", 4096), false);
        db->exec("PRAGMA user_version = 99");
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto database = punctum::test::read_file(b.f.folder / storage::Vault::database_file);
    const auto id = nlohmann::json::parse(keys_json).at("vault_id").get<std::string>();
    write(b.backup,
          storage::compose_backup(id, "clinic", "2026-03-03T09:00:00Z", keys_json, database));

    VaultFixture target;
    target.vault.reset();
    const auto before = snapshot(target.folder);
    auto r = b.restore_to(target.folder, true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::newer_version);
    CHECK_THAT(r.error().message, Catch::Contains("newer version of Punctum"));
    CHECK(snapshot(target.folder) == before);
}
