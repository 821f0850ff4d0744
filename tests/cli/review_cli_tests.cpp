// punctum-cli review (issue 14 item 3): a reviewer returns a session with a finding, its
// practitioner sees it and marks it addressed, the reviewer signs it off; storage's refusals
// reach scripts as exit codes with a sentence; and the incomplete-records list as JSON.

#include "cli_runner.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

using punctum::test::CliRunner;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

constexpr const char* staff_passphrase = "reviewer passphrase 1";

/// Runs `args` as the reviewer "rev".
punctum::test::ProcessResult as_rev(const CliRunner& cli, std::vector<std::string> args) {
    args.insert(args.end(), {"--account", "rev"});
    return cli.run(args, std::string(staff_passphrase));
}

} // namespace

TEST_CASE("cli: review returns a session, its practitioner addresses it, a reviewer signs it off",
          "[cli][signoff]") {
    CliRunner cli;
    cli.init();
    const auto demo = cli.run({"demo", "--vault", cli.vault, "--clients", "4", "--seed", "3"});
    INFO("demo stderr: " << demo.err);
    REQUIRE(demo.exit_code == 0);
    const auto pass_file = (cli.tmp.path() / "staff.pass").string();
    std::ofstream(pass_file) << staff_passphrase;
    const auto added =
        cli.run({"account", "add", "--vault", cli.vault, "--name", "rev", "--role", "reviewer",
                 "--new-passphrase-file", pass_file, "--kdf", "interactive"});
    INFO("account add: " << added.err);
    REQUIRE(added.exit_code == 0);

    // The demo clinic's sessions were all treated by the admin, so the reviewer signs them.
    const auto incomplete = as_rev(cli, {"review", "incomplete", "--vault", cli.vault, "--json"});
    INFO("incomplete: " << incomplete.out << incomplete.err);
    REQUIRE(incomplete.exit_code == 0);
    const auto listed = nlohmann::json::parse(incomplete.out);
    REQUIRE(listed.at("sessions").is_array());
    REQUIRE_FALSE(listed.at("sessions").empty());
    for (const auto& row : listed.at("sessions")) {
        CHECK_FALSE(row.at("missing").empty());
        CHECK(row.at("treated_on").get<std::string>().size() == 10); // ISO date
    }
    const auto session = std::to_string(listed.at("sessions").at(0).at("session_id").get<int>());

    const auto returned = as_rev(cli, {"review", "return", "--vault", cli.vault, "--session",
                                       session, "--finding", "Add the cartridge lot."});
    INFO("return: " << returned.err);
    CHECK(returned.exit_code == 0);
    CHECK(contains(returned.out, "returned to its practitioner"));

    // The admin treated it: it is in their Needs attention, with who returned it and why.
    const auto mine =
        cli.json({"review", "returned", "--vault", cli.vault, "--account", "admin", "--json"});
    REQUIRE(mine.at("sessions").size() == 1);
    CHECK(std::to_string(mine.at("sessions").at(0).at("session_id").get<int>()) == session);
    CHECK(mine.at("sessions").at(0).at("finding") == "Add the cartridge lot.");
    // The admin may sign off others' work, never their own.
    const auto own = cli.run({"review", "signoff", "--vault", cli.vault, "--account", "admin",
                              "--session", session, "--comment", "Fine."});
    CHECK(own.exit_code == 1);
    CHECK(contains(own.err, "someone else"));
    CHECK(cli.run({"review", "addressed", "--vault", cli.vault, "--account", "admin", "--session",
                   session, "--reply", "Lot added."})
              .exit_code == 0);
    CHECK(cli.json({"review", "returned", "--vault", cli.vault, "--account", "admin", "--json"})
              .at("sessions")
              .empty());

    // A sign-off without a comment is a usage error that says what to write.
    const auto blank = as_rev(
        cli, {"review", "signoff", "--vault", cli.vault, "--session", session, "--comment", "   "});
    CHECK(blank.exit_code == 2);
    CHECK(contains(blank.err, "needs a comment"));
    const auto missing = as_rev(cli, {"review", "signoff", "--vault", cli.vault, "--session",
                                      "99999", "--comment", "Fine."});
    CHECK(missing.exit_code == 2);
    CHECK(as_rev(cli, {"review", "signoff", "--vault", cli.vault, "--session", session, "--comment",
                       "Record complete."})
              .exit_code == 0);

    const auto shown =
        as_rev(cli, {"review", "show", "--vault", cli.vault, "--session", session, "--json"});
    REQUIRE(shown.exit_code == 0);
    const auto history = nlohmann::json::parse(shown.out);
    CHECK(history.at("state") == "reviewed");
    REQUIRE(history.at("steps").size() == 3);
    CHECK(history.at("steps").at(0).at("state") == "returned");
    CHECK(history.at("steps").at(1).at("state") == "addressed");
    CHECK(history.at("steps").at(2).at("note") == "Record complete.");

    // Every step is in the audit trail, by whoever took it.
    const auto trail =
        as_rev(cli, {"audit", "list", "--vault", cli.vault, "--action", "review", "--json"});
    REQUIRE(trail.exit_code == 0);
    const auto events = nlohmann::json::parse(trail.out);
    REQUIRE(events.size() == 3);
    std::vector<std::string> seen;
    for (const auto& e : events) {
        seen.push_back(e.at("action").get<std::string>() + " " +
                       e.at("account").get<std::string>());
    }
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{"review.addressed admin", "review.return rev",
                                           "review.signoff rev"});
}
