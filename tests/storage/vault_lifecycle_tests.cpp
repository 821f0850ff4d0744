// Creating, opening and refusing to open vaults: every refusal has its own error code and
// leaves the files on disk exactly as they were.

#include "support/files.h"
#include "support/temp_dir.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <grp.h>
#include <regex>
#include <set>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

const std::string wrong_words = "The account name or passphrase is not right";

storage::StorageResult<storage::CreatedVault>
create_at(const fs::path& folder, const core::Clock& clock,
          const std::string& pass = "pass phrase lantern otter") {
    return storage::Vault::create(folder, storage::SecureBytes::from(pass),
                                  VaultFixture::options(storage::VaultKind::clinic), clock);
}

} // namespace

TEST_CASE("storage: a new clinic vault signs in its admin and reopens", "[storage][vault]") {
    VaultFixture f;
    CHECK(f.vault->kind() == storage::VaultKind::clinic);
    CHECK(f.vault->account().name == "admin");
    CHECK(f.vault->account().display_name == "Test account");
    CHECK(f.vault->account().role == core::Role::admin);
    CHECK(f.vault->folder() == f.folder);
    const auto s = f.stats();
    CHECK(s.accounts == 1);
    CHECK(s.clients == 0);
    CHECK(s.sessions == 0);
    CHECK(s.entries == 0);
    // The creator's signing key, vault.create, account.add and norms.adopt (the default)
    CHECK(s.audit_events == 4);

    auto& reopened = f.reopen();
    CHECK(reopened.account().name == "admin");
    CHECK(reopened.account().role == core::Role::admin);
    CHECK(reopened.kind() == storage::VaultKind::clinic);

    const auto summary = storage::Vault::inspect(f.folder);
    REQUIRE(summary.ok());
    CHECK(summary->kind == storage::VaultKind::clinic);
    CHECK(summary->accounts == std::vector<std::string>{"admin"});
}

TEST_CASE("storage: a personal vault's only account is the patient", "[storage][vault]") {
    VaultFixture f(storage::VaultKind::personal);
    CHECK(f.vault->kind() == storage::VaultKind::personal);
    CHECK(f.vault->account().role == core::Role::patient);
    CHECK(f.reopen().account().role == core::Role::patient);
}

TEST_CASE("storage: a vault folder holds the key file, the database and the lock",
          "[storage][vault]") {
    VaultFixture f;
    f.vault.reset();
    // The three a vault cannot do without; audit-head.json may sit beside them. Nothing
    // else: no plaintext copy, no leftover temporary or journal file once closed.
    const std::set<std::string> allowed{"keys.json", "vault.db", "vault.lock", "audit-head.json"};
    std::set<std::string> present;
    for (const auto& entry : fs::directory_iterator(f.folder)) {
        present.insert(entry.path().filename().string());
    }
    for (const auto& name : {"keys.json", "vault.db", "vault.lock"}) {
        INFO(name);
        CHECK(present.count(name) == 1);
    }
    for (const auto& name : present) {
        INFO(name);
        CHECK(allowed.count(name) == 1);
    }
    // Nothing was left beside it from building it under a temporary name.
    CHECK(punctum::test::list_names(f.tmp.path()) == "vault\n");
}

TEST_CASE("storage: vault files are readable by their owner only", "[storage][vault]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Mode Check")).ok());
    // While open, the -wal and -shm files exist too and must be as private.
    struct stat st {};
    REQUIRE(::stat(f.folder.c_str(), &st) == 0);
    CHECK((st.st_mode & 0077U) == 0U);
    int files = 0;
    for (const auto& entry : fs::directory_iterator(f.folder)) {
        INFO(entry.path().filename().string());
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0077U) == 0U);
        ++files;
    }
    CHECK(files >= 4); // keys.json, vault.db, vault.lock and at least vault.db-wal
}

TEST_CASE("storage: the recovery key is 32 base32 characters in groups of four",
          "[storage][vault]") {
    VaultFixture a;
    VaultFixture b;
    const std::regex form("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
    CHECK(std::regex_match(a.recovery_key, form));
    CHECK(std::regex_match(b.recovery_key, form));
    CHECK(a.recovery_key != b.recovery_key);
    // Shown once, never stored: not in the key file.
    CHECK_FALSE(
        punctum::test::contains(punctum::test::read_file(a.folder / "keys.json"), a.recovery_key));
}

TEST_CASE("storage: wrong passphrase is auth_failed and leaves every file byte-identical",
          "[storage][vault]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Before Wrong Key")).ok());
    f.vault.reset();
    const auto before = punctum::test::snapshot(f.folder);
    REQUIRE(before.count("vault.db") == 1);
    REQUIRE(before.count("keys.json") == 1);

    for (const std::string wrong :
         {"correct horse battery stapler", "", "Correct horse battery staple", "x"}) {
        INFO("passphrase '" << wrong << "'");
        auto r = f.open("admin", wrong);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::auth_failed);
        CHECK_THAT(r.error().message, Catch::Contains(wrong_words));
        CHECK(punctum::test::snapshot(f.folder) == before);
    }
    // The failed attempts released the lock: the right passphrase still opens it.
    auto ok = f.open("admin", punctum::test::test_passphrase);
    REQUIRE(ok.ok());
    CHECK((*ok)->clients().count("").value() == 1);
}

TEST_CASE("storage: an unknown account is refused in the same words as a wrong passphrase",
          "[storage][vault]") {
    VaultFixture f;
    f.vault.reset();
    const auto before = punctum::test::snapshot(f.folder);
    for (const std::string account : {"root", "Admin", "", "admin "}) {
        INFO("account '" << account << "'");
        auto r = f.open(account, punctum::test::test_passphrase);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::auth_failed);
        CHECK_THAT(r.error().message, Catch::Contains(wrong_words));
    }
    CHECK(punctum::test::snapshot(f.folder) == before);
}

TEST_CASE("storage: a second open while the vault is open is in_use", "[storage][vault]") {
    VaultFixture f;
    // flock belongs to an open file description, so a second open() in this same process
    // conflicts just as another process would.
    auto second = f.open("admin", punctum::test::test_passphrase);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == StorageErrc::in_use);
    CHECK_FALSE(second.error().message.empty());
    // The first one is unaffected.
    CHECK(f.vault->clients().add(punctum::test::make_client("Still Writable")).ok());

    f.vault.reset();
    auto third = f.open("admin", punctum::test::test_passphrase);
    REQUIRE(third.ok());
    CHECK((*third)->clients().count("").value() == 1);
}

TEST_CASE("storage: create refuses a folder that already holds files and leaves it untouched",
          "[storage][vault]") {
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    const fs::path folder = tmp.path() / "busy";
    fs::create_directories(folder / "photos");
    punctum::test::write_file(folder / "notes.txt", "my own notes\n");
    punctum::test::write_file(folder / "photos" / "a.jpg", std::string(100, '\xff'));
    const auto before = punctum::test::snapshot(folder);

    auto r = create_at(folder, clock);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::exists);
    CHECK(punctum::test::snapshot(folder) == before);
    CHECK(punctum::test::list_names(tmp.path()) == "busy\n"); // no staging folder left
}

TEST_CASE("storage: create refuses to overwrite an existing vault", "[storage][vault]") {
    VaultFixture f;
    f.vault.reset();
    const auto before = punctum::test::snapshot(f.folder);
    auto r = create_at(f.folder, f.clock, "another passphrase");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::exists);
    CHECK(punctum::test::snapshot(f.folder) == before);
    CHECK(f.open("admin", punctum::test::test_passphrase).ok());
}

TEST_CASE("storage: create accepts an existing empty folder and a missing parent",
          "[storage][vault]") {
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    SECTION("empty folder") {
        fs::create_directory(tmp.path() / "empty");
        auto r = create_at(tmp.path() / "empty", clock);
        REQUIRE(r.ok());
        CHECK(fs::exists(tmp.path() / "empty" / "keys.json"));
    }
    SECTION("parent folders are made") {
        auto r = create_at(tmp.path() / "a" / "b" / "vault", clock);
        REQUIRE(r.ok());
        CHECK(fs::exists(tmp.path() / "a" / "b" / "vault" / "vault.db"));
    }
}

TEST_CASE("storage: create with an empty passphrase or account name is refused",
          "[storage][vault]") {
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    auto r = create_at(tmp.path() / "v", clock, "");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::invalid_input);

    auto options = VaultFixture::options(storage::VaultKind::clinic);
    options.account_name.clear();
    auto r2 = storage::Vault::create(
        tmp.path() / "v", storage::SecureBytes::from("long enough passphrase"), options, clock);
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().code == StorageErrc::invalid_input);
    CHECK(punctum::test::list_names(tmp.path()).empty());
}

TEST_CASE("storage: create fails with read_only where the parent cannot be written",
          "[storage][vault]") {
    punctum::test::TempDir tmp;
    const fs::path parent = tmp.path() / "locked";
    fs::create_directory(parent);
    const fs::path folder = parent / "vault";

    if (::geteuid() != 0) {
        REQUIRE(::chmod(parent.c_str(), 0500) == 0);
        core::FixedClock clock(punctum::test::test_time());
        auto r = create_at(folder, clock);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::read_only);
        CHECK_FALSE(fs::exists(folder));
        REQUIRE(::chmod(parent.c_str(), 0700) == 0);
        CHECK(punctum::test::list_names(parent).empty());
        return;
    }

    // Root ignores permission bits. Give the folder to `nobody`, read-only for its owner,
    // and try from a child process that has given up root for good.
    constexpr uid_t nobody = 65534;
    REQUIRE(::chmod(tmp.path().c_str(), 0755) == 0);
    REQUIRE(::chown(parent.c_str(), nobody, nobody) == 0);
    REQUIRE(::chmod(parent.c_str(), 0500) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0 ||
            ::setuid(0) == 0) {
            ::_exit(100); // cannot drop privileges here
        }
        core::FixedClock clock(punctum::test::test_time());
        auto r = create_at(folder, clock);
        ::_exit(r.ok() ? 101 : static_cast<int>(r.error().code));
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    const int code = WEXITSTATUS(status);
    if (code == 100) {
        WARN("running as root without the right to switch user: read-only case not tested");
        return;
    }
    CHECK(code != 101); // created a vault in a read-only folder
    CHECK(code == static_cast<int>(StorageErrc::read_only));
    CHECK_FALSE(fs::exists(folder));
    CHECK(punctum::test::list_names(parent).empty());
}

TEST_CASE("storage: create where the parent is a file fails and changes nothing",
          "[storage][vault]") {
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    punctum::test::write_file(tmp.path() / "plain-file", "data");
    auto r = create_at(tmp.path() / "plain-file" / "vault", clock);
    REQUIRE_FALSE(r.ok());
    CHECK(punctum::test::read_file(tmp.path() / "plain-file") == "data");
    CHECK(punctum::test::list_names(tmp.path()) == "plain-file\n");
}

TEST_CASE("storage: open refuses folders that hold no vault", "[storage][vault]") {
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    const fs::path folder = tmp.path() / "folder";
    fs::create_directory(folder);
    const auto open = [&] {
        return storage::Vault::open(folder, "admin", storage::SecureBytes::from("pass"), clock);
    };

    SECTION("a folder that does not exist") {
        auto r = storage::Vault::open(tmp.path() / "missing", "admin",
                                      storage::SecureBytes::from("pass"), clock);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::not_a_vault);
        CHECK_FALSE(fs::exists(tmp.path() / "missing"));
    }
    SECTION("an empty folder") {
        auto r = open();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::not_a_vault);
        CHECK(punctum::test::list_names(folder).empty());
    }
    SECTION("keys.json that is not JSON, or not ours") {
        const std::string text = GENERATE(as<std::string>{}, "garbage {", "", "[]", "42",
                                          R"({"magic": "someone-else", "format": 1})",
                                          R"({"magic": "punctum-vault", "format": 1})");
        CAPTURE(text);
        punctum::test::write_file(folder / "keys.json", text);
        punctum::test::write_file(folder / "vault.lock", "Punctum vault lock\n");
        const auto before = punctum::test::snapshot(folder);
        auto r = open();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::not_a_vault);
        CHECK(punctum::test::snapshot(folder) == before);
        auto i = storage::Vault::inspect(folder);
        REQUIRE_FALSE(i.ok());
        CHECK(i.error().code == StorageErrc::not_a_vault);
    }
}

TEST_CASE("storage: a key file from a newer Punctum is newer_version and nothing changes",
          "[storage][vault]") {
    VaultFixture f;
    f.vault.reset();
    auto keys = nlohmann::json::parse(punctum::test::read_file(f.folder / "keys.json"));
    REQUIRE(keys.at("format") == 2);
    keys["format"] = 99;
    punctum::test::write_file(f.folder / "keys.json", keys.dump(2));
    const auto before = punctum::test::snapshot(f.folder);

    auto r = f.open("admin", punctum::test::test_passphrase);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::newer_version);
    CHECK_THAT(r.error().message, Catch::Contains("newer"));
    CHECK(punctum::test::snapshot(f.folder) == before);
    auto i = storage::Vault::inspect(f.folder);
    REQUIRE_FALSE(i.ok());
    CHECK(i.error().code == StorageErrc::newer_version);
}

TEST_CASE("storage: a damaged database page is reported as corrupt", "[storage][vault]") {
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Bit Flip")).ok());
    f.vault.reset();
    REQUIRE_FALSE(fs::exists(f.folder / "vault.db-wal")); // checkpointed on close
    auto bytes = punctum::test::read_file(f.folder / "vault.db");
    REQUIRE(bytes.size() > 4096);
    bytes[200] = static_cast<char>(bytes[200] ^ 0x01); // inside page 1, past the salt
    punctum::test::write_file(f.folder / "vault.db", bytes);

    auto r = f.open("admin", punctum::test::test_passphrase);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::corrupt);
}

TEST_CASE("storage: a plaintext database in place of the vault's is refused as corrupt",
          "[storage][vault]") {
    VaultFixture f;
    f.vault.reset();
    std::string plain(4096, '\0');
    plain.replace(0, 16, std::string("SQLite format 3\0", 16));
    punctum::test::write_file(f.folder / "vault.db", plain);
    auto r = f.open("admin", punctum::test::test_passphrase);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::corrupt);
    CHECK(punctum::test::read_file(f.folder / "vault.db") == plain);
}

// Paths that once broke create(): a trailing slash, and an empty file where the folder goes.

TEST_CASE("storage: create accepts a vault path that ends in a slash", "[storage][vault]") {
    // Vault::create takes parent_path() of "x/vault/" as "x/vault" and builds the staging
    // folder inside the target itself, so the final rename fails with "Directory not empty".
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    auto r = create_at(fs::path(tmp.path().string() + "/vault/"), clock);
    INFO((r.ok() ? std::string("created") : r.error().message));
    CHECK(r.ok());
    CHECK(fs::exists(tmp.path() / "vault" / "keys.json"));
    CHECK(punctum::test::list_names(tmp.path()) == "vault\n");
}

TEST_CASE("storage: create refuses a path that is an empty regular file", "[storage][vault]") {
    // std::filesystem::is_empty() is true for an empty file, so check_folder_is_free lets it
    // through and create() then deletes the user's file to put the vault in its place.
    punctum::test::TempDir tmp;
    core::FixedClock clock(punctum::test::test_time());
    punctum::test::write_file(tmp.path() / "placeholder", "");
    auto r = create_at(tmp.path() / "placeholder", clock);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::exists);
    CHECK(fs::is_regular_file(tmp.path() / "placeholder"));
}
