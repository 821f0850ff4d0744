// Photo redness trend: a rise of delta a* by the profile's threshold over the session's
// earlier colour-corrected photos is a watch, citing its source; just below it is not.

#include "punctum/core/recovery/photo_trend.h"

#include <catch2/catch.hpp>

namespace core = punctum::core;
using core::PhotoRedness;

namespace {
const core::NormsProfile& profile() {
    return core::default_norms_profile();
}
} // namespace

TEST_CASE("core: the default profile's photo threshold is 3 units, with its source",
          "[core][photo_trend]") {
    REQUIRE(profile().recovery.photo_delta_a_rise.has_value());
    CHECK(*profile().recovery.photo_delta_a_rise == Approx(3.0));
    CHECK_THAT(profile().cite(profile().recovery.photo_source), Catch::Contains("PMC10247498"));
}

TEST_CASE("core: a rise just at the threshold is a watch, just below is not",
          "[core][photo_trend]") {
    const double threshold = *profile().recovery.photo_delta_a_rise;
    const std::vector<PhotoRedness> below{
        {1, 8.0, true}, {3, 5.0, true}, {5, 5.0 + threshold - 0.01, true}};
    CHECK(core::photo_redness_flags(below, profile()).empty());

    const std::vector<PhotoRedness> at{{1, 8.0, true}, {3, 5.0, true}, {5, 5.0 + threshold, true}};
    const auto flags = core::photo_redness_flags(at, profile());
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].rule_id == core::rules::photo_redness_rise);
    CHECK(flags[0].severity == core::Severity::watch);
    CHECK(flags[0].symptom == "erythema");
    CHECK(flags[0].day == 5);
    CHECK_THAT(flags[0].message, Catch::Contains("day 3"));
    CHECK(flags[0].source == profile().cite(profile().recovery.photo_source));
    CHECK(flags[0].profile_id == profile().id);
}

TEST_CASE("core: falling redness after treatment raises nothing", "[core][photo_trend]") {
    const std::vector<PhotoRedness> course{
        {0, 12.0, true}, {1, 13.0, true}, {3, 7.0, true}, {7, 2.0, true}, {10, 1.0, true}};
    // Day 1 stands 1 above day 0: less than the threshold.
    CHECK(core::photo_redness_flags(course, profile()).empty());
}

TEST_CASE("core: uncalibrated photos are never compared", "[core][photo_trend]") {
    const std::vector<PhotoRedness> mixed{{1, 2.0, false}, {3, 4.0, true}, {5, 12.0, false}};
    CHECK(core::photo_redness_flags(mixed, profile()).empty());
    const std::vector<PhotoRedness> calibrated_rise{
        {1, 2.0, false}, {3, 4.0, true}, {5, 12.0, true}};
    CHECK(core::photo_redness_flags(calibrated_rise, profile()).size() == 1);
}

TEST_CASE("core: one flag per rise, a second rise after settling flags again",
          "[core][photo_trend]") {
    const std::vector<PhotoRedness> photos{
        {2, 3.0, true}, {4, 7.0, true}, {5, 8.0, true}, {6, 4.0, true}, {9, 9.0, true}};
    const auto flags = core::photo_redness_flags(photos, profile());
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].day == 4);
    CHECK(flags[1].day == 9);
}

TEST_CASE("core: photos out of day order give the same flags", "[core][photo_trend]") {
    const std::vector<PhotoRedness> ordered{{1, 5.0, true}, {3, 4.0, true}, {6, 9.0, true}};
    const std::vector<PhotoRedness> shuffled{{6, 9.0, true}, {1, 5.0, true}, {3, 4.0, true}};
    CHECK(core::photo_redness_flags(ordered, profile()) ==
          core::photo_redness_flags(shuffled, profile()));
}

TEST_CASE("core: a profile without a photo threshold raises no photo flag", "[core][photo_trend]") {
    core::NormsProfile p = profile();
    p.recovery.photo_delta_a_rise.reset();
    const std::vector<PhotoRedness> rise{{1, 1.0, true}, {3, 15.0, true}};
    CHECK(core::photo_redness_flags(rise, p).empty());
}
