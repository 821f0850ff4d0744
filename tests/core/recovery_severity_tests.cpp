// Issue 11, item 1: flags that judge severity and first sight, not only duration and trend.
// Each new rule has a case just inside and one just outside its threshold; textbook courses at
// every depth band and add-on raise nothing above `info`; a profile written before these
// figures still reads and raises none of the rules that need them. Expected figures are
// written out from core/norms/default.json, so a changed profile shows.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"
#include "recovery_cases.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace core = punctum::core;
using core::Severity;
using core::Symptom;
using punctum::test::at;
using punctum::test::describe;
using punctum::test::only;
using punctum::test::profile;
using punctum::test::Scores;

namespace {

core::SessionFacts facts(double depth, std::set<std::string> add_ons = {}) {
    core::SessionFacts f;
    f.max_depth_mm = depth;
    f.add_ons = std::move(add_ons);
    f.fitzpatrick = 3;
    return f;
}

// Every depth band and add-on of the default profile, shallow and deep either side of its
// deep-needling depth (2.0 mm).
const std::vector<core::SessionFacts> treatments{
    facts(0.25),
    facts(0.5),
    facts(0.5, {"prp"}),
    facts(0.5, {"rf"}),
    facts(1.0),
    facts(1.5),
    facts(1.5, {"prp"}),
    facts(1.5, {"rf"}),
    facts(1.5, {"prp", "rf"}),
    facts(1.9),
    facts(2.0),
    facts(2.0, {"prp"}),
    facts(2.0, {"rf"}),
    facts(2.5),
    facts(3.0),
    facts(3.0, {"prp", "rf"}),
};

// One row of a rule table: entries, and the flag expected of `rule` (or none).
struct Row {
    const char* what;
    std::vector<core::DayEntry> entries;
    bool fires;
    const char* symptom = "";
    const char* contains = "";
};

void check_table(const char* rule, Severity severity, const char* source,
                 const std::vector<Row>& rows) {
    for (const auto& t : treatments) {
        for (const auto& row : rows) {
            INFO(rule << " / " << core::describe_treatment(t) << " / " << row.what);
            const auto all = core::assess(row.entries, t, profile());
            INFO(describe(all));
            const auto flags = only(all, rule);
            if (!row.fires) {
                CHECK(flags.empty());
                continue;
            }
            REQUIRE(flags.size() == 1);
            CHECK(flags[0].severity == severity);
            CHECK(flags[0].symptom == row.symptom);
            CHECK(flags[0].day == row.entries.back().day);
            CHECK(flags[0].source_key == source);
            CHECK(flags[0].source == profile().cite(source));
            CHECK_THAT(flags[0].message, Catch::Contains(row.contains));
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------
// The shipped figures these tests are written against

TEST_CASE("core: severity the shipped profile's figures, each with its source or its note",
          "[core][recovery][severity]") {
    const auto& r = profile().recovery;
    CHECK(r.infection_after_day == 2);
    CHECK(r.infection_redness_score == 3); // CEA 3, "marked redness"
    CHECK(r.infection_pain_score == 6);    // the clinic's choice
    CHECK(r.pain_lasting_score == 5);      // the clinic's choice
    CHECK(r.pain_resolve_by_day == 1);
    CHECK(r.allergy_itching_score == 2); // the clinic's choice for "marked"
    CHECK(r.allergy_source == "friedmann2024");
    CHECK(r.deep_depth_mm == 2.0);
    CHECK(r.deep_source == "depth_guides");
    for (const auto& key : {r.allergy_source, r.deep_source}) {
        CHECK(profile().sources.count(key) == 1);
    }
    // Numbers no source gives say so where they are set.
    CHECK_THAT(r.pain_lasting_note, Catch::Contains("clinic's choice"));
    CHECK_THAT(r.infection_note, Catch::Contains("clinic's choice"));
    CHECK_THAT(r.allergy_note, Catch::Contains("clinic's choice"));
    CHECK_THAT(r.logging_note, Catch::Contains("clinic's choice"));
    CHECK_THAT(r.blisters_note, Catch::Contains("clinic's choice"));
    CHECK_THAT(r.blisters_note, Catch::Contains("24-48 h"));
}

TEST_CASE("core: severity rule ids are a contract", "[core][recovery][severity]") {
    CHECK(core::rules::allergic_reaction == "allergic_reaction");
    CHECK(core::rules::pain_lasting == "pain_lasting");
    CHECK(core::rules::first_appearance == "first_appearance");
}

// ---------------------------------------------------------------------------------------
// Infection: urgent on any entry, the first one included, with no earlier entry to compare

TEST_CASE("core: severity signs of infection on a first entry, inside and outside",
          "[core][recovery][severity]") {
    const auto w = Symptom::warmth;
    const auto red = Symptom::erythema;
    const auto pain = Symptom::pain;
    const auto itch = Symptom::itching;
    const std::vector<Row> rows{
        {"pus, first entry, treatment day", {at(0, {{Symptom::pus, 1}})}, true, "infection", "pus"},
        {"fever, first entry, day 5",
         {at(5, {{Symptom::fever, 1}})},
         true,
         "infection",
         "fever or chills"},
        {"no pus, no fever", {at(5, {{Symptom::pus, 0}, {Symptom::fever, 0}})}, false},
        // Warmth with marked redness (CEA 3) after day 2.
        {"warmth, redness 3, day 3",
         {at(3, {{w, 1}, {red, 3}})},
         true,
         "infection",
         "warmth with marked redness (3)"},
        {"warmth, redness 3, day 2", {at(2, {{w, 1}, {red, 3}})}, false},
        {"warmth, redness 2, day 3", {at(3, {{w, 1}, {red, 2}})}, false},
        {"no warmth, redness 4, day 3", {at(3, {{w, 0}, {red, 4}})}, false},
        // Warmth with pain of 6 or more after day 2.
        {"warmth, pain 6, day 3",
         {at(3, {{w, 1}, {pain, 6}})},
         true,
         "infection",
         "warmth with pain of 6 (6 or more is the clinic's threshold)"},
        {"warmth, pain 5, day 3", {at(3, {{w, 1}, {pain, 5}})}, false},
        {"warmth, pain 9, day 2", {at(2, {{w, 1}, {pain, 9}})}, false},
        {"no warmth, pain 8, day 3", {at(3, {{w, 0}, {pain, 8}})}, false},
        // Itching counts with rising redness or with warmth (norms: Itching), after day 2.
        {"itching, redness rising, day 3",
         {at(2, {{red, 1}}), at(3, {{itch, 1}, {red, 2}})},
         true,
         "infection",
         "itching with redness rising from 1 to 2"},
        {"itching, redness rising, day 2",
         {at(1, {{red, 1}}), at(2, {{itch, 1}, {red, 2}})},
         false},
        {"no itching, redness rising, day 3",
         {at(2, {{red, 1}}), at(3, {{itch, 0}, {red, 2}})},
         false},
        {"itching, redness steady, day 3",
         {at(2, {{red, 2}}), at(3, {{itch, 3}, {red, 2}})},
         false},
        {"itching and warmth, day 3",
         {at(3, {{itch, 1}, {w, 1}})},
         true,
         "infection",
         "itching with warmth"},
        {"itching and warmth, day 2", {at(2, {{itch, 1}, {w, 1}})}, false},
        {"itching, no warmth, day 3", {at(3, {{itch, 2}, {w, 0}})}, false},
    };
    check_table("infection_signs", Severity::urgent, "harris2015", rows);
}

TEST_CASE("core: severity the infection message says the day is the clinic's choice",
          "[core][recovery][severity]") {
    const auto flags =
        only(core::assess(std::vector{at(3, {{Symptom::warmth, 1}, {Symptom::erythema, 3}})},
                          facts(1.0), profile()),
             "infection_signs");
    REQUIRE(flags.size() == 1);
    CHECK_THAT(flags[0].message, Catch::StartsWith("Possible infection on day 3: "));
    CHECK_THAT(flags[0].message, Catch::Contains("after day 2 (a day the clinic chose"));
    CHECK_THAT(flags[0].message, Catch::EndsWith("Contact the client today."));
}

// ---------------------------------------------------------------------------------------
// A possible allergic reaction

TEST_CASE("core: severity swelling beyond the area, or severe redness with marked itching",
          "[core][recovery][severity]") {
    const auto red = Symptom::erythema;
    const auto itch = Symptom::itching;
    const std::vector<Row> swelling{
        {"swelling 4 on the treatment day",
         {at(0, {{Symptom::edema, 4}})},
         true,
         "edema",
         "beyond the treated area"},
        {"swelling 4 on day 3",
         {at(3, {{Symptom::edema, 4}})},
         true,
         "edema",
         "Possible allergic reaction"},
        {"swelling 3 on the treatment day", {at(0, {{Symptom::edema, 3}})}, false},
    };
    check_table("allergic_reaction", Severity::watch, "friedmann2024", swelling);
    const std::vector<Row> itching{
        {"redness 4, itching 2, day 1",
         {at(1, {{red, 4}, {itch, 2}})},
         true,
         "itching",
         "Severe redness (4) with moderate itching"},
        {"redness 4, itching 3, day 0",
         {at(0, {{red, 4}, {itch, 3}})},
         true,
         "itching",
         "severe itching"},
        {"redness 4, itching 1, day 1", {at(1, {{red, 4}, {itch, 1}})}, false},
        {"redness 3, itching 3, day 1", {at(1, {{red, 3}, {itch, 3}})}, false},
        {"redness 4, itching unknown", {at(1, {{red, 4}, {Symptom::pain, 2}})}, false},
    };
    check_table("allergic_reaction", Severity::watch, "friedmann2024", itching);
}

// ---------------------------------------------------------------------------------------
// Pain that lasts; pain that comes back

TEST_CASE("core: severity pain still strong after the day it settles by",
          "[core][recovery][severity]") {
    const auto pain = Symptom::pain;
    const std::vector<Row> rows{
        {"pain 5 on day 2",
         {at(0, {{pain, 6}}), at(2, {{pain, 5}})},
         true,
         "pain",
         "Pain is 5 on day 2"},
        {"pain 5 first logged on day 4",
         {at(4, {{pain, 5}})},
         true,
         "pain",
         "the clinic's threshold"},
        {"pain 4 on day 2", {at(0, {{pain, 6}}), at(2, {{pain, 4}})}, false},
        {"pain 5 on day 1", {at(0, {{pain, 6}}), at(1, {{pain, 5}})}, false},
        {"pain 10 on the treatment day", {at(0, {{pain, 10}})}, false},
    };
    check_table("pain_lasting", Severity::watch, "skinpen", rows);
    // A run: still 6 on days 2-4 is one flag; settling below 5 ends it, and pain that comes
    // back strong is flagged again.
    const auto flags = only(core::assess(std::vector{at(2, {{pain, 6}}), at(3, {{pain, 6}}),
                                                     at(4, {{pain, 4}}), at(5, {{pain, 7}})},
                                         facts(1.0), profile()),
                            "pain_lasting");
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].day == 2);
    CHECK(flags[1].day == 5);
}

TEST_CASE("core: severity pain that comes back is worsening", "[core][recovery][severity]") {
    const auto pain = Symptom::pain;
    const std::vector<Row> rows{
        {"back after settling, day 3",
         {at(0, {{pain, 3}}), at(2, {{pain, 0}}), at(3, {{pain, 2}})},
         true,
         "pain",
         "Pain rose from 0 to 2 on day 3"},
        {"back on the peak day", {at(0, {{pain, 0}}), at(1, {{pain, 2}})}, false},
        {"settled and staying so",
         {at(0, {{pain, 3}}), at(2, {{pain, 0}}), at(3, {{pain, 0}})},
         false},
    };
    check_table("worsening", Severity::watch, "eubanks2022", rows);
}

// ---------------------------------------------------------------------------------------
// Bruising, scabbing, bleeding: first sight, getting worse

TEST_CASE("core: severity bruising first seen is a note, getting worse is a watch",
          "[core][recovery][severity]") {
    const auto b = Symptom::bruising;
    check_table("first_appearance", Severity::info, "clinic_pages",
                {
                    {"bruising 1 on day 2",
                     {at(1, {{b, 0}}), at(2, {{b, 1}})},
                     true,
                     "bruising",
                     "fades by day 10"},
                    {"bruising 2 first logged on day 0",
                     {at(0, {{b, 2}})},
                     true,
                     "bruising",
                     "Bruising first seen on day 0 (moderate)"},
                    {"bruising 0", {at(1, {{b, 0}}), at(2, {{b, 0}})}, false},
                    {"bruising unknown", {at(2, {{b, std::nullopt}, {Symptom::pain, 0}})}, false},
                });
    check_table("worsening", Severity::watch, "clinic_pages",
                {
                    {"1 then 2 after the peak",
                     {at(2, {{b, 1}}), at(3, {{b, 2}})},
                     true,
                     "bruising",
                     "Bruising rose from 1 to 2 on day 3"},
                    {"1 then 1", {at(2, {{b, 1}}), at(3, {{b, 1}})}, false},
                    {"1 then 2 up to the peak day", {at(0, {{b, 1}}), at(1, {{b, 2}})}, false},
                    {"first seen at 2 after 0", {at(2, {{b, 0}}), at(3, {{b, 2}})}, false},
                });
}

TEST_CASE("core: severity scabbing first seen is a note, getting worse is a watch",
          "[core][recovery][severity]") {
    const auto s = Symptom::scabbing;
    const std::vector<Row> rows{
        {"scabbing 1 on day 2",
         {at(0, {{s, 0}}), at(2, {{s, 1}})},
         true,
         "scabbing",
         "Scabbing first seen on day 2 (mild)"},
        {"scabbing 0", {at(0, {{s, 0}}), at(2, {{s, 0}})}, false},
    };
    // The source is RF's own for an RF session, the general one otherwise.
    for (const auto& t : treatments) {
        for (const auto& row : rows) {
            INFO(core::describe_treatment(t) << " / " << row.what);
            const auto flags = only(core::assess(row.entries, t, profile()), "first_appearance");
            if (!row.fires) {
                CHECK(flags.empty());
                continue;
            }
            REQUIRE(flags.size() == 1);
            CHECK(flags[0].severity == Severity::info);
            CHECK(flags[0].source_key ==
                  (t.add_ons.count("rf") != 0 ? "rf_pages" : "clinic_pages"));
            CHECK_THAT(flags[0].message, Catch::Contains(row.contains));
            CHECK_THAT(flags[0].message, Catch::Contains("still there after day 10"));
        }
    }
    check_table("worsening", Severity::watch, "clinic_pages",
                {
                    {"1 then 2 after the peak",
                     {at(2, {{s, 1}}), at(4, {{s, 2}})},
                     true,
                     "scabbing",
                     "Scabbing rose from 1 to 2 on day 4"},
                    {"2 then 1", {at(2, {{s, 2}}), at(4, {{s, 1}})}, false},
                });
}

TEST_CASE("core: severity the scabbing note says what is usual for this treatment",
          "[core][recovery][severity]") {
    const auto note = [](const core::SessionFacts& f) {
        const auto flags =
            only(core::assess(std::vector{at(2, {{Symptom::scabbing, 1}})}, f, profile()),
                 "first_appearance");
        REQUIRE(flags.size() == 1);
        return flags[0].message;
    };
    // Just below and at the deep-needling depth.
    CHECK_THAT(note(facts(1.9)), Catch::Contains("Scabbing is uncommon after 1.9 mm; it is "
                                                 "common after deep needling (2.0 mm and more) "
                                                 "or RF."));
    CHECK_THAT(note(facts(2.0)),
               Catch::Contains("Scabbing is common after deep needling (2.0 mm and more)."));
    CHECK_THAT(note(facts(1.0, {"rf"})),
               Catch::Contains("Scabbing is common after RF. After RF crusting usually clears "
                               "by day 7. Minor scabs usually clear by day 10."));
    CHECK_THAT(note(facts(2.5, {"rf"})),
               Catch::Contains("common after deep needling (2.0 mm and more) or RF"));
    CHECK_THAT(note(facts(1.0, {"prp"})), Catch::Contains("uncommon after 1.0 mm with PRP"));
    CHECK_THAT(note(facts(1.0)), Catch::Contains("not picked"));
}

TEST_CASE("core: severity the bruising note names PRP's haematoma only with PRP",
          "[core][recovery][severity]") {
    const auto note = [](const core::SessionFacts& f) {
        const auto flags =
            only(core::assess(std::vector{at(1, {{Symptom::bruising, 1}})}, f, profile()),
                 "first_appearance");
        REQUIRE(flags.size() == 1);
        return flags[0].message;
    };
    CHECK_THAT(note(facts(1.0, {"prp"})), Catch::Contains("haematoma"));
    CHECK_THAT(note(facts(1.0, {"rf"})), !Catch::Contains("haematoma"));
    CHECK_THAT(note(facts(1.0)), Catch::Contains("aspirin, NSAIDs, fish oil or alcohol"));
}

TEST_CASE("core: severity bleeding beyond the procedure's pinpoint is noted at first sight",
          "[core][recovery][severity]") {
    const auto bl = Symptom::bleeding;
    check_table("first_appearance", Severity::info, "clinic_pages",
                {
                    {"oozing on the treatment day",
                     {at(0, {{bl, 2}})},
                     true,
                     "bleeding",
                     "Bleeding first seen on day 0 (oozing)"},
                    {"pinpoint on the treatment day", {at(0, {{bl, 1}})}, false},
                    // After the treatment day bleeding is a watch (bleeding_after_treatment),
                    // which says it: no note beside it.
                    {"pinpoint on day 1", {at(0, {{bl, 0}}), at(1, {{bl, 1}})}, false},
                    // Active bleeding is urgent, on the treatment day too.
                    {"active on the treatment day", {at(0, {{bl, 3}})}, false},
                });
    const auto flags = only(core::assess(std::vector{at(0, {{bl, 2}})}, facts(2.0), profile()),
                            "first_appearance");
    REQUIRE(flags.size() == 1);
    CHECK_THAT(flags[0].message, Catch::Contains("intended endpoint"));
    const auto shallow = only(core::assess(std::vector{at(0, {{bl, 2}})}, facts(1.9), profile()),
                              "first_appearance");
    REQUIRE(shallow.size() == 1);
    CHECK_THAT(shallow[0].message, !Catch::Contains("intended endpoint"));
}

TEST_CASE("core: severity a sign is noted once, and not beside a concern about it",
          "[core][recovery][severity]") {
    const auto b = Symptom::bruising;
    // Gone and back: one note (day 2); coming back after the peak is worsening.
    auto flags = core::assess(std::vector{at(2, {{b, 1}}), at(3, {{b, 0}}), at(4, {{b, 1}})},
                              facts(1.0), profile());
    INFO(describe(flags));
    REQUIRE(only(flags, "first_appearance").size() == 1);
    CHECK(only(flags, "first_appearance")[0].day == 2);
    REQUIRE(only(flags, "worsening").size() == 1);
    CHECK(only(flags, "worsening")[0].day == 4);
    // First seen past its resolve-by day: the lasting watch says it.
    flags = core::assess(std::vector{at(11, {{b, 1}}), at(11, {{Symptom::scabbing, 1}})},
                         facts(1.0), profile());
    CHECK(only(flags, "first_appearance").empty());
    CHECK(only(flags, "bruising_lasting").size() == 1);
    CHECK(only(flags, "scabbing_lasting").size() == 1);
}

// ---------------------------------------------------------------------------------------
// Textbook courses stay quiet

TEST_CASE("core: severity textbook courses at every depth and add-on raise nothing above info",
          "[core][recovery][severity]") {
    for (const auto& t : treatments) {
        INFO(core::describe_treatment(t));
        const bool deep = core::deep_needling(t, profile());
        const bool crusting = deep || t.add_ons.count("rf") != 0;
        const int resolve_by =
            core::expected_course(t, profile()).find(Symptom::erythema)->resolve_by_day;
        std::vector<core::DayEntry> es;
        for (int d = 0; d <= 12; ++d) {
            // Fiery redness (4) on the day after deep needling, marked (3) otherwise, falling
            // to 0 by the resolve-by day; pinpoint bleeding on the day; pain strong for hours,
            // then easing; warmth on the first two days; itching while healing; scabs after
            // deep or RF treatment; dryness from day 3.
            const int top = deep ? 4 : 3;
            const int redness =
                d >= resolve_by ? 0 : (top * (resolve_by - d) + resolve_by - 1) / resolve_by;
            es.push_back(at(d, {{Symptom::erythema, redness},
                                {Symptom::edema, std::max(0, std::min(3, redness) - 1)},
                                {Symptom::pain, d == 0 ? 6 : (d == 1 ? 2 : 0)},
                                {Symptom::itching, d >= 2 && d <= 5 ? 1 : 0},
                                {Symptom::bleeding, d == 0 ? 1 : 0},
                                {Symptom::bruising, 0},
                                {Symptom::scabbing, crusting && d >= 1 && d <= 6 ? 1 : 0},
                                {Symptom::dryness, d >= 3 && d <= 7 ? 1 : 0},
                                {Symptom::warmth, d <= 1 ? 1 : 0},
                                {Symptom::pus, 0},
                                {Symptom::fever, 0},
                                {Symptom::blisters, 0},
                                {Symptom::hyperpigmentation, 0}}));
        }
        const auto flags = core::assess(es, t, profile());
        INFO(describe(flags));
        for (const auto& f : flags) {
            CHECK(f.severity == Severity::info);
            CHECK(f.rule_id == "first_appearance");
            CHECK(f.symptom == "scabbing");
        }
        CHECK(flags.size() == (crusting ? 1U : 0U));
    }
}

TEST_CASE("core: severity day-0 fiery redness and pinpoint bleeding after deep needling",
          "[core][recovery][severity]") {
    for (const double depth : {2.0, 2.5, 3.0}) {
        const std::vector<std::set<std::string>> add_on_sets{{}, {"prp"}, {"rf"}, {"prp", "rf"}};
        for (const auto& add_ons : add_on_sets) {
            const auto f = facts(depth, add_ons);
            INFO(core::describe_treatment(f));
            CHECK(core::assess(std::vector{at(0, {{Symptom::erythema, 4},
                                                  {Symptom::bleeding, 1},
                                                  {Symptom::edema, 3},
                                                  {Symptom::warmth, 1},
                                                  {Symptom::pain, 7}})},
                               f, profile())
                      .empty());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Unknown, incremental, profiles without the new figures

TEST_CASE("core: severity unknown scores never trigger the new rules",
          "[core][recovery][severity]") {
    const auto u = std::nullopt;
    struct Case {
        const char* rule;
        std::vector<core::DayEntry> entries;
    };
    const std::vector<Case> cases{
        {"infection_signs", {at(3, {{Symptom::warmth, u}, {Symptom::erythema, 4}})}},
        {"infection_signs", {at(3, {{Symptom::warmth, 1}, {Symptom::erythema, u}})}},
        {"infection_signs", {at(3, {{Symptom::warmth, 1}, {Symptom::pain, u}})}},
        {"infection_signs", {at(3, {{Symptom::itching, u}, {Symptom::warmth, 1}})}},
        {"infection_signs",
         {at(2, {{Symptom::erythema, 1}}), at(3, {{Symptom::itching, u}, {Symptom::erythema, 3}})}},
        {"allergic_reaction", {at(1, {{Symptom::edema, u}, {Symptom::pain, 0}})}},
        {"allergic_reaction", {at(1, {{Symptom::erythema, 4}, {Symptom::itching, u}})}},
        {"allergic_reaction", {at(1, {{Symptom::erythema, u}, {Symptom::itching, 3}})}},
        {"pain_lasting", {at(3, {{Symptom::pain, u}, {Symptom::erythema, 0}})}},
        {"first_appearance", {at(3, {{Symptom::bruising, u}, {Symptom::scabbing, u}})}},
        {"worsening", {at(2, {{Symptom::bruising, 1}}), at(3, {{Symptom::bruising, u}})}},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i << ": " << cases[i].rule);
        const auto flags = core::assess(cases[i].entries, facts(1.5, {"rf"}), profile());
        INFO(describe(flags));
        CHECK(only(flags, cases[i].rule).empty());
    }
}

TEST_CASE("core: severity every new rule cites its source, incremental equals from scratch",
          "[core][recovery][severity]") {
    const auto f = facts(2.0, {"prp"});
    const std::vector<core::DayEntry> es{
        at(0, {{Symptom::erythema, 4}, {Symptom::itching, 2}, {Symptom::bleeding, 2}}),
        at(1, {{Symptom::edema, 4}, {Symptom::bruising, 1}}),
        at(2, {{Symptom::scabbing, 1}, {Symptom::pain, 0}}),
        at(3, {{Symptom::warmth, 1}, {Symptom::erythema, 3}, {Symptom::pain, 6}}),
        at(4, {{Symptom::bruising, 2}}),
    };
    const auto flags = core::assess(es, f, profile());
    INFO(describe(flags));
    std::set<std::string> rules;
    for (const auto& fl : flags) {
        rules.insert(fl.rule_id);
        INFO(fl.rule_id << " " << fl.symptom << " day " << fl.day);
        CHECK_FALSE(fl.message.empty());
        REQUIRE(profile().sources.count(fl.source_key) == 1);
        CHECK(fl.source == profile().cite(fl.source_key));
        CHECK(fl.profile_version == profile().version);
    }
    for (const char* rule : {"allergic_reaction", "pain_lasting", "first_appearance",
                             "infection_signs", "worsening"}) {
        CHECK(rules.count(rule) == 1);
    }
    // One entry at a time, in day order and in reverse.
    core::Assessor forward(f, profile());
    for (const auto& e : es) {
        forward.add(e);
    }
    CHECK(forward.flags() == flags);
    core::Assessor backward(f, profile());
    for (auto it = es.rbegin(); it != es.rend(); ++it) {
        backward.add(*it);
    }
    CHECK(backward.flags() == flags);
}

TEST_CASE("core: severity a profile without the new figures reads, and they do not fire",
          "[core][recovery][severity][norms]") {
    auto j = nlohmann::json::parse(core::default_norms_json());
    for (const char* key :
         {"deep_depth_mm", "deep_source", "pain_lasting_score", "pain_lasting_note",
          "infection_redness_score", "infection_pain_score", "infection_note", "allergy_source",
          "allergy_itching_score", "allergy_note", "bruising_note", "scabbing_note",
          "bleeding_note", "logging_note", "blisters_note"}) {
        REQUIRE(j["recovery"].contains(key));
        j["recovery"].erase(key);
    }
    j["recovery"]["add_ons"]["prp"].erase("bruising_note");
    auto old = core::parse_norms_profile(j.dump());
    REQUIRE(old.ok());
    const auto& p = *old;
    const auto f = facts(2.0, {"prp"});
    const auto rules_of = [&](const std::vector<core::DayEntry>& es) {
        std::set<std::string> out;
        for (const auto& fl : core::assess(es, f, p)) {
            if (fl.rule_id != "logging_gap") { // days 1-2 were not logged: beside the point
                out.insert(fl.rule_id);
            }
        }
        return out;
    };
    // Warmth with marked redness or strong pain needs the scores; swelling beyond the area
    // needs the allergy source; strong pain the pain score.
    CHECK(rules_of({at(3, {{Symptom::warmth, 1}, {Symptom::erythema, 3}})}).empty());
    CHECK(rules_of({at(3, {{Symptom::warmth, 1}, {Symptom::pain, 8}})}).count("pain_lasting") == 0);
    CHECK(rules_of({at(3, {{Symptom::warmth, 1}, {Symptom::pain, 8}})}).count("infection_signs") ==
          0);
    CHECK(rules_of({at(1, {{Symptom::edema, 4}})}).empty());
    // Rules with no figure of their own still apply: itching with warmth, a first sighting.
    CHECK(rules_of({at(3, {{Symptom::itching, 1}, {Symptom::warmth, 1}})}) ==
          std::set<std::string>{"infection_signs"});
    const auto noted = core::assess(std::vector{at(1, {{Symptom::bruising, 1}})}, f, p);
    REQUIRE(noted.size() == 1);
    CHECK(noted[0].rule_id == "first_appearance");
    CHECK_THAT(noted[0].message, Catch::Contains("fades by day 10"));
}

TEST_CASE("core: severity figures in a clinic profile are checked, naming the field",
          "[core][norms][severity]") {
    struct Bad {
        const char* key;
        nlohmann::json value;
        core::NormsErrc code;
    };
    const Bad bad[] = {
        {"pain_lasting_score", 11, core::NormsErrc::bad_value},
        {"pain_lasting_score", 0, core::NormsErrc::bad_value},
        {"infection_redness_score", 5, core::NormsErrc::bad_value},
        {"infection_pain_score", 11, core::NormsErrc::bad_value},
        {"allergy_itching_score", 4, core::NormsErrc::bad_value},
        {"allergy_source", "nobody2020", core::NormsErrc::unknown_source},
        {"deep_depth_mm", 3.5, core::NormsErrc::bad_value},
        {"deep_source", "nobody2020", core::NormsErrc::unknown_source},
        {"pain_lasting_scores", 5, core::NormsErrc::unknown_field},
    };
    for (const auto& b : bad) {
        INFO(b.key);
        auto j = nlohmann::json::parse(core::default_norms_json());
        j["recovery"][b.key] = b.value;
        const auto r = core::parse_norms_profile(j.dump());
        REQUIRE_FALSE(r.ok());
        INFO(r.error().message);
        CHECK(r.error().code == b.code);
        CHECK_THAT(r.error().message, Catch::Contains(b.key));
    }
    // A figure without its source.
    auto j = nlohmann::json::parse(core::default_norms_json());
    j["recovery"].erase("allergy_source");
    auto r = core::parse_norms_profile(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::NormsErrc::missing_field);
    CHECK_THAT(r.error().message, Catch::Contains("allergy_source"));
    j = nlohmann::json::parse(core::default_norms_json());
    j["recovery"].erase("deep_source");
    r = core::parse_norms_profile(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Contains("deep_source"));
}

TEST_CASE("core: severity messages say when a number is the clinic's choice",
          "[core][recovery][severity]") {
    const auto message = [](const std::vector<core::DayEntry>& es, std::string_view rule) {
        const auto flags = only(core::assess(es, facts(1.0), profile()), rule);
        REQUIRE(flags.size() == 1);
        return flags[0].message;
    };
    CHECK_THAT(message({at(0, {{Symptom::pain, 0}}), at(3, {{Symptom::pain, 0}})}, "logging_gap"),
               Catch::Contains("the check-in window the clinic chose"));
    CHECK_THAT(message({at(3, {{Symptom::blisters, 1}})}, "blisters"),
               Catch::Contains("the clinic's window for cold sores"));
    CHECK_THAT(message({at(4, {{Symptom::blisters, 1}})}, "blisters"),
               Catch::Contains("the clinic looks for cold-sore reactivation"));
    CHECK_THAT(message({at(3, {{Symptom::pain, 5}})}, "pain_lasting"),
               Catch::Contains("the clinic's threshold"));
}
