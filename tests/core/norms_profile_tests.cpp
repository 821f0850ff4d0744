// The norms profile: the shipped one is complete and sourced; a clinic's own is checked
// as strictly as any outside input.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace punctum::core;

namespace {

std::string with(const std::function<void(nlohmann::json&)>& edit) {
    auto j = nlohmann::json::parse(default_norms_json());
    edit(j);
    return j.dump();
}

} // namespace

TEST_CASE("core: norms the shipped profile parses, every rule cites a defined source",
          "[core][norms]") {
    const auto& p = default_norms_profile();
    CHECK(p.id == "punctum-default");
    CHECK_FALSE(p.version.empty());
    // One rule for every item screening asks about (conditions, recent treatments, add-on
    // variants, the depth): nothing is asked and then ignored.
    CHECK(p.screening.size() == screening_conditions().size() + screening_recent_items().size() +
                                    screening_add_on_variants().size() + 1);
    for (const auto& rule : p.screening) {
        INFO(rule.item);
        CHECK(p.sources.count(rule.source) == 1);
        CHECK_FALSE(rule.message.empty());
    }
    for (const auto& band : p.recovery.redness_bands) {
        CHECK(p.sources.count(band.source) == 1);
    }
    CHECK_FALSE(p.preparation.empty());
    CHECK_FALSE(p.aftercare.empty());
    CHECK(p.cite("chu2021").find("(evidence A)") != std::string::npos);
}

TEST_CASE("core: norms a clinic profile with mistakes is refused, naming the field",
          "[core][norms]") {
    struct Bad {
        std::string json;
        NormsErrc code;
        const char* names;
    };
    const Bad bad[] = {
        {with([](auto& j) { j["colour"] = "red"; }), NormsErrc::unknown_field, "profile.colour"},
        {with([](auto& j) { j["recovery"]["pain_resolve_by_dayz"] = 1; }), NormsErrc::unknown_field,
         "pain_resolve_by_dayz"},
        {with([](auto& j) { j.erase("id"); }), NormsErrc::missing_field, "profile.id"},
        {with([](auto& j) { j["recovery"]["peak_source"] = "nobody2020"; }),
         NormsErrc::unknown_source, "nobody2020"},
        {with([](auto& j) { j["sources"]["chu2021"]["grade"] = "Z"; }), NormsErrc::bad_value,
         "chu2021"},
        {with([](auto& j) { j["recovery"]["bruising_resolve_by_day"] = 0; }), NormsErrc::bad_value,
         "bruising_resolve_by_day"},
        {with([](auto& j) { j["recovery"]["redness_bands"][1]["max_depth_mm"] = 0.2; }),
         NormsErrc::bad_value, "shallow to deep"},
        {with([](auto& j) { j["screening"][0]["outcome"] = "maybe"; }), NormsErrc::bad_value,
         "outcome"},
        {with([](auto& j) { j["screening"][0]["item"] = "tattoo"; }), NormsErrc::bad_value,
         "tattoo"},
        {with([](auto& j) { j["screening"][0]["source"] = ""; }), NormsErrc::unknown_source,
         "source"},
        {"{not json", NormsErrc::malformed, "not valid JSON"},
    };
    for (const auto& b : bad) {
        auto r = parse_norms_profile(b.json);
        REQUIRE_FALSE(r.ok());
        INFO(r.error().message);
        CHECK(r.error().code == b.code);
        CHECK(r.error().message.find(b.names) != std::string::npos);
    }
}

TEST_CASE("core: norms a stricter clinic profile is taken as written", "[core][norms]") {
    auto r = parse_norms_profile(with([](auto& j) {
        j["id"] = "clinic-strict";
        j["recovery"]["redness_bands"][1]["resolve_by_day"] = 3;
    }));
    REQUIRE(r.ok());
    CHECK(r->id == "clinic-strict");
    CHECK(r->recovery.redness_bands[1].resolve_by_day == 3);
}
