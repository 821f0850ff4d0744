// parse_assess_input: the `assess` JSON read strictly, every bad field named; and the
// output JSON's shape.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assess_input.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace core = punctum::core;
using core::AssessInputErrc;
using core::Symptom;

namespace {

const core::NormsProfile& profile() {
    return core::default_norms_profile();
}

// A valid input with one entry whose fields are `entry` (a JSON object's inside).
std::string with_entry(const std::string& entry) {
    return R"({"session": {"date": "2026-03-03", "depth_mm": 1.5}, "entries": [{"day": 1}, {)" +
           entry + "}]}";
}

std::string with_session(const std::string& session) {
    return R"({"session": {)" + session + R"(}, "entries": []})";
}

} // namespace

TEST_CASE("core: assess input reads a full session and its entries", "[core][assess]") {
    const auto r = core::parse_assess_input(R"({
        "session": {"date": "2026-03-03", "depth_mm": 1.5, "areas": ["cheeks", "forehead"],
                    "add_ons": ["rf", "prp"], "fitzpatrick": 4},
        "entries": [
            {"day": 0, "erythema": 3, "edema": 2, "pain": 10, "itching": 0, "bruising": 1,
             "scabbing": 0, "dryness": 3, "bleeding": 1, "warmth": true, "pus": false,
             "fever": false, "blisters": false, "hyperpigmentation": true},
            {"date": "2026-03-05", "erythema": 1},
            {"day": 365}
        ]})",
                                            profile());
    REQUIRE(r.ok());
    const auto& in = r.value();
    CHECK(in.session_date == core::parse_date("2026-03-03"));
    CHECK(in.facts.max_depth_mm == Approx(1.5));
    CHECK(in.facts.add_ons == std::set<std::string>{"prp", "rf"});
    CHECK(in.facts.fitzpatrick == 4);
    CHECK(in.areas == std::vector<std::string>{"cheeks", "forehead"});
    REQUIRE(in.entries.size() == 3);
    const auto& e = in.entries[0];
    CHECK(e.day == 0);
    CHECK(e.score(Symptom::erythema) == 3);
    CHECK(e.score(Symptom::pain) == 10);
    CHECK(e.score(Symptom::warmth) == 1);
    CHECK(e.score(Symptom::pus) == 0);
    CHECK(e.score(Symptom::hyperpigmentation) == 1);
    CHECK(in.entries[1].day == 2);
    CHECK(in.entries[1].score(Symptom::erythema) == 1);
    // Not reported: unknown, never 0.
    CHECK_FALSE(in.entries[1].score(Symptom::edema).has_value());
    CHECK_FALSE(in.entries[1].score(Symptom::pus).has_value());
    CHECK(in.entries[2].empty());
    CHECK(in.entries[2].day == 365);
}

TEST_CASE("core: assess input needs only depth_mm in the session", "[core][assess]") {
    const auto r =
        core::parse_assess_input(R"({"session": {"depth_mm": 0.5}, "entries": []})", profile());
    REQUIRE(r.ok());
    CHECK_FALSE(r->session_date.has_value());
    CHECK(r->facts.add_ons.empty());
    CHECK_FALSE(r->facts.fitzpatrick.has_value());
    CHECK(r->entries.empty());
}

TEST_CASE("core: assess input refuses bad input, naming the field", "[core][assess]") {
    struct Case {
        std::string json;
        AssessInputErrc code;
        std::string message; // a part of the message
    };
    const Case cases[] = {
        // Malformed
        {"", AssessInputErrc::malformed, "not valid JSON"},
        {"{\"session\": ", AssessInputErrc::malformed, "not valid JSON"},
        {"[1, 2]", AssessInputErrc::bad_value, "must be a JSON object"},
        {"{\"session\": {\"depth_mm\": 1}, \"entries\": [1]}", AssessInputErrc::bad_value,
         "entries[0] must be a JSON object"},
        {"{\"session\": {\"depth_mm\": 1}, \"entries\": {}}", AssessInputErrc::bad_value,
         "entries must be a list"},
        {"{\"session\": [], \"entries\": []}", AssessInputErrc::bad_value,
         "session must be a JSON object"},
        // Missing
        {"{\"entries\": []}", AssessInputErrc::missing_field, "session is missing"},
        {"{\"session\": {\"depth_mm\": 1}}", AssessInputErrc::missing_field, "entries is missing"},
        {with_session(""), AssessInputErrc::missing_field, "session.depth_mm is missing"},
        // Unknown fields
        {"{\"session\": {\"depth_mm\": 1}, \"entries\": [], \"note\": 1}",
         AssessInputErrc::unknown_field, "note is not a known field"},
        {with_session("\"depth_mm\": 1, \"device\": \"pen\""), AssessInputErrc::unknown_field,
         "session.device is not a known field"},
        {with_entry("\"day\": 2, \"redness\": 2"), AssessInputErrc::unknown_field,
         "entries[1].redness is not a known field"},
        // Session values
        {with_session("\"depth_mm\": 0"), AssessInputErrc::bad_value, "session.depth_mm must be"},
        {with_session("\"depth_mm\": 3.5"), AssessInputErrc::bad_value, "session.depth_mm must be"},
        {with_session("\"depth_mm\": \"1.5\""), AssessInputErrc::bad_value,
         "session.depth_mm must be"},
        {with_session("\"depth_mm\": 1, \"date\": \"2026-02-30\""), AssessInputErrc::bad_value,
         "session.date must be a date"},
        {with_session("\"depth_mm\": 1, \"date\": 20260303"), AssessInputErrc::bad_value,
         "session.date must be text"},
        {with_session("\"depth_mm\": 1, \"fitzpatrick\": 7"), AssessInputErrc::bad_value,
         "session.fitzpatrick must be a whole number from 1 to 6"},
        {with_session("\"depth_mm\": 1, \"fitzpatrick\": 0"), AssessInputErrc::bad_value,
         "session.fitzpatrick"},
        {with_session("\"depth_mm\": 1, \"add_ons\": [\"laser\"]"), AssessInputErrc::bad_value,
         "session.add_ons[0] must be one of: prp, rf"},
        {with_session("\"depth_mm\": 1, \"add_ons\": [\"prp\", \"prp\"]"),
         AssessInputErrc::bad_value, "session.add_ons[1] repeats 'prp'"},
        {with_session("\"depth_mm\": 1, \"add_ons\": \"prp\""), AssessInputErrc::bad_value,
         "session.add_ons must be a list"},
        {with_session("\"depth_mm\": 1, \"areas\": [\"cheeks\", 3]"), AssessInputErrc::bad_value,
         "session.areas[1]"},
        // Entry days and dates
        {with_entry("\"erythema\": 1"), AssessInputErrc::bad_value,
         "entries[1] needs either \"day\""},
        {with_entry("\"day\": 2, \"date\": \"2026-03-05\""), AssessInputErrc::bad_value,
         "not both"},
        {with_entry("\"day\": -1"), AssessInputErrc::bad_value,
         "entries[1].day must be a whole number from 0 to 365"},
        {with_entry("\"day\": 366"), AssessInputErrc::bad_value, "entries[1].day"},
        {with_entry("\"day\": 1.5"), AssessInputErrc::bad_value, "entries[1].day"},
        {with_entry("\"date\": \"2026-13-01\""), AssessInputErrc::bad_value,
         "entries[1].date must be a date"},
        {with_entry("\"date\": \"2026-03-02\""), AssessInputErrc::bad_value,
         "entries[1].date must be from session.date"},
        {R"({"session": {"depth_mm": 1}, "entries": [{"date": "2026-03-05"}]})",
         AssessInputErrc::bad_value, "entries[0].date needs session.date"},
        // Scores
        {with_entry("\"day\": 2, \"erythema\": 5"), AssessInputErrc::bad_value,
         "entries[1].erythema must be a whole number from 0 to 4"},
        {with_entry("\"day\": 2, \"edema\": -1"), AssessInputErrc::bad_value,
         "entries[1].edema must be a whole number from 0 to 4"},
        {with_entry("\"day\": 2, \"pain\": 11"), AssessInputErrc::bad_value,
         "entries[1].pain must be a whole number from 0 to 10"},
        {with_entry("\"day\": 2, \"itching\": 4"), AssessInputErrc::bad_value,
         "entries[1].itching must be a whole number from 0 to 3"},
        {with_entry("\"day\": 2, \"bleeding\": 2.0"), AssessInputErrc::bad_value,
         "entries[1].bleeding must be a whole number from 0 to 3"},
        {with_entry("\"day\": 2, \"dryness\": \"1\""), AssessInputErrc::bad_value,
         "entries[1].dryness"},
        {with_entry("\"day\": 2, \"erythema\": null"), AssessInputErrc::bad_value,
         "entries[1].erythema"},
        {with_entry("\"day\": 2, \"pus\": 1"), AssessInputErrc::bad_value,
         "entries[1].pus must be true or false"},
        {with_entry("\"day\": 2, \"fever\": \"yes\""), AssessInputErrc::bad_value,
         "entries[1].fever must be true or false"},
        {with_entry("\"day\": 2, \"blisters\": null"), AssessInputErrc::bad_value,
         "entries[1].blisters must be true or false"},
        {with_entry("\"day\": 2, \"erythema\": 18446744073709551615"), AssessInputErrc::bad_value,
         "entries[1].erythema"},
    };
    for (const auto& c : cases) {
        INFO(c.json);
        const auto r = core::parse_assess_input(c.json, profile());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK_THAT(r.error().message, Catch::Contains(c.message));
    }
}

TEST_CASE("core: assess output carries the profile, the course and the flags", "[core][assess]") {
    const auto in = core::parse_assess_input(
        R"({"session": {"depth_mm": 1.5, "add_ons": ["prp"]},
            "entries": [{"day": 0, "erythema": 3}, {"day": 6, "erythema": 2}]})",
        profile());
    REQUIRE(in.ok());
    const auto expected = core::expected_course(in->facts, profile());
    const auto flags = core::assess(in->entries, in->facts, profile());
    const auto out = nlohmann::json::parse(core::assessment_json(expected, flags, profile()));
    CHECK(out.at("norms").at("id") == "punctum-default");
    CHECK(out.at("norms").at("version") == profile().version);
    const auto& erythema = out.at("expected").at("erythema");
    CHECK(erythema.at("resolve_by_day") == 5);
    CHECK(erythema.at("envelope").size() == 15);
    CHECK_THAT(erythema.at("source").get<std::string>(), Catch::Contains("Dr.Pen"));
    for (const char* s : {"edema", "pain", "bruising", "scabbing", "dryness"}) {
        CHECK(out.at("expected").contains(s));
    }
    const auto& list = out.at("flags");
    REQUIRE(list.is_array());
    bool lasting = false;
    for (const auto& f : list) {
        for (const char* key : {"rule", "severity", "symptom", "day", "message", "source"}) {
            CHECK(f.contains(key));
        }
        if (f.at("rule") == "lasting") {
            lasting = true;
            CHECK(f.at("severity") == "watch");
            CHECK(f.at("symptom") == "erythema");
            CHECK(f.at("day") == 6);
        }
    }
    CHECK(lasting);
}
