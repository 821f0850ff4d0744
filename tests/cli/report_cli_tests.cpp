// punctum-cli report outcomes (issue 14 item 7): the JSON contract scripts rely on, over a
// generated clinic, and its figures consistent across groupings; bad options are usage
// errors (exit 2) that say what was expected.

#include "cli_runner.h"

#include <catch2/catch.hpp>

using punctum::test::CliRunner;

namespace {

void check_resolution(const nlohmann::json& r) {
    REQUIRE(r.contains("median_days"));
    REQUIRE(r.at("ci95").is_array());
    REQUIRE(r.at("ci95").size() == 2);
    CHECK(r.at("censored").get<int>() >= 0);
    const auto& median = r.at("median_days");
    const auto& lo = r.at("ci95").at(0);
    const auto& hi = r.at("ci95").at(1);
    CHECK((median.is_null() || median.is_number()));
    if (median.is_number() && lo.is_number()) {
        CHECK(lo.get<double>() <= median.get<double>());
    }
    if (median.is_number() && hi.is_number()) {
        CHECK(median.get<double>() <= hi.get<double>());
    }
}

} // namespace

TEST_CASE("cli: report outcomes prints the cohort contract over a generated clinic", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto demo = cli.run({"demo", "--vault", cli.vault, "--clients", "30", "--seed", "7"});
    INFO("demo stderr: " << demo.err);
    REQUIRE(demo.exit_code == 0);
    const auto stats = cli.stats();

    const auto all = cli.json({"report", "outcomes", "--vault", cli.vault, "--json"});
    REQUIRE(all.at("groups").size() == 1);
    const auto& g = all.at("groups").at(0);
    CHECK(g.at("key") == "all");
    CHECK(g.at("sessions").get<std::int64_t>() == stats.at("sessions").get<std::int64_t>());
    CHECK(g.at("small") == false);
    check_resolution(g.at("erythema_resolution"));
    check_resolution(g.at("edema_resolution"));
    const auto& flagged = g.at("flagged");
    const auto count = flagged.at("count").get<int>();
    const auto sessions = g.at("sessions").get<int>();
    CHECK(count <= sessions);
    CHECK(flagged.at("rate").get<double>() == Approx(static_cast<double>(count) / sessions));
    CHECK(flagged.at("ci95").at(0).get<double>() <= flagged.at("rate").get<double>());
    CHECK(flagged.at("rate").get<double>() <= flagged.at("ci95").at(1).get<double>());

    // Every grouping covers every session once (an add-on grouping may count one twice).
    for (const char* by : {"practitioner", "device", "depth", "indication", "fitzpatrick"}) {
        const auto grouped =
            cli.json({"report", "outcomes", "--vault", cli.vault, "--by", by, "--json"});
        CHECK(grouped.at("by") == by);
        int total = 0;
        int flagged_total = 0;
        for (const auto& group : grouped.at("groups")) {
            total += group.at("sessions").get<int>();
            flagged_total += group.at("flagged").at("count").get<int>();
            CHECK(group.at("small").get<bool>() == (group.at("sessions").get<int>() < 10));
            check_resolution(group.at("erythema_resolution"));
        }
        INFO("--by " << by);
        CHECK(total == sessions);
        CHECK(flagged_total == count);
    }

    // A range with no treatment: no groups, not an error.
    const auto none = cli.json({"report", "outcomes", "--vault", cli.vault, "--from", "2001-01-01",
                                "--to", "2001-12-31", "--json"});
    CHECK(none.at("groups").empty());

    // Text for a person.
    const auto text = cli.run({"report", "outcomes", "--vault", cli.vault, "--by", "depth"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("redness settled: median day") != std::string::npos);
}

TEST_CASE("cli: report outcomes refuses an unknown grouping or a malformed date", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto by = cli.run({"report", "outcomes", "--vault", cli.vault, "--by", "colour"});
    CHECK(by.exit_code == 2);
    CHECK(by.err.find("--by must be one of") != std::string::npos);
    const auto from = cli.run({"report", "outcomes", "--vault", cli.vault, "--from", "March"});
    CHECK(from.exit_code == 2);
    CHECK(from.err.find("YYYY-MM-DD") != std::string::npos);
}
