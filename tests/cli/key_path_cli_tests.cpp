// The key paths through their contract, the command line (issue #12, item 8): `vault recover`
// with the recovery key, `vault passwd`, `vault export-plaintext` read back by the stock
// sqlcipher tool, and `vault reveal-key` / `vault export-plaintext` refused to every role
// that may not have them (exit code, no key printed, no file written).

#include "cli_runner.h"
#include "support/files.h"
#include "support/skip.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

constexpr const char* staff_passphrase = "cli staff passphrase";

/// `vault init --json`: the vault is made and its recovery key returned.
std::string init_with_recovery_key(const CliRunner& cli, const std::string& kind = "clinic") {
    const auto r = cli.run(
        {"vault", "init", "--vault", cli.vault, "--kdf", "interactive", "--kind", kind, "--json"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j.at("recovery_key").get<std::string>();
}

/// A file holding `text`, for the --*-file options (no secret on a command line).
std::string secret_file(const CliRunner& cli, const std::string& name, const std::string& text) {
    const auto path = cli.tmp.path() / name;
    punctum::test::write_file(path, text);
    return path.string();
}

/// Runs `args` signed in as `account` with `passphrase`, given in a file.
punctum::test::ProcessResult as(const CliRunner& cli, const std::string& account,
                                const std::string& passphrase, std::vector<std::string> args) {
    args.insert(args.end(), {"--account", account, "--passphrase-file",
                             secret_file(cli, "pass-" + account, passphrase)});
    return cli.run(args, std::nullopt);
}

int stats_exit(const CliRunner& cli, const std::string& account, const std::string& passphrase) {
    return as(cli, account, passphrase, {"vault", "stats", "--vault", cli.vault}).exit_code;
}

void add_account(const CliRunner& cli, const std::string& name, const std::string& role) {
    const auto r = cli.run({"account", "add", "--vault", cli.vault, "--account", "admin", "--name",
                            name, "--role", role, "--kdf", "interactive", "--new-passphrase-file",
                            secret_file(cli, "new-" + name, staff_passphrase)});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
}

/// The newest audit event as `audit list --json` prints it, read as `account`.
nlohmann::json newest_event(const CliRunner& cli, const std::string& account,
                            const std::string& passphrase) {
    const auto r = as(cli, account, passphrase,
                      {"audit", "list", "--vault", cli.vault, "--limit", "1", "--json"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 1);
    return j.front();
}

} // namespace

TEST_CASE("cli: key paths: vault recover with the recovery key: the new passphrase works, the "
          "old one exits 3, and the recovery is audited",
          "[cli][keys]") {
    CliRunner cli;
    const auto recovery_key = init_with_recovery_key(cli);
    add_account(cli, "pat", "practitioner");
    REQUIRE(as(cli, "admin", punctum::test::cli_passphrase,
               {"client", "add", "--vault", cli.vault, "--name", "Kept Client"})
                .exit_code == 0);

    const std::string fresh = "the admin's passphrase after recovery";
    const auto r =
        cli.run({"vault", "recover", "--vault", cli.vault, "--account", "admin", "--kdf",
                 "interactive", "--recovery-key-file", secret_file(cli, "recovery", recovery_key),
                 "--new-passphrase-file", secret_file(cli, "fresh", fresh)},
                std::nullopt);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(contains(r.out + r.err, recovery_key));

    CHECK(stats_exit(cli, "admin", fresh) == 0);
    CHECK(stats_exit(cli, "admin", punctum::test::cli_passphrase) == 3);
    CHECK(stats_exit(cli, "pat", staff_passphrase) == 0);
    const auto event = newest_event(cli, "admin", fresh);
    CHECK(event.at("action") == "account.recover");
    CHECK(event.at("account") == "admin");
    const auto check = as(cli, "admin", fresh, {"vault", "check", "--vault", cli.vault});
    INFO("check: " << check.out << check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("cli: key paths: a wrong recovery key exits 3 and changes no file", "[cli][keys]") {
    CliRunner cli;
    auto recovery_key = init_with_recovery_key(cli);
    const auto before = punctum::test::snapshot(cli.vault);
    recovery_key[0] = recovery_key[0] == 'A' ? 'B' : 'A';
    const auto r =
        cli.run({"vault", "recover", "--vault", cli.vault, "--account", "admin", "--kdf",
                 "interactive", "--recovery-key-file", secret_file(cli, "recovery", recovery_key),
                 "--new-passphrase-file", secret_file(cli, "fresh", "never becomes a passphrase")},
                std::nullopt);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(punctum::test::snapshot(cli.vault) == before);
    CHECK(stats_exit(cli, "admin", punctum::test::cli_passphrase) == 0);
}

TEST_CASE("cli: key paths: vault recovery-key prints a new key on stdout alone, the old key "
          "exits 3, the new one recovers, and the replacement is audited",
          "[cli][keys]") {
    CliRunner cli;
    const auto old_key = init_with_recovery_key(cli);
    add_account(cli, "pat", "practitioner");
    const auto refused =
        as(cli, "pat", staff_passphrase, {"vault", "recovery-key", "--vault", cli.vault});
    CHECK(refused.exit_code == 1);

    const auto r = as(cli, "admin", punctum::test::cli_passphrase,
                      {"vault", "recovery-key", "--vault", cli.vault});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string new_key = r.out.substr(0, r.out.find('\n'));
    CHECK(r.out == new_key + "\n");
    CHECK(new_key.size() == old_key.size());
    CHECK(new_key != old_key);
    CHECK(newest_event(cli, "admin", punctum::test::cli_passphrase).at("action") ==
          "vault.recovery_key");

    const auto recover_with = [&](const std::string& key, const std::string& fresh) {
        return cli.run({"vault", "recover", "--vault", cli.vault, "--account", "admin", "--kdf",
                        "interactive", "--recovery-key-file", secret_file(cli, "recovery", key),
                        "--new-passphrase-file", secret_file(cli, "fresh", fresh)},
                       std::nullopt);
    };
    CHECK(recover_with(old_key, "never becomes a passphrase").exit_code == 3);
    const std::string fresh = "the admin's passphrase after recovery";
    const auto recovered = recover_with(new_key, fresh);
    INFO("recover: " << recovered.out << recovered.err);
    REQUIRE(recovered.exit_code == 0);
    CHECK(stats_exit(cli, "admin", fresh) == 0);
}

TEST_CASE("cli: key paths: vault passwd: the new passphrase works, the old one exits 3, other "
          "accounts are unaffected, and it is audited",
          "[cli][keys]") {
    CliRunner cli;
    cli.init();
    add_account(cli, "pat", "practitioner");
    add_account(cli, "rev", "reviewer");

    const std::string fresh = "the admin's new passphrase";
    const auto r = as(cli, "admin", punctum::test::cli_passphrase,
                      {"vault", "passwd", "--vault", cli.vault, "--kdf", "interactive",
                       "--new-passphrase-file", secret_file(cli, "fresh", fresh)});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    CHECK(stats_exit(cli, "admin", fresh) == 0);
    CHECK(stats_exit(cli, "admin", punctum::test::cli_passphrase) == 3);
    CHECK(stats_exit(cli, "pat", staff_passphrase) == 0);
    CHECK(stats_exit(cli, "rev", staff_passphrase) == 0);
    CHECK(stats_exit(cli, "pat", fresh) == 3);
    const auto event = newest_event(cli, "admin", fresh);
    CHECK(event.at("action") == "account.passphrase");
    CHECK(event.at("account") == "admin");
}

TEST_CASE("cli: key paths: vault export-plaintext writes a file the stock sqlcipher tool opens "
          "with no key, showing the clients",
          "[cli][keys][sqlcipher]") {
    const auto tool = punctum::test::find_on_path("sqlcipher");
    if (!tool) {
        PUNCTUM_SKIP("the sqlcipher command-line tool is not on PATH (Debian package "
                     "'sqlcipher', in packaging/deps)");
    }
    CliRunner cli;
    cli.init();
    for (const char* name : {"Plain Alpha", "Plain Beta"}) {
        REQUIRE(cli.run({"client", "add", "--vault", cli.vault, "--name", name}).exit_code == 0);
    }
    const auto out = cli.tmp.path() / "plain.db";
    const auto r = cli.run({"vault", "export-plaintext", "--vault", cli.vault, "--out",
                            out.string(), "--i-understand-this-is-unencrypted"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "NOT encrypted"));
    REQUIRE(fs::exists(out));

    auto env = punctum::test::environment_without({"HOME", "SQLITE_HISTORY"});
    env.push_back("HOME=" + cli.tmp.path().string());
    const auto read = punctum::test::run_process(
        tool->string(),
        {"-batch", out.string(), "SELECT display_name FROM clients ORDER BY display_name;"}, env);
    INFO("sqlcipher stdout: " << read.out << "\nstderr: " << read.err);
    REQUIRE(read.exit_code == 0);
    CHECK(read.out == "Plain Alpha\nPlain Beta\n");
    CHECK(newest_event(cli, "admin", punctum::test::cli_passphrase).at("action") ==
          "vault.export_plaintext");
}

TEST_CASE("cli: key paths: reveal-key and export-plaintext as each role: refused with exit 1, no "
          "key printed and no file written, where the role may not",
          "[cli][keys][roles]") {
    // Who may (core::permits, Action::reveal_key): a clinic's admin and a personal vault's
    // patient. Practitioners and reviewers may not.
    struct Case {
        std::string role;
        bool allowed;
    };
    for (const auto& c : {Case{"admin", true}, Case{"practitioner", false}, Case{"reviewer", false},
                          Case{"patient", true}}) {
        INFO("as " << c.role);
        CliRunner cli;
        const bool personal = c.role == "patient";
        init_with_recovery_key(cli, personal ? "personal" : "clinic");
        std::string account = personal ? "patient" : "admin";
        std::string passphrase = punctum::test::cli_passphrase;
        if (c.role == "practitioner" || c.role == "reviewer") {
            add_account(cli, c.role, c.role);
            account = c.role;
            passphrase = staff_passphrase;
        }
        (void)secret_file(cli, "pass-" + account, passphrase); // as() writes it again below
        const auto listed_before = punctum::test::list_names(cli.tmp.path());
        const auto vault_before = punctum::test::snapshot(cli.vault);

        const auto key =
            as(cli, account, passphrase, {"vault", "reveal-key", "--vault", cli.vault});
        const auto out = cli.tmp.path() / "plain.db";
        const auto exported = as(cli, account, passphrase,
                                 {"vault", "export-plaintext", "--vault", cli.vault, "--out",
                                  out.string(), "--i-understand-this-is-unencrypted"});
        INFO("reveal-key stdout: " << key.out << "\nstderr: " << key.err);
        INFO("export-plaintext stdout: " << exported.out << "\nstderr: " << exported.err);
        static const std::regex hex_key("[0-9a-f]{64}\n");
        if (c.allowed) {
            CHECK(key.exit_code == 0);
            CHECK(std::regex_match(key.out, hex_key));
            CHECK(exported.exit_code == 0);
            CHECK(fs::exists(out));
        } else {
            CHECK(key.exit_code == 1);
            CHECK(key.out.empty());
            CHECK(contains(key.err, "not allowed"));
            CHECK(exported.exit_code == 1);
            CHECK(exported.out.empty());
            CHECK(contains(exported.err, "not allowed"));
            CHECK_FALSE(fs::exists(out));
            // Nothing written anywhere: no file beside the vault, the vault as it was.
            CHECK(punctum::test::list_names(cli.tmp.path()) == listed_before);
            CHECK(punctum::test::snapshot(cli.vault) == vault_before);
        }
    }
}
