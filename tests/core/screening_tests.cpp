// Screening against the shipped profile: every item, waiting periods just inside and just
// outside, the verdict order, and refusals of bad input.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening.h"
#include "punctum/core/screening/screening_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace punctum::core;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

ScreeningResult screen_ok(const ScreeningInput& in) {
    auto r = screen(in, default_norms_profile());
    REQUIRE(r.ok());
    return r.value();
}

} // namespace

TEST_CASE("core: screening with nothing to report proceeds", "[core][screening]") {
    const auto r = screen_ok({d("2026-03-03"), 1.0, {}, {}});
    CHECK(r.verdict == Outcome::proceed);
    CHECK(r.reasons.empty());
    CHECK_FALSE(r.earliest_date);
    CHECK(r.profile_id == "punctum-default");
}

TEST_CASE("core: screening outcome of every condition follows the profile", "[core][screening]") {
    struct Case {
        const char* condition;
        Outcome expected;
    };
    const Case cases[] = {
        {"active_acne", Outcome::defer},
        {"eczema", Outcome::defer},
        {"psoriasis", Outcome::defer},
        {"rosacea", Outcome::defer},
        {"sunburn", Outcome::defer},
        {"active_infection", Outcome::defer},
        {"open_wound", Outcome::defer},
        {"skin_cancer_in_area", Outcome::refer},
        {"metal_allergy", Outcome::decline},
        {"anaesthetic_allergy", Outcome::decline},
        {"keloid_history", Outcome::decline},
        {"pregnancy", Outcome::defer},
        {"breastfeeding", Outcome::defer},
        {"bleeding_disorder", Outcome::refer},
        {"anticoagulants", Outcome::refer},
        {"nsaids", Outcome::caution},
        {"cold_sore_history", Outcome::caution},
        {"diabetes_uncontrolled", Outcome::refer},
        {"immunosuppression", Outcome::decline},
        {"autoimmune_disease", Outcome::refer},
        {"collagen_vascular_disease", Outcome::decline},
        {"cold_sore_active", Outcome::defer},
        {"lesions_in_area", Outcome::caution},
        {"gold_threads", Outcome::caution}, // without RF planned
        {"cardiac_device", Outcome::caution},
        {"photosensitising_medication", Outcome::caution},
    };
    for (const auto& c : cases) {
        INFO(c.condition);
        const auto r = screen_ok({d("2026-03-03"), 1.0, {c.condition}, {}});
        CHECK(r.verdict == c.expected);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].item == c.condition);
        CHECK_FALSE(r.reasons[0].message.empty());
        CHECK(r.reasons[0].source.find("(evidence ") != std::string::npos);
    }
    CHECK(screening_conditions().size() == std::size(cases));
}

TEST_CASE("core: screening waiting periods, just inside and just outside", "[core][screening]") {
    struct Case {
        const char* item;
        const char* last;     // date of the recent treatment
        const char* first_ok; // first day it is over
    };
    const Case cases[] = {
        {"botulinum_toxin", "2026-03-01", "2026-03-15"},
        {"dermal_filler", "2026-03-01", "2026-03-15"},
        {"isotretinoin", "2025-09-03", "2026-03-03"},
        {"radiation_therapy", "2025-12-03", "2026-03-03"},
        {"chemical_peel", "2025-12-03", "2026-03-03"},
        {"laser_resurfacing", "2025-12-03", "2026-03-03"},
        {"facial_surgery", "2025-03-03", "2026-03-03"},
        {"microneedling", "2026-03-01", "2026-03-15"},    // 13 days defers, 14 proceeds
        {"topical_retinoid", "2026-03-01", "2026-03-06"}, // stopped 4 days before defers, 5 not
        {"superficial_peel", "2026-03-01", "2026-03-31"},
        {"ipl_or_laser", "2026-03-01", "2026-03-31"},
    };
    for (const auto& c : cases) {
        INFO(c.item);
        const Date ok_day = d(c.first_ok);
        const Date day_before{std::chrono::sys_days{ok_day} - std::chrono::days{1}};
        const auto inside = screen_ok({day_before, 1.0, {}, {{c.item, d(c.last)}}});
        CHECK(inside.verdict == Outcome::defer);
        REQUIRE(inside.earliest_date);
        CHECK(format_date(*inside.earliest_date) == c.first_ok);
        CHECK(inside.reasons.at(0).until == ok_day);

        const auto outside = screen_ok({ok_day, 1.0, {}, {{c.item, d(c.last)}}});
        CHECK(outside.verdict == Outcome::proceed);
        CHECK_FALSE(outside.earliest_date);
    }
    CHECK(screening_recent_items().size() == std::size(cases));
}

TEST_CASE("core: screening month periods end on the month's last day", "[core][screening]") {
    CHECK(format_date(add_period(d("2025-08-31"), 0, 6)) == "2026-02-28");
    CHECK(format_date(add_period(d("2023-08-31"), 0, 6)) == "2024-02-29");
    CHECK(format_date(add_period(d("2026-01-31"), 14, 0)) == "2026-02-14");
}

TEST_CASE("core: screening verdict is the most severe reason, earliest date only when every "
          "deferral has one",
          "[core][screening]") {
    auto r = screen_ok({d("2026-03-03"), 1.0, {"cold_sore_history", "keloid_history"}, {}});
    CHECK(r.verdict == Outcome::decline);
    r = screen_ok({d("2026-03-03"), 1.0, {"nsaids"}, {{"botulinum_toxin", d("2026-02-25")}}});
    CHECK(r.verdict == Outcome::defer);
    CHECK(r.earliest_date == d("2026-03-11"));
    r = screen_ok({d("2026-03-03"),
                   1.0,
                   {},
                   {{"botulinum_toxin", d("2026-02-25")}, {"isotretinoin", d("2026-01-01")}}});
    CHECK(r.earliest_date == d("2026-07-01")); // the later of the two
    r = screen_ok({d("2026-03-03"), 1.0, {"pregnancy"}, {{"botulinum_toxin", d("2026-02-25")}}});
    CHECK(r.verdict == Outcome::defer);
    CHECK_FALSE(r.earliest_date); // pregnancy has no date
    r = screen_ok({d("2026-03-03"), 1.0, {"sunburn"}, {}});
    CHECK(r.earliest_date == d("2026-03-17"));
}

TEST_CASE("core: screening depth over 1.5 mm is a caution, 1.5 mm is not", "[core][screening]") {
    CHECK(screen_ok({d("2026-03-03"), 1.5, {}, {}}).verdict == Outcome::proceed);
    CHECK(screen_ok({d("2026-03-03"), 1.6, {}, {}}).verdict == Outcome::caution);
}

TEST_CASE("core: screening refuses unknown items and impossible dates", "[core][screening]") {
    auto r = screen({d("2026-03-03"), 1.0, {"sunburnt"}, {}}, default_norms_profile());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("sunburnt") != std::string::npos);
    r = screen({d("2026-03-03"), 1.0, {}, {{"botulinum_toxin", d("2026-03-04")}}},
               default_norms_profile());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("recent.botulinum_toxin") != std::string::npos);
    // Depths the JSON would refuse on reading back are refused here too.
    for (const double depth : {3.1, 0.0, -1.0}) {
        INFO(depth);
        r = screen({d("2026-03-03"), depth, {}, {}}, default_norms_profile());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ScreeningErrc::bad_value);
        CHECK(r.error().message.find("depth_mm") != std::string::npos);
    }
    CHECK(screen({d("2026-03-03"), 3.0, {}, {}}, default_norms_profile()).ok());
}

TEST_CASE("core: screening JSON input is strict and names the field", "[core][screening]") {
    auto ok = parse_screening_input(R"({"date":"2026-03-03","depth_mm":1.5,"conditions":["sunburn"],
        "recent":{"botulinum_toxin":"2026-02-20"}})");
    REQUIRE(ok.ok());
    CHECK(ok->conditions == std::vector<std::string>{"sunburn"});
    struct Bad {
        const char* json;
        const char* names;
    };
    const Bad bad[] = {
        {R"({"date":"2026-02-30"})", "input.date"},
        {R"({"date":"2026-03-03","colour":"red"})", "input.colour"},
        {R"({"date":"2026-03-03","depth_mm":"deep"})", "input.depth_mm"},
        {R"({"date":"2026-03-03","depth_mm":9})", "input.depth_mm"},
        {R"({"date":"2026-03-03","recent":{"botox":"2026-01-01"}})", "input.recent.botox"},
        {R"({"date":"2026-03-03","recent":{"isotretinoin":"soon"}})", "input.recent.isotretinoin"},
        {R"({"date":"2026-03-03","conditions":[1]})", "input.conditions"},
        {R"({"depth_mm":1})", "input.date"},
        {R"([1,2])", "input"},
        {R"({"date":)", "JSON"},
    };
    for (const auto& b : bad) {
        INFO(b.json);
        auto r = parse_screening_input(b.json);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find(b.names) != std::string::npos);
    }
}

TEST_CASE("core: screening items of the second round, each with its outcome, period, source "
          "and whether it is absolute",
          "[core][screening]") {
    struct Case {
        const char* item;
        std::vector<std::string> add_ons;
        Outcome outcome;
        const char* source_key;
        bool absolute;
    };
    const Case cases[] = {
        {"diabetes_uncontrolled", {}, Outcome::refer, "clinic_contraindications", false},
        {"immunosuppression", {}, Outcome::decline, "clinic_contraindications", false},
        {"autoimmune_disease", {}, Outcome::refer, "clinic_contraindications", false},
        {"collagen_vascular_disease", {}, Outcome::decline, "clinic_contraindications", true},
        {"cold_sore_active", {}, Outcome::defer, "clinic_contraindications", false},
        {"lesions_in_area", {}, Outcome::caution, "clinic_contraindications", false},
        {"photosensitising_medication", {}, Outcome::caution, "clinic_contraindications", false},
        {"gold_threads", {}, Outcome::caution, "rf_device_pages", false},
        {"gold_threads", {"prp"}, Outcome::caution, "rf_device_pages", false},
        {"gold_threads", {"rf"}, Outcome::decline, "rf_device_pages", true},
        {"gold_threads", {"prp", "rf"}, Outcome::decline, "rf_device_pages", true},
        {"cardiac_device", {}, Outcome::caution, "rf_device_pages", false},
        {"cardiac_device", {"rf"}, Outcome::decline, "rf_device_pages", false},
        {"metal_allergy", {}, Outcome::decline, "skinpen", true},
        {"anaesthetic_allergy", {}, Outcome::decline, "skinpen", false},
        {"keloid_history", {}, Outcome::decline, "inmode", false},
        {"rosacea", {}, Outcome::defer, "skinpen", false},
    };
    const auto& profile = default_norms_profile();
    for (const auto& c : cases) {
        INFO(c.item << " with " << c.add_ons.size() << " add-ons");
        ScreeningInput in{d("2026-03-03"), 1.0, {c.item}, {}};
        in.add_ons = c.add_ons;
        const auto r = screen_ok(in);
        CHECK(r.verdict == c.outcome);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].outcome == c.outcome);
        CHECK(r.reasons[0].source == profile.cite(c.source_key));
        CHECK(r.reasons[0].absolute == c.absolute);
        CHECK_FALSE(r.reasons[0].until);
        const bool with_rf = std::find(c.add_ons.begin(), c.add_ons.end(), "rf") != c.add_ons.end();
        CHECK(r.reasons[0].item == (with_rf ? std::string(c.item) + "_with_rf" : c.item));
    }
    // Only a decline is ever absolute, and every absolute rule says why in its note.
    for (const auto& rule : profile.screening) {
        INFO(rule.item);
        if (rule.absolute) {
            CHECK(rule.outcome == Outcome::decline);
            CHECK_FALSE(rule.note.empty());
        }
    }
}

TEST_CASE("core: screening waiting periods of the second round cite their sources and say "
          "which they follow",
          "[core][screening]") {
    struct Case {
        const char* item;
        int days;
        const char* source_key;
    };
    const Case cases[] = {
        {"microneedling", 14, "alam2014"},
        {"topical_retinoid", 5, "skincare_pages"},
        {"superficial_peel", 30, "superficial_peel_pages"},
        {"ipl_or_laser", 30, "superficial_peel_pages"},
    };
    const auto& profile = default_norms_profile();
    for (const auto& c : cases) {
        INFO(c.item);
        const auto* rule = profile.screening_rule(c.item);
        REQUIRE(rule != nullptr);
        CHECK(rule->outcome == Outcome::defer);
        CHECK(rule->days == c.days);
        CHECK(rule->months == 0);
        CHECK(rule->source == c.source_key);
        CHECK_FALSE(rule->absolute);
        CHECK_FALSE(rule->note.empty()); // where sources disagree, which one it follows
    }
}

TEST_CASE("core: screening gold threads and a cardiac device decline only with RF planned",
          "[core][screening]") {
    ScreeningInput in{d("2026-03-03"), 1.0, {"gold_threads", "cardiac_device"}, {}};
    auto r = screen_ok(in);
    CHECK(r.verdict == Outcome::caution);
    in.add_ons = {"prp"};
    CHECK(screen_ok(in).verdict == Outcome::caution);
    in.add_ons = {"rf"};
    r = screen_ok(in);
    CHECK(r.verdict == Outcome::decline);
    REQUIRE(r.reasons.size() == 2);
    CHECK(r.reasons[0].item == "gold_threads_with_rf");
    CHECK(r.reasons[0].absolute);
    CHECK(r.reasons[1].item == "cardiac_device_with_rf");
    CHECK_FALSE(r.reasons[1].absolute);
    // RF alone, with nothing it matters for, changes nothing.
    CHECK(screen_ok({d("2026-03-03"), 1.0, {}, {}, {"rf"}}).verdict == Outcome::proceed);
    // An add-on Punctum does not know is an error naming it, never ignored.
    auto unknown =
        screen({d("2026-03-03"), 1.0, {"gold_threads"}, {}, {"laser"}}, default_norms_profile());
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find("laser") != std::string::npos);
}

TEST_CASE("core: screening says which date a waiting period counted from and where it came "
          "from",
          "[core][screening]") {
    ScreeningInput in{d("2026-03-10"), 1.0, {}, {{"microneedling", d("2026-03-01")}}};
    auto r = screen_ok(in);
    REQUIRE(r.reasons.size() == 1);
    CHECK(r.verdict == Outcome::defer);
    CHECK(r.earliest_date == d("2026-03-15"));
    CHECK(r.reasons[0].message.find("2026-03-01") != std::string::npos);
    CHECK(r.reasons[0].message.find("as given at screening") != std::string::npos);

    in.recent_from_vault = {"microneedling"};
    r = screen_ok(in);
    CHECK(r.reasons[0].message.find("2026-03-01") != std::string::npos);
    CHECK(r.reasons[0].message.find("this vault's records") != std::string::npos);

    in.date = d("2026-03-20"); // passed: still says which date and from where
    r = screen_ok(in);
    CHECK(r.verdict == Outcome::proceed);
    CHECK(r.reasons[0].message.find("2026-03-01") != std::string::npos);
    CHECK(r.reasons[0].message.find("this vault's records") != std::string::npos);
    CHECK_FALSE(r.reasons[0].absolute);

    // The vault can vouch only for a date the input carries.
    in.recent.clear();
    auto orphan = screen(in, default_norms_profile());
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().message.find("recent_from_vault") != std::string::npos);
}

TEST_CASE("core: screening JSON carries add-ons, the history check and dates from the vault",
          "[core][screening]") {
    auto in = parse_screening_input(R"({"date":"2026-03-03","conditions":["gold_threads"],
        "add_ons":["rf"],"history_confirmed":true,
        "recent":{"microneedling":"2026-02-01","topical_retinoid":"2026-02-28",
                  "superficial_peel":"2026-01-15","ipl_or_laser":"2026-02-10"},
        "recent_from_vault":["microneedling"]})");
    REQUIRE(in.ok());
    CHECK(in->add_ons == std::vector<std::string>{"rf"});
    CHECK(in->history_confirmed);
    CHECK(in->recent.size() == 4);
    CHECK(in->recent_from_vault == std::vector<std::string>{"microneedling"});

    // Written back in the shape it was read, so a stored screening re-runs the same.
    auto again = parse_screening_input(screening_input_json(*in));
    REQUIRE(again.ok());
    CHECK(again->add_ons == in->add_ons);
    CHECK(again->history_confirmed);
    CHECK(again->recent == in->recent);
    CHECK(again->recent_from_vault == in->recent_from_vault);
    // An input without the new fields is written without them.
    auto plain = parse_screening_input(R"({"date":"2026-03-03"})");
    REQUIRE(plain.ok());
    CHECK_FALSE(plain->history_confirmed);
    const auto plain_json = nlohmann::json::parse(screening_input_json(*plain));
    CHECK_FALSE(plain_json.contains("add_ons"));
    CHECK_FALSE(plain_json.contains("history_confirmed"));
    CHECK_FALSE(plain_json.contains("recent_from_vault"));

    struct Bad {
        const char* json;
        const char* names;
    };
    const Bad bad[] = {
        {R"({"date":"2026-03-03","add_ons":["laser"]})", "laser"},
        {R"({"date":"2026-03-03","add_ons":["other"]})", "other"},
        {R"({"date":"2026-03-03","add_ons":"rf"})", "input.add_ons"},
        {R"({"date":"2026-03-03","add_ons":[1]})", "input.add_ons"},
        {R"({"date":"2026-03-03","add_ons":["rf","rf"]})", "twice"},
        {R"({"date":"2026-03-03","history_confirmed":"yes"})", "input.history_confirmed"},
        {R"({"date":"2026-03-03","recent_from_vault":["microneedling"]})", "no date"},
        {R"({"date":"2026-03-03","recent":{"microneedling":"2026-02-01"},
             "recent_from_vault":["botox"]})",
         "botox"},
        {R"({"date":"2026-03-03","recent":{"topical_retinoid":"last week"}})",
         "input.recent.topical_retinoid"},
    };
    for (const auto& b : bad) {
        INFO(b.json);
        auto r = parse_screening_input(b.json);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find(b.names) != std::string::npos);
    }
}

TEST_CASE("core: screening result JSON marks absolute contraindications and reads back",
          "[core][screening]") {
    const auto r = screen_ok({d("2026-03-03"), 1.0, {"metal_allergy", "keloid_history"}, {}});
    const auto json = nlohmann::json::parse(screening_result_json(r));
    REQUIRE(json.at("reasons").size() == 2);
    CHECK(json["reasons"][0]["absolute"] == true);
    CHECK(json["reasons"][1]["absolute"] == false);
    auto back = parse_screening_result(screening_result_json(r));
    REQUIRE(back.ok());
    CHECK(back->reasons[0].absolute);
    CHECK_FALSE(back->reasons[1].absolute);
    // A screening stored before reasons carried the mark reads as not absolute.
    auto old = json;
    old["reasons"][0].erase("absolute");
    auto older = parse_screening_result(old.dump());
    REQUIRE(older.ok());
    CHECK_FALSE(older->reasons[0].absolute);
}

TEST_CASE("core: screening a profile may mark only a decline absolute", "[core][screening]") {
    auto j = nlohmann::json::parse(default_norms_json());
    for (auto& rule : j["screening"]) {
        if (rule["item"] == "nsaids") {
            rule["absolute"] = true;
        }
    }
    auto caution = parse_norms_profile(j.dump());
    REQUIRE_FALSE(caution.ok());
    CHECK(caution.error().message.find("absolute") != std::string::npos);
    for (auto& rule : j["screening"]) {
        if (rule["item"] == "nsaids") {
            rule["absolute"] = "yes";
        }
    }
    REQUIRE_FALSE(parse_norms_profile(j.dump()).ok());
    // A clinic may make a decline absolute, or lift the mark, in its own profile.
    for (auto& rule : j["screening"]) {
        if (rule["item"] == "nsaids") {
            rule.erase("absolute");
        }
        if (rule["item"] == "metal_allergy") {
            rule["absolute"] = false;
        }
        if (rule["item"] == "keloid_history") {
            rule["absolute"] = true;
        }
    }
    auto clinic = parse_norms_profile(j.dump());
    REQUIRE(clinic.ok());
    CHECK_FALSE(clinic->screening_rule("metal_allergy")->absolute);
    CHECK(clinic->screening_rule("keloid_history")->absolute);
}

TEST_CASE("core: screening an item the profile has no rule for is a caution, never silence",
          "[core][screening]") {
    // A vault keeps the profile it adopted: one written before an item existed lacks it.
    auto j = nlohmann::json::parse(default_norms_json());
    auto& rules = j["screening"];
    for (auto it = rules.begin(); it != rules.end();) {
        const auto item = (*it)["item"].get<std::string>();
        it =
            (item == "gold_threads" || item == "gold_threads_with_rf" || item == "topical_retinoid")
                ? rules.erase(it)
                : it + 1;
    }
    j["version"] = "old";
    const auto old = parse_norms_profile(j.dump());
    REQUIRE(old.ok());
    ScreeningInput in{
        d("2026-03-03"), 1.0, {"gold_threads"}, {{"topical_retinoid", d("2026-03-01")}}};
    in.add_ons = {"rf"};
    auto r = screen(in, *old);
    REQUIRE(r.ok());
    CHECK(r->verdict == Outcome::caution);
    REQUIRE(r->reasons.size() == 2);
    CHECK(r->reasons[0].item == "gold_threads");
    CHECK(r->reasons[0].message.find("no rule") != std::string::npos);
    CHECK(r->reasons[0].source.find("old") != std::string::npos);
    CHECK(r->reasons[1].item == "topical_retinoid");
}
