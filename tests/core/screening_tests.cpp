// Screening against the shipped profile: every item, waiting periods just inside and just
// outside, the verdict order, and refusals of bad input.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening.h"
#include "punctum/core/screening/screening_json.h"

#include <catch2/catch.hpp>

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

TEST_CASE("core: screening verdict is the most severe reason; earliest date only when every "
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
