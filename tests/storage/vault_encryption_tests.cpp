// No plaintext on disk: not in the database, not in its write-ahead log, not in the key file,
// and the stock sqlcipher tool cannot read the vault without its key.

#include "support/files.h"
#include "support/process.h"
#include "vault_database.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::contains;
using punctum::test::read_file;
using punctum::test::VaultFixture;

namespace {

constexpr const char* name_marker = "Zqxv Plaintextmarker";
constexpr const char* note_marker = "NOTEMARKER-7731-qzx";
constexpr const char* entry_marker = "ENTRYMARKER-5590-kjw";
const std::string sqlite_header("SQLite format 3", 15);

// Every file in the vault folder: none may hold a marker or an SQLite plaintext header.
void check_no_plaintext(const fs::path& folder) {
    int scanned = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const auto bytes = read_file(entry.path());
        INFO(entry.path().filename().string() << " (" << bytes.size() << " bytes)");
        CHECK_FALSE(contains(bytes, name_marker));
        CHECK_FALSE(contains(bytes, "Plaintextmarker"));
        CHECK_FALSE(contains(bytes, note_marker));
        CHECK_FALSE(contains(bytes, entry_marker));
        CHECK_FALSE(contains(bytes, sqlite_header));
        CHECK_FALSE(contains(bytes, "CREATE TABLE"));
        CHECK_FALSE(contains(bytes, punctum::test::test_passphrase));
        ++scanned;
    }
    CHECK(scanned >= 3);
}

void write_marked_records(storage::Vault& vault) {
    core::Client c;
    c.display_name = name_marker;
    c.notes = note_marker;
    auto client = vault.clients().add(c);
    REQUIRE(client.ok());
    auto session = punctum::test::make_session(*client, core::date_of(punctum::test::test_time()));
    session.notes = note_marker;
    auto sid = punctum::test::add_session(vault, session);
    REQUIRE(sid.ok());
    core::RecoveryEntry e;
    e.session_id = *sid;
    e.observed_on = session.treated_on;
    e.note = entry_marker;
    REQUIRE(vault.sessions().add_entry(e).ok());
}

// The stock sqlcipher shell, run on `db` with `sql`, HOME pointed away from any ~/.sqliterc.
punctum::test::ProcessResult run_sqlcipher(const fs::path& db, const std::string& sql,
                                           const fs::path& home) {
    const std::string tool = PUNCTUM_SQLCIPHER_TOOL;
    if (tool.empty() || !fs::exists(tool)) {
        FAIL("the sqlcipher command-line tool is not installed (Debian package 'sqlcipher', "
             "listed in packaging/deps)");
    }
    auto env = punctum::test::environment_without({"HOME", "SQLITE_HISTORY"});
    env.push_back("HOME=" + home.string());
    return punctum::test::run_process(tool, {"-batch", db.string(), sql}, env);
}

} // namespace

TEST_CASE("storage: no plaintext in the database or its WAL while open and after close",
          "[storage][encryption]") {
    VaultFixture f;
    write_marked_records(*f.vault);
    // Open: the records are in the write-ahead log, not yet checkpointed into vault.db.
    REQUIRE(fs::exists(f.folder / "vault.db-wal"));
    CHECK(fs::file_size(f.folder / "vault.db-wal") > 0);
    {
        INFO("vault open");
        check_no_plaintext(f.folder);
    }
    f.vault.reset();
    {
        INFO("vault closed");
        check_no_plaintext(f.folder);
    }
    // And the records really were written, so the scan had something to miss.
    auto& v = f.reopen();
    auto found = v.clients().list("Plaintextmarker", 0, 10);
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(v.clients().get(found->front().id)->notes == note_marker);
}

TEST_CASE("storage: the database does not start with the SQLite plaintext header",
          "[storage][encryption]") {
    VaultFixture f;
    f.vault.reset();
    const auto bytes = read_file(f.folder / "vault.db");
    REQUIRE(bytes.size() >= 4096);
    CHECK(bytes.substr(0, 16) != std::string("SQLite format 3\0", 16));
    CHECK(bytes.size() % 4096 == 0); // the page size recorded in keys.json
}

TEST_CASE("storage: the sqlcipher tool cannot read the vault without its key",
          "[storage][encryption]") {
    VaultFixture f;
    write_marked_records(*f.vault);
    f.vault.reset();
    const auto before = punctum::test::snapshot(f.folder);

    // Control: the same tool reads a plain database, so a failure below is the encryption.
    const fs::path plain = f.tmp.path() / "plain.db";
    auto control = run_sqlcipher(plain,
                                 "CREATE TABLE t(x); INSERT INTO t VALUES (41); "
                                 "SELECT x + 1 FROM t;",
                                 f.tmp.path());
    INFO("control stderr: " << control.err);
    REQUIRE(control.exit_code == 0);
    REQUIRE(contains(control.out, "42"));

    SECTION("no key") {
        auto r = run_sqlcipher(f.folder / "vault.db", "SELECT count(*) FROM sqlite_master;",
                               f.tmp.path());
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code != 0);
        CHECK(contains(r.err, "file is encrypted or is not a database"));
        CHECK_FALSE(contains(r.out, name_marker));
    }
    SECTION("the passphrase used as a SQLCipher key") {
        // The passphrase only unwraps the data key; it is not the database key.
        auto r = run_sqlcipher(f.folder / "vault.db",
                               std::string("PRAGMA key = '") + punctum::test::test_passphrase +
                                   "'; SELECT display_name FROM clients;",
                               f.tmp.path());
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code != 0);
        CHECK(contains(r.err, "file is encrypted or is not a database"));
        CHECK_FALSE(contains(r.out, name_marker));
    }
    CHECK(punctum::test::snapshot(f.folder) == before);
}

TEST_CASE("storage: the key file holds no secret in the clear", "[storage][encryption]") {
    VaultFixture f;
    const auto keys = read_file(f.folder / "keys.json");
    CHECK_FALSE(contains(keys, punctum::test::test_passphrase));
    CHECK_FALSE(contains(keys, f.recovery_key));
    CHECK(contains(keys, "argon2id13"));
    CHECK(contains(keys, "punctum-vault"));
}

TEST_CASE("storage: temporary tables and sorts stay in memory (temp_store = MEMORY)",
          "[storage][encryption]") {
    punctum::test::TempDir tmp;
    storage::SecureBytes key(32);
    std::fill(key.data(), key.data() + key.size(), static_cast<unsigned char>(7));
    auto db = storage::open_vault_database(tmp.path() / "t.db", key, 4096, true);
    CHECK(db->query_int("PRAGMA temp_store") == 2); // 2 = MEMORY
}
