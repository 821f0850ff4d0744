// Tamper evidence and the raw key, through the standard sqlcipher tool (issue #3): the
// audit triggers refuse changes; a changed, cut or rolled-back history makes
// `punctum-cli vault check` exit 4 and name what is wrong; the revealed key opens the vault
// in the stock tool, and nothing else does; a wrong passphrase changes no file.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using punctum::test::CliRunner;
using punctum::test::contains;
using punctum::test::ProcessResult;

namespace {

#ifdef PUNCTUM_SQLCIPHER_TOOL
const std::string sqlcipher_tool = PUNCTUM_SQLCIPHER_TOOL;
#else
const std::string sqlcipher_tool = "/usr/bin/sqlcipher"; // Debian package 'sqlcipher'
#endif

fs::path database(const CliRunner& cli) {
    return fs::path(cli.vault) / "vault.db";
}

/// The stock sqlcipher shell on the vault's database, HOME away from any ~/.sqliterc.
ProcessResult sqlcipher(const CliRunner& cli, const std::string& sql) {
    if (!fs::exists(sqlcipher_tool)) {
        FAIL("the sqlcipher command-line tool is not installed (Debian package 'sqlcipher', "
             "listed in packaging/deps)");
    }
    auto env = punctum::test::environment_without({"HOME", "SQLITE_HISTORY"});
    env.push_back("HOME=" + cli.tmp.path().string());
    return punctum::test::run_process(sqlcipher_tool, {"-batch", database(cli).string(), sql}, env);
}

/// SQL run with the raw key, as reveal-key's instructions say.
std::string keyed(const std::string& hex, const std::string& sql) {
    return "PRAGMA key = \"x'" + hex + "'\"; PRAGMA cipher_page_size = 4096; " + sql;
}

/// Runs `sql` with the key; it must succeed. Returns its output.
std::string sql_ok(const CliRunner& cli, const std::string& hex, const std::string& sql) {
    const auto r = sqlcipher(cli, keyed(hex, sql));
    INFO("sqlcipher: " << sql << "\nstdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

/// `vault reveal-key`: stdout is the 64-hex key and nothing else.
std::string reveal_key(const CliRunner& cli) {
    const auto r = cli.run({"vault", "reveal-key", "--vault", cli.vault});
    INFO("reveal-key stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string hex = trimmed(r.out);
    REQUIRE(std::regex_match(hex, std::regex("[0-9a-f]{64}")));
    CHECK_FALSE(contains(r.err, hex)); // the key goes to stdout only
    CHECK(contains(r.err, "cipher_page_size = 4096"));
    return hex;
}

void add_clients(const CliRunner& cli, int n, const std::string& prefix) {
    for (int i = 0; i < n; ++i) {
        const auto r = cli.run(
            {"client", "add", "--vault", cli.vault, "--name", prefix + " " + std::to_string(i)});
        INFO("client add stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
    }
}

ProcessResult vault_check(const CliRunner& cli, bool json = false) {
    std::vector<std::string> args{"vault", "check", "--vault", cli.vault};
    if (json) {
        args.emplace_back("--json");
    }
    return cli.run(args);
}

std::string max_seq(const CliRunner& cli, const std::string& hex) {
    return trimmed(sql_ok(cli, hex, "SELECT max(seq) FROM audit_events;"));
}

} // namespace

// ---------------------------------------------------------------------------------------
// 5. Audit tampering with the standard tool.

TEST_CASE(
    "cli: reliability: an audit event altered with the sqlcipher tool makes vault check exit 4 and "
    "name event #5",
    "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 3, "Audit Client");
    const std::string hex = reveal_key(cli);
    {
        const auto ok = vault_check(cli);
        INFO("check before tampering\nstdout: " << ok.out << "\nstderr: " << ok.err);
        REQUIRE(ok.exit_code == 0);
    }
    const std::string object_before =
        trimmed(sql_ok(cli, hex, "SELECT object FROM audit_events WHERE seq = 5;"));
    REQUIRE(object_before.rfind("client:", 0) == 0);
    REQUIRE(object_before != "client:999");

    // The trigger refuses the change, and the vault still checks ok.
    const auto refused = sqlcipher(cli, keyed(hex, "UPDATE audit_events SET action = 'x' "
                                                   "WHERE seq = 5;"));
    INFO("UPDATE with the trigger in place\nstdout: " << refused.out
                                                      << "\nstderr: " << refused.err);
    CHECK(refused.exit_code != 0);
    CHECK(contains(refused.err, "audit events cannot be changed"));
    CHECK(trimmed(sql_ok(cli, hex, "SELECT action FROM audit_events WHERE seq = 5;")) != "x");
    CHECK(vault_check(cli).exit_code == 0);

    // Without the trigger the row changes; the chain no longer verifies at #4.
    sql_ok(cli, hex,
           "DROP TRIGGER audit_events_no_update; "
           "UPDATE audit_events SET object = 'client:999' WHERE seq = 5;");
    REQUIRE(trimmed(sql_ok(cli, hex, "SELECT object FROM audit_events WHERE seq = 5;")) ==
            "client:999");
    const auto r = vault_check(cli);
    INFO("check after tampering\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(contains(r.out, "BROKEN"));
    CHECK(contains(r.out, "event #5"));
    CHECK_FALSE(contains(r.out, "event #2 "));

    const auto j = vault_check(cli, true);
    INFO("check --json\nstdout: " << j.out << "\nstderr: " << j.err);
    CHECK(j.exit_code == 4);
    const auto parsed = nlohmann::json::parse(j.out, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed.at("ok") == false);
    CHECK(parsed.at("audit_ok") == false);
    CHECK(parsed.at("first_broken_event") == 5);
    CHECK(parsed.at("integrity") == "ok");
}

TEST_CASE("cli: reliability: the last audit events deleted with the sqlcipher tool are "
          "detected by the head kept beside the vault (exit 4)",
          "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 4, "Cut Client");
    const std::string hex = reveal_key(cli);
    const int last = std::stoi(max_seq(cli, hex));
    REQUIRE(last >= 6);

    const auto refused = sqlcipher(
        cli, keyed(hex, "DELETE FROM audit_events WHERE seq = " + std::to_string(last) + ";"));
    CHECK(refused.exit_code != 0);
    CHECK(contains(refused.err, "audit events cannot be deleted"));

    sql_ok(cli, hex,
           "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > " +
               std::to_string(last - 2) + ";");
    REQUIRE(max_seq(cli, hex) == std::to_string(last - 2));

    // The chain that is left verifies by itself; only the head kept outside shows the cut.
    const auto r = vault_check(cli);
    INFO("check after deleting events " << last - 1 << " and " << last << "\nstdout: " << r.out
                                        << "\nstderr: " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(contains(r.out, "BROKEN"));
    CHECK(contains(r.out, "#" + std::to_string(last)));
    CHECK((contains(r.out, "truncated") || contains(r.out, "cut")));
    CHECK(contains(r.err, "warning"));
}

TEST_CASE(
    "cli: reliability: vault.db replaced by an older copy of itself is detected (warning at open, "
    "check exits 4)",
    "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 2, "Early Client");
    const fs::path db = database(cli);
    REQUIRE_FALSE(fs::exists(db.string() + "-wal"));
    const fs::path old_copy = cli.tmp.path() / "old-vault.db";
    fs::copy_file(db, old_copy);
    add_clients(cli, 3, "Later Client");
    REQUIRE(cli.stats().at("clients") == 5);

    fs::copy_file(old_copy, db, fs::copy_options::overwrite_existing);
    REQUIRE_FALSE(fs::exists(db.string() + "-wal"));

    const auto stats = cli.run({"vault", "stats", "--vault", cli.vault, "--json"});
    INFO("stats on the old copy\nstdout: " << stats.out << "\nstderr: " << stats.err);
    CHECK(contains(stats.err, "warning"));
    CHECK(contains(stats.err, "older copy"));

    const auto r = vault_check(cli);
    INFO("check on the old copy\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(contains(r.out, "BROKEN"));
    CHECK(contains(r.out, "older copy"));
    CHECK(contains(r.err, "older copy"));
}

// ---------------------------------------------------------------------------------------
// 6. The raw key and the standard tool.

TEST_CASE("cli: reliability: the sqlcipher tool reads the vault with the revealed key and with "
          "nothing else",
          "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 7, "Counted Client");
    const std::string hex = reveal_key(cli);
    const auto before = punctum::test::snapshot(cli.vault);

    CHECK(trimmed(sql_ok(cli, hex, "SELECT count(*) FROM clients;")) == "7");
    CHECK(trimmed(sql_ok(cli, hex,
                         "SELECT count(*) FROM clients WHERE display_name LIKE "
                         "'Counted Client %';")) == "7");

    std::string wrong = hex;
    wrong[0] = wrong[0] == '0' ? '1' : '0';
    const std::vector<std::pair<std::string, std::string>> refusals{
        {"no key", "SELECT count(*) FROM clients;"},
        {"a wrong key", keyed(wrong, "SELECT count(*) FROM clients;")},
        {"the passphrase as key", std::string("PRAGMA key = '") + punctum::test::cli_passphrase +
                                      "'; SELECT count(*) FROM clients;"},
        {"the key without the page size",
         "PRAGMA key = \"x'" + hex + "'\"; SELECT count(*) FROM clients;"},
    };
    for (const auto& [what, sql] : refusals) {
        const auto r = sqlcipher(cli, sql);
        INFO(what << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code != 0);
        CHECK(contains(r.err, "file is encrypted or is not a database"));
        CHECK_FALSE(contains(r.out, "7"));
    }
    CHECK(punctum::test::snapshot(cli.vault) == before);
}

// ---------------------------------------------------------------------------------------
// 2 (the exit code): a damaged page makes `vault check` exit 4, wherever it is.

TEST_CASE(
    "cli: reliability: vault check on a vault with a flipped bit in any page exits 4 and says to "
    "restore a backup",
    "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    {
        const auto r = cli.run({"demo", "--vault", cli.vault, "--clients", "20", "--seed", "5"});
        INFO("demo stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
    }
    const fs::path folder(cli.vault);
    REQUIRE_FALSE(fs::exists(folder / "vault.db-wal"));
    const std::string pristine = punctum::test::read_file(folder / "vault.db");
    const std::size_t pages = pristine.size() / 4096;
    REQUIRE(pages >= 20);
    // Page 1 (the schema), the second page, pages through the middle, the last one. The
    // flipped byte is inside the page's encrypted data, before its IV and HMAC.
    for (std::size_t page :
         {std::size_t{1}, std::size_t{2}, pages / 4, pages / 2, 3 * pages / 4, pages - 1, pages}) {
        const fs::path copy = cli.tmp.path() / ("flipped-" + std::to_string(page));
        fs::create_directories(copy);
        for (const auto& entry : fs::directory_iterator(folder)) {
            fs::copy_file(entry.path(), copy / entry.path().filename());
        }
        std::string bytes = pristine;
        const std::size_t offset = (page - 1) * 4096 + 200;
        bytes[offset] = static_cast<char>(bytes[offset] ^ 0x10);
        punctum::test::write_file(copy / "vault.db", bytes);

        const auto r = cli.run({"vault", "check", "--vault", copy.string()});
        INFO("page " << page << " of " << pages << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 4);
        CHECK((contains(r.out + r.err, "damaged") || contains(r.out, "problem")));
        CHECK_FALSE(contains(r.out, "Integrity: ok"));
    }
}

// ---------------------------------------------------------------------------------------
// 7. A wrong passphrase changes nothing, whatever the command.

TEST_CASE(
    "cli: reliability: a wrong passphrase exits 3 for every command that opens a vault and leaves "
    "every file byte-identical",
    "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 2, "Kept Client");
    const fs::path out_file = cli.tmp.path() / "out.file";
    const std::vector<std::vector<std::string>> commands{
        {"vault", "stats", "--vault", cli.vault},
        {"vault", "check", "--vault", cli.vault},
        {"client", "list", "--vault", cli.vault},
        {"vault", "backup", "--vault", cli.vault, "--out", out_file.string()},
        {"vault", "rotate-key", "--vault", cli.vault},
        {"vault", "reveal-key", "--vault", cli.vault},
        {"client", "add", "--vault", cli.vault, "--name", "Intruder"},
        {"demo", "--vault", cli.vault, "--clients", "2"},
        {"vault", "export-plaintext", "--vault", cli.vault, "--out", out_file.string(),
         "--i-understand-this-is-unencrypted"},
        {"vault", "passwd", "--vault", cli.vault},
        {"account", "list", "--vault", cli.vault},
    };
    // Closed: no -wal or -shm; their absence is part of what must not change.
    const fs::path folder(cli.vault);
    REQUIRE_FALSE(fs::exists(folder / "vault.db-wal"));
    REQUIRE_FALSE(fs::exists(folder / "vault.db-shm"));
    const auto before = punctum::test::snapshot(folder);
    for (const auto& args : commands) {
        const auto r = cli.run(args, std::string("not the passphrase"));
        INFO("punctum-cli " << CliRunner::join(args) << "\nstdout: " << r.out
                            << "\nstderr: " << r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err, "passphrase is not right"));
        CHECK(r.out.empty());
        CHECK_FALSE(fs::exists(out_file));
        CHECK(punctum::test::snapshot(folder) == before);
    }
    CHECK(punctum::test::list_names(cli.tmp.path()) == "vault\n");
    // And the right passphrase still opens it, with nothing added.
    CHECK(cli.stats().at("clients") == 2);
}

TEST_CASE("cli: reliability: reveal-key's own instructions read the vault and leave the key in "
          "no file and no history",
          "[cli][reliability]") {
    CliRunner cli;
    cli.init();
    add_clients(cli, 3, "Counted Client");
    const auto r = cli.run({"vault", "reveal-key", "--vault", cli.vault});
    REQUIRE(r.exit_code == 0);
    const std::string hex = trimmed(r.out);
    // The pipeline exactly as printed, run by bash in a folder with the user's query.sql.
    const auto start = r.err.find("  (key=$(punctum-cli");
    REQUIRE(start != std::string::npos);
    const auto line = r.err.substr(start, r.err.find('\n', start) - start);
    CHECK_FALSE(contains(line, hex));
    const auto work = cli.tmp.path() / "work";
    fs::create_directories(work);
    punctum::test::write_file(work / "query.sql", "SELECT count(*) FROM clients;\n");
    auto env = punctum::test::environment_without(
        {"HOME", "PATH", "PUNCTUM_PASSPHRASE", "SQLITE_HISTORY", "XDG_STATE_HOME"});
    env.push_back("HOME=" + cli.tmp.path().string());
    env.push_back("XDG_STATE_HOME=" + cli.state.path().string());
    env.push_back("PUNCTUM_PASSPHRASE=" + std::string(punctum::test::cli_passphrase));
    env.push_back("PATH=" + fs::path(PUNCTUM_CLI_PATH).parent_path().string() + ":/usr/bin:/bin");
    const auto ran = punctum::test::run_process(
        "/bin/bash", {"-c", "cd '" + work.string() + "' && " + line}, env);
    INFO("ran: " << line << "\nstdout: " << ran.out << "\nstderr: " << ran.err);
    REQUIRE(ran.exit_code == 0);
    CHECK(trimmed(ran.out) == "3");
    // Nothing under HOME (the vault, the query, any shell or sqlite history) holds the key.
    for (const auto& entry : fs::recursive_directory_iterator(cli.tmp.path())) {
        if (entry.is_regular_file()) {
            INFO(entry.path());
            CHECK_FALSE(contains(punctum::test::read_file(entry.path()), hex));
        }
    }
}
