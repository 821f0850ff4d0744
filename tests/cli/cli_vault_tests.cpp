// punctum-cli vault commands and the exit codes scripts rely on:
// 0 ok, 1 other failure, 2 bad usage or input, 3 authentication failed, 4 integrity.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using punctum::test::CliRunner;
using punctum::test::contains;

namespace {
const std::regex recovery_key_form("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
}

TEST_CASE("cli: vault init exits 0 and prints a recovery key", "[cli]") {
    CliRunner cli;
    const auto r = cli.run({"vault", "init", "--vault", cli.vault, "--kdf", "interactive"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "Recovery key"));
    std::istringstream lines(r.out);
    std::string line;
    int keys = 0;
    while (std::getline(lines, line)) {
        const auto first = line.find_first_not_of(' ');
        if (first != std::string::npos && std::regex_match(line.substr(first), recovery_key_form)) {
            ++keys;
        }
    }
    CHECK(keys == 1);
    CHECK_FALSE(contains(r.out, punctum::test::cli_passphrase));
    CHECK(fs::exists(fs::path(cli.vault) / "keys.json"));
    CHECK(fs::exists(fs::path(cli.vault) / "vault.db"));
}

TEST_CASE("cli: a weak passphrase is refused by storage's rule: init and passwd exit 2 with the "
          "reason and write nothing",
          "[cli][passphrase]") {
    CliRunner cli;
    const auto weak = cli.run({"vault", "init", "--vault", cli.vault, "--kdf", "interactive"},
                              std::string("password1"));
    INFO("stdout: " << weak.out << "\nstderr: " << weak.err);
    CHECK(weak.exit_code == 2);
    CHECK(contains(weak.err, "too easy to guess"));
    CHECK_FALSE(fs::exists(cli.vault));

    cli.init();
    const auto keys_before = punctum::test::read_file(fs::path(cli.vault) / "keys.json");
    const auto passwd = fs::path(cli.tmp.path()) / "weak-new";
    punctum::test::write_file(passwd, "qwertyuiop");
    const auto r = cli.run({"vault", "passwd", "--vault", cli.vault, "--kdf", "interactive",
                            "--new-passphrase-file", passwd.string()});
    INFO("passwd stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "too easy to guess"));
    CHECK(punctum::test::read_file(fs::path(cli.vault) / "keys.json") == keys_before);
}

TEST_CASE("cli: vault init --json reports the vault and its recovery key", "[cli]") {
    CliRunner cli;
    const auto j = cli.json({"vault", "init", "--vault", cli.vault, "--kdf", "interactive",
                             "--kind", "personal", "--json"});
    CHECK(j.at("kind") == "personal");
    CHECK(j.at("account") == "patient");
    CHECK(j.at("vault") == cli.vault);
    CHECK(std::regex_match(j.at("recovery_key").get<std::string>(), recovery_key_form));
}

TEST_CASE("cli: a second vault init on the same path exits 2 and changes nothing", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto before = punctum::test::snapshot(cli.vault);
    const auto r = cli.run({"vault", "init", "--vault", cli.vault, "--kdf", "interactive"},
                           std::string("a different passphrase"));
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "already exists"));
    CHECK(punctum::test::snapshot(cli.vault) == before);
    // The original passphrase still opens it.
    CHECK(cli.stats().at("clients") == 0);
}

TEST_CASE("cli: a wrong passphrase exits 3 and says the passphrase is not right", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto before = punctum::test::snapshot(cli.vault);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"vault", "stats", "--vault", cli.vault},
             {"client", "add", "--vault", cli.vault, "--name", "Nobody"},
             {"client", "list", "--vault", cli.vault}}) {
        const auto r = cli.run(args, std::string("not the passphrase"));
        INFO(CliRunner::join(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err, "passphrase is not right"));
        CHECK(r.out.empty());
    }
    CHECK(punctum::test::snapshot(cli.vault) == before);
}

TEST_CASE("cli: vault stats --json counts records", "[cli]") {
    CliRunner cli;
    cli.init();
    auto s = cli.stats();
    CHECK(s.at("clients") == 0);
    CHECK(s.at("sessions") == 0);
    CHECK(s.at("entries") == 0);
    CHECK(s.at("accounts") == 1);
    CHECK(s.at("audit_events") == 4); // signing key, vault.create, account.add, norms.adopt

    const auto client =
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Counted", "--json"});
    const auto id = std::to_string(client.at("id").get<std::int64_t>());
    const auto session =
        cli.json(cli.screened({"session", "add", "--vault", cli.vault, "--client", id, "--date",
                               "2026-03-01", "--area", "cheeks:1.0", "--json"}));
    const auto sid = std::to_string(session.at("id").get<std::int64_t>());
    for (const char* day : {"2026-03-01", "2026-03-02"}) {
        (void)cli.json({"entry", "add", "--vault", cli.vault, "--session", sid, "--date", day,
                        "--erythema", "1", "--json"});
    }
    s = cli.stats();
    CHECK(s.at("clients") == 1);
    CHECK(s.at("sessions") == 1);
    CHECK(s.at("entries") == 2);
    CHECK(s.at("accounts") == 1);
    // The client, the screening the session needs (the gate), the session, two entries; an
    // ordinary course raises no flag.
    CHECK(s.at("audit_events") == 4 + 1 + 1 + 1 + 2);
    CHECK(s.at("flags") == 0);
}

TEST_CASE("cli: demo --clients 3 prints three client lines and stats counts three", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto r = cli.run({"demo", "--vault", cli.vault, "--clients", "3"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    int client_lines = 0;
    while (std::getline(lines, line)) {
        client_lines += line.rfind("client ", 0) == 0 ? 1 : 0;
    }
    CHECK(client_lines == 3);
    const auto s = cli.stats();
    CHECK(s.at("clients") == 3);
    CHECK(s.at("sessions").get<int>() >= 3);
    CHECK(s.at("entries").get<int>() >= 3);
}

TEST_CASE("cli: a missing vault path exits 2 with a clear message", "[cli]") {
    CliRunner cli;
    SECTION("no --vault at all") {
        const auto r = cli.run({"vault", "stats"});
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "--vault"));
    }
    SECTION("a path with no vault in it") {
        const auto missing = (cli.tmp.path() / "no-such-vault").string();
        const auto r = cli.run({"vault", "stats", "--vault", missing});
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "No Punctum vault here"));
        CHECK(contains(r.err, missing));
        CHECK_FALSE(fs::exists(missing));
    }
}

TEST_CASE("cli: with no passphrase source and no terminal it exits 2", "[cli]") {
    CliRunner cli;
    SECTION("opening a vault") {
        cli.init();
        const auto r = cli.run({"vault", "stats", "--vault", cli.vault}, std::nullopt);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "PUNCTUM_PASSPHRASE"));
        CHECK(r.out.empty());
    }
    SECTION("creating a vault") {
        const auto r =
            cli.run({"vault", "init", "--vault", cli.vault, "--kdf", "interactive"}, std::nullopt);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "PUNCTUM_PASSPHRASE"));
        CHECK_FALSE(fs::exists(cli.vault));
    }
}

TEST_CASE("cli: --passphrase-file is read, and a missing one exits 2", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto file = cli.tmp.path() / "pass.txt";
    punctum::test::write_file(file, std::string(punctum::test::cli_passphrase) + "\n");
    // The file wins over the environment, which here holds a wrong passphrase.
    auto r = cli.run(
        {"vault", "stats", "--vault", cli.vault, "--json", "--passphrase-file", file.string()},
        std::string("wrong"));
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 0);

    const auto absent = (cli.tmp.path() / "absent.txt").string();
    r = cli.run({"vault", "stats", "--vault", cli.vault, "--passphrase-file", absent});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, absent)); // names the file it could not read
    CHECK(r.out.empty());
}

TEST_CASE("cli: unknown commands and options exit 2", "[cli]") {
    CliRunner cli;
    CHECK(cli.run({}).exit_code == 2);
    CHECK(cli.run({"frobnicate"}).exit_code == 2);
    CHECK(cli.run({"vault", "init", "--vault", cli.vault, "--kdf", "fast"}).exit_code == 2);
    CHECK_FALSE(fs::exists(cli.vault));
}
