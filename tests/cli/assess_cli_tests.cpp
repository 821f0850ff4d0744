// punctum-cli assess FILE: issue #4's contract. A sample input gives the expected flags;
// each class of bad input exits 2 with a message naming the field. No vault is involved.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>

using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

struct Assess {
    CliRunner cli;
    int n = 0;

    [[nodiscard]] punctum::test::ProcessResult run(const std::string& input,
                                                   std::vector<std::string> extra = {}) {
        const auto path = (cli.tmp.path() / ("input-" + std::to_string(n++) + ".json")).string();
        punctum::test::write_file(path, input);
        std::vector<std::string> args{"assess", path};
        args.insert(args.end(), extra.begin(), extra.end());
        return cli.run(args);
    }
};

const char* const sample = R"({
  "session": {"date": "2026-03-03", "depth_mm": 1.5, "areas": ["cheeks"], "add_ons": ["prp"],
              "fitzpatrick": 5},
  "entries": [
    {"day": 0, "erythema": 3, "edema": 2, "pain": 4, "bleeding": 1},
    {"day": 1, "erythema": 3, "edema": 1, "pain": 2},
    {"date": "2026-03-05", "erythema": 2, "pain": 1},
    {"day": 3, "erythema": 1, "blisters": true},
    {"day": 4, "erythema": 3, "warmth": true},
    {"day": 6, "erythema": 2, "hyperpigmentation": true, "bleeding": 2},
    {"day": 7, "erythema": 1, "pus": false, "fever": false}
  ]
})";

} // namespace

TEST_CASE("cli: assess writes the profile, the expected course and the flags", "[cli]") {
    Assess a;
    const auto r = a.run(sample);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto out = nlohmann::json::parse(r.out);
    CHECK(out.at("norms").at("id") == "punctum-default");
    CHECK(out.at("norms").at("version").is_string());
    CHECK(out.at("expected").at("erythema").at("resolve_by_day") == 5);
    CHECK(out.at("expected").at("edema").at("resolve_by_day") == 5);
    CHECK(out.at("expected").at("pain").at("resolve_by_day") == 1);
    CHECK(out.at("expected").at("erythema").at("envelope").size() == 15);
    CHECK_FALSE(out.at("expected").at("erythema").at("source").get<std::string>().empty());

    std::set<std::tuple<std::string, std::string, std::string, int>> flags;
    for (const auto& f : out.at("flags")) {
        CHECK_FALSE(f.at("message").get<std::string>().empty());
        CHECK_FALSE(f.at("source").get<std::string>().empty());
        flags.insert({f.at("rule").get<std::string>(), f.at("severity").get<std::string>(),
                      f.at("symptom").get<std::string>(), f.at("day").get<int>()});
    }
    const std::set<std::tuple<std::string, std::string, std::string, int>> expected{
        {"blisters", "urgent", "blisters", 3},
        {"worsening", "watch", "erythema", 4},
        {"infection_signs", "urgent", "infection", 4},
        {"logging_gap", "info", "logging", 5},
        {"lasting", "watch", "erythema", 6},
        {"bleeding_after_treatment", "watch", "bleeding", 6},
        {"hyperpigmentation", "watch", "hyperpigmentation", 6},
    };
    CHECK(flags == expected);
}

TEST_CASE("cli: assess a textbook course raises no flags", "[cli]") {
    Assess a;
    const auto r = a.run(R"({"session": {"depth_mm": 0.5},
        "entries": [{"day": 0, "erythema": 3, "bleeding": 1}, {"day": 1, "erythema": 2},
                    {"day": 2, "erythema": 1}, {"day": 3, "erythema": 0, "dryness": 1}]})");
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out).at("flags").empty());
}

TEST_CASE("cli: assess refuses bad input with exit 2, naming the field", "[cli]") {
    struct Case {
        const char* what;
        std::string input;
        std::string message;
    };
    const Case cases[] = {
        {"malformed JSON", "{\"session\": {", "not valid JSON"},
        {"unknown field", R"({"session": {"depth_mm": 1}, "entries": [{"day": 1, "redness": 2}]})",
         "entries[0].redness is not a known field"},
        {"out-of-range score",
         R"({"session": {"depth_mm": 1}, "entries": [{"day": 0}, {"day": 1}, {"day": 2, "erythema": 5}]})",
         "entries[2].erythema must be a whole number from 0 to 4"},
        {"bad date", R"({"session": {"depth_mm": 1, "date": "2026-02-30"}, "entries": []})",
         "session.date must be a date"},
        {"bad entry date",
         R"({"session": {"depth_mm": 1, "date": "2026-03-03"}, "entries": [{"date": "03/05/2026"}]})",
         "entries[0].date must be a date"},
        {"non-boolean yes/no", R"({"session": {"depth_mm": 1}, "entries": [{"day": 1, "pus": 1}]})",
         "entries[0].pus must be true or false"},
        {"missing field", R"({"session": {"fitzpatrick": 3}, "entries": []})",
         "session.depth_mm is missing"},
        {"unknown add-on", R"({"session": {"depth_mm": 1, "add_ons": ["laser"]}, "entries": []})",
         "session.add_ons[0]"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        Assess a;
        const auto r = a.run(c.input);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, c.message));
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli: assess reports a file it cannot read with exit 2", "[cli]") {
    CliRunner cli;
    const auto missing = (cli.tmp.path() / "nope.json").string();
    const auto r = cli.run({"assess", missing});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "nope.json"));
}

TEST_CASE("cli: assess reads stdin when given -", "[cli]") {
    // The runner feeds /dev/null: empty input is malformed JSON, refused with exit 2.
    CliRunner cli;
    const auto r = cli.run({"assess", "-"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not valid JSON"));
}
