// The screening gate from the command line: `session add` without a screening that clears
// it exits non-zero, names what is missing and writes nothing; `screening add` takes the JSON
// `screen` takes; an override of a refer needs an admin. And `norms` never aborts.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>

#include <fstream>

using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

std::string write_input(const CliRunner& cli, const std::string& name, const std::string& json) {
    const auto path = cli.tmp.path() / name;
    std::ofstream(path) << json;
    return path.string();
}

struct Clinic {
    CliRunner cli;
    std::string client;
    Clinic() {
        cli.init();
        client = std::to_string(
            cli.json({"client", "add", "--vault", cli.vault, "--name", "Ana", "--json"})
                .at("id")
                .get<std::int64_t>());
    }
    [[nodiscard]] std::vector<std::string> session_add(const std::string& date) const {
        return {"session", "add", "--vault", cli.vault,    "--client", client,
                "--date",  date,  "--area",  "cheeks:1.0", "--json"};
    }
};

} // namespace

TEST_CASE("cli: session add without a screening exits 2, names it, and writes nothing",
          "[cli][screening][gate]") {
    Clinic c;
    const auto before = c.cli.stats();
    const auto r = c.cli.run(c.session_add("2026-03-03"));
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "needs a screening"));
    CHECK(r.out.empty());
    const auto after = c.cli.stats();
    CHECK(after.at("sessions") == before.at("sessions"));
    CHECK(after.at("audit_events") == before.at("audit_events"));
}

TEST_CASE("cli: screening add stores the verdict of screen's JSON and clears that day only",
          "[cli][screening][gate]") {
    Clinic c;
    const auto input = write_input(c.cli, "s.json", R"({"date": "2026-03-03", "depth_mm": 1.0})");
    const auto stored = c.cli.json(
        {"screening", "add", "--vault", c.cli.vault, "--client", c.client, "--json", input});
    CHECK(stored.at("verdict") == "proceed");
    CHECK(stored.at("clears_treatment") == true);
    CHECK(stored.at("session_id").is_null());
    CHECK(stored.at("history_confirmed") == false);
    const auto id = std::to_string(stored.at("id").get<std::int64_t>());

    auto other_day = c.session_add("2026-03-04");
    other_day.insert(other_day.end(), {"--screening", id});
    const auto refused = c.cli.run(other_day);
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "not the treatment day"));

    auto same_day = c.session_add("2026-03-03");
    same_day.insert(same_day.end(), {"--screening", id});
    const auto session = c.cli.json(same_day);
    CHECK(session.at("id").get<std::int64_t>() > 0);
    CHECK(c.cli.stats().at("sessions") == 1);

    // Used once: a second session needs its own screening.
    const auto again = c.cli.run(same_day);
    CHECK(again.exit_code == 2);
    CHECK(contains(again.err, "already cleared another session"));
    CHECK(c.cli.stats().at("sessions") == 1);
}

TEST_CASE("cli: a refer verdict blocks the session until an admin overrides it in writing",
          "[cli][screening][gate]") {
    Clinic c;
    const auto input = write_input(
        c.cli, "refer.json", R"({"date": "2026-03-03", "conditions": ["skin_cancer_in_area"]})");
    const auto stored = c.cli.json(
        {"screening", "add", "--vault", c.cli.vault, "--client", c.client, "--json", input});
    CHECK(stored.at("verdict") == "refer");
    CHECK(stored.at("clears_treatment") == false);
    const auto id = std::to_string(stored.at("id").get<std::int64_t>());

    auto add = c.session_add("2026-03-03");
    add.insert(add.end(), {"--screening", id});
    const auto blocked = c.cli.run(add);
    CHECK(blocked.exit_code == 2);
    CHECK(contains(blocked.err, "refer"));
    CHECK(c.cli.stats().at("sessions") == 0);

    // A practitioner may not override a refer.
    const auto staff = write_input(c.cli, "staff.pass", "practitioner passphrase 1");
    REQUIRE(c.cli
                .run({"account", "add", "--vault", c.cli.vault, "--name", "pat", "--role",
                      "practitioner", "--new-passphrase-file", staff, "--kdf", "interactive"})
                .exit_code == 0);
    auto as_pat = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--account", "pat"});
        return c.cli.run(args, std::string("practitioner passphrase 1"));
    };
    const auto forbidden = as_pat({"screening", "override", "--vault", c.cli.vault, "--id", id,
                                   "--justification", "Looks fine to me."});
    INFO("stderr: " << forbidden.err);
    CHECK(forbidden.exit_code != 0);
    CHECK(contains(forbidden.err, "admin"));

    // The admin, the clinic's medical lead, can.
    const auto overridden =
        c.cli.json({"screening", "override", "--vault", c.cli.vault, "--account", "admin", "--id",
                    id, "--justification", "Dermatologist letter: benign.", "--json"});
    CHECK(overridden.at("overridden") == true);
    CHECK(overridden.at("clears_treatment") == true);
    add.insert(add.end(), {"--account", "admin"}); // the vault now has two accounts
    CHECK(c.cli.json(add).at("id").get<std::int64_t>() > 0);
}

TEST_CASE("cli: norms prints the whole profile as text and exits 0", "[cli][norms]") {
    CliRunner cli;
    const auto r = cli.run({"norms"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Screening:"));
    CHECK(contains(r.out, "Aftercare"));
    // User-facing text never points at our own reference files.
    CHECK_FALSE(contains(r.out, "shared/reference"));
    CHECK_FALSE(contains(r.out, ".md"));
}
