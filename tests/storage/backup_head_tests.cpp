// Every backup keeps the audit head (issue 12, item 2): the newest event's seq and MAC, tagged
// with the audit key, sealed with the database. Restore refuses a backup whose database does
// not reach it (swapped for an older copy) or whose head was forged, and one damaged anywhere;
// a refused restore touches nothing. A restore seeds the state folder's head for its folder.

#include "audit_head_file.h"
#include "backup_file.h"
#include "backup_support.h"
#include "support/files.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

using punctum::test::snapshot;

// A vault whose database was copied aside (closed, so vault.db holds all of it) with one
// client, then given a second client and backed up.
struct Swappable {
    VaultFixture f;
    fs::path older = f.tmp.path() / "older-vault.db";
    fs::path backup = f.tmp.path() / "newer.punctum-backup";
    Swappable() {
        REQUIRE(f.vault->clients().add(punctum::test::make_client("First")).ok());
        f.vault.reset();
        fs::copy_file(f.folder / storage::Vault::database_file, older);
        f.reopen();
        REQUIRE(f.vault->clients().add(punctum::test::make_client("Second")).ok());
        REQUIRE(f.vault->backup_to(backup).ok());
    }
    [[nodiscard]] std::string keys() const {
        return punctum::test::read_file(f.folder / storage::Vault::key_file);
    }
    [[nodiscard]] storage::StorageResult<void> restore_to(const fs::path& folder) const {
        return storage::Vault::restore(backup, folder, "admin", f.passphrase, f.clock, true);
    }
};

// Restores into a vault of its own and checks the refusal left it exactly as it was.
void refused_untouched(const Swappable& s, const std::string& why) {
    VaultFixture target;
    REQUIRE(target.vault->clients().add(punctum::test::make_client("Target")).ok());
    target.vault.reset();
    const auto before = snapshot(target.folder);
    auto r = s.restore_to(target.folder);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::corrupt);
    CHECK_THAT(r.error().message, Catch::Contains(why));
    CHECK_THAT(r.error().message, Catch::Contains("Nothing was changed"));
    CHECK(snapshot(target.folder) == before);
    for (const auto& entry : fs::directory_iterator(target.folder.parent_path())) {
        CHECK(entry.path().filename().string().find(".restoring") == std::string::npos);
        CHECK(entry.path().filename().string().find(".replaced") == std::string::npos);
    }
    auto opened = target.reopen().stats();
    REQUIRE(opened.ok());
    CHECK(opened->clients == 1);
    CHECK(target.vault->audit_warning().empty());
}

} // namespace

TEST_CASE("storage: a backup carries the vault's audit head, its own event included",
          "[storage][backup][audit]") {
    Swappable s;
    const auto header = punctum::test::header_of(s.backup);
    REQUIRE(header.format == 2);
    REQUIRE(header.audit_head.has_value());
    // The head beside the vault moved on with the backup's own event: the same one.
    const auto beside =
        nlohmann::json::parse(punctum::test::read_file(s.f.folder / storage::Vault::head_file));
    CHECK(header.audit_head->head.seq == beside.at("seq").get<std::int64_t>());
    CHECK(storage::crypto::to_hex(header.audit_head->head.mac) ==
          beside.at("mac").get<std::string>());
    CHECK(storage::crypto::to_hex(header.audit_head->tag) == beside.at("tag").get<std::string>());
    CHECK(header.schema_version.has_value());
    // The backup is sealed: the database's bytes are not in it as they are in the copy.
    const auto bytes = punctum::test::read_file(s.backup);
    CHECK(bytes.find("SQLite format 3") == std::string::npos);
}

TEST_CASE("storage: a backup whose database was swapped for an older copy is refused",
          "[storage][backup][restore][audit]") {
    Swappable s;
    // Someone holding the data key reseals the older database under the newer backup's header.
    const auto key = punctum::test::data_key_of(*s.f.vault);
    punctum::test::write_backup_file(s.backup, punctum::test::header_of(s.backup), s.keys(),
                                     s.older, key);
    refused_untouched(s, "does not reach the audit head");
}

TEST_CASE("storage: a backup whose audit head was forged is refused",
          "[storage][backup][restore][audit]") {
    Swappable s;
    const auto key = punctum::test::data_key_of(*s.f.vault);
    auto header = punctum::test::header_of(s.backup);
    REQUIRE(header.audit_head.has_value());
    // The head moved back to the older database's last event, the tag left as it was.
    header.audit_head->head.seq -= 1;
    const auto copy = s.f.tmp.path() / "copy.db";
    s.f.vault.reset();
    fs::copy_file(s.f.folder / storage::Vault::database_file, copy);
    punctum::test::write_backup_file(s.backup, header, s.keys(), copy, key);
    refused_untouched(s, "does not belong");
}

TEST_CASE("storage: a backup changed anywhere is refused and touches nothing",
          "[storage][backup][restore]") {
    Swappable s;
    {
        // Resealed in 4 KiB chunks (the vault is small), the same database and header.
        const auto key = punctum::test::data_key_of(*s.f.vault);
        s.f.vault.reset();
        const auto copy = s.f.tmp.path() / "same.db";
        fs::copy_file(s.f.folder / storage::Vault::database_file, copy);
        punctum::test::write_backup_file(s.backup, punctum::test::header_of(s.backup), s.keys(),
                                         copy, key);
        REQUIRE(s.restore_to(s.f.tmp.path() / "as-resealed").ok());
    }
    auto bytes = punctum::test::read_file(s.backup);
    const auto header = punctum::test::header_of(s.backup);
    REQUIRE(header.database_size > 2 * header.chunk_size);
    std::string why = "does not verify";
    SECTION("a byte of the database stream") {
        bytes[bytes.size() - 5000] ^= 0x20;
    }
    SECTION("a byte of the header, which the first chunk vouches for") {
        const auto at = bytes.find("\"created_at\":\"2026");
        REQUIRE(at < header.prefix.size());
        bytes[at + 17] = '5'; // 2025: still a well-formed header
    }
    SECTION("the last chunk cut off") {
        bytes.resize(bytes.size() - 100);
        why = "truncated";
    }
    SECTION("a chunk dropped, the header's sizes made to match") {
        const auto line_end = bytes.find('\n', 17);
        auto json = nlohmann::json::parse(bytes.substr(17, line_end - 17));
        json["database_size"] = header.database_size - header.chunk_size;
        const auto stream = header.prefix.size();
        std::string forged = bytes.substr(0, 17) + json.dump() + "\n" +
                             bytes.substr(line_end + 1, stream - line_end - 1) +
                             bytes.substr(stream, 24 + header.chunk_size + 17) +
                             bytes.substr(stream + 24 + 2 * (header.chunk_size + 17));
        bytes = forged;
    }
    punctum::test::write_file(s.backup, bytes);
    refused_untouched(s, why);
}

TEST_CASE("storage: a restore seeds the state folder's audit head for the folder it made",
          "[storage][backup][restore][audit]") {
    Swappable s;
    const auto restored = s.f.tmp.path() / "elsewhere";
    REQUIRE(s.restore_to(restored).ok());
    const auto header = punctum::test::header_of(s.backup);
    const auto state = storage::state_head_folder(header.vault_id, restored);
    REQUIRE_FALSE(state.empty());
    REQUIRE(fs::exists(state / storage::audit_head_file));
    CHECK(punctum::test::read_file(state / storage::audit_head_file) ==
          punctum::test::read_file(restored / storage::Vault::head_file));
    auto opened = storage::Vault::open(restored, "admin", s.f.passphrase, s.f.clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->audit_warning().empty());
    CHECK((*opened)->stats()->clients == 2);
}
