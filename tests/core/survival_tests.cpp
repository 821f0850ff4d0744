// core/outcomes: Kaplan-Meier against R. The aml figures are what R's survival package
// prints for survfit(Surv(time, status) ~ x, data = aml): summary(fit) for the curve and
// print(fit) for the median; each is checked to the digits R shows. The small cases are
// worked out by hand in the test, so that a mistake in the code is not copied into it.

#include "punctum/core/outcomes/survival.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace core = punctum::core;
using core::SurvivalObservation;

namespace {

// What R's summary(fit) shows for an event day: survival, std.err (of the survival, i.e.
// the square root of Greenwood's variance), and the 95% limits, each printed to `places`.
struct RRow {
    int day;
    int at_risk;
    int events;
    double survival;
    double std_err;
    double lower;
    double upper;
};

struct Printed {
    int survival;
    int std_err;
    int lower;
    int upper;
};

// True when R, printing `value` to `places` decimals, would show `shown`.
bool shows(double value, double shown, int places) {
    return std::abs(value - shown) <= 0.5 * std::pow(10.0, -places) + 1e-12;
}

void check_against_r(const core::SurvivalCurve& curve, const std::vector<RRow>& rows,
                     Printed places) {
    for (const RRow& r : rows) {
        INFO("day " << r.day);
        const core::SurvivalStep* step = nullptr;
        for (const auto& s : curve.steps) {
            if (s.day == r.day) {
                step = &s;
            }
        }
        REQUIRE(step != nullptr);
        CHECK(step->at_risk == r.at_risk);
        CHECK(step->events == r.events);
        CHECK(shows(step->survival, r.survival, places.survival));
        REQUIRE(step->variance.has_value());
        CHECK(shows(std::sqrt(*step->variance), r.std_err, places.std_err));
        REQUIRE(step->lower.has_value());
        REQUIRE(step->upper.has_value());
        CHECK(shows(*step->lower, r.lower, places.lower));
        CHECK(shows(*step->upper, r.upper, places.upper));
    }
}

// R's aml data (survival package): weeks to relapse, status 1 = relapse, by arm.
constexpr std::array<SurvivalObservation, 11> maintained{{
    {9, true},
    {13, true},
    {13, false},
    {18, true},
    {23, true},
    {28, false},
    {31, true},
    {34, true},
    {45, false},
    {48, true},
    {161, false},
}};

constexpr std::array<SurvivalObservation, 12> nonmaintained{{
    {5, true},
    {5, true},
    {8, true},
    {8, true},
    {12, true},
    {16, false},
    {23, true},
    {27, true},
    {30, true},
    {33, true},
    {43, true},
    {45, true},
}};

// Greenwood's standard error of log S and the log-scale 95% limits, from the formula.
constexpr double z = 1.959963984540054;
double lower_limit(double s, double sum) {
    return s * std::exp(-z * std::sqrt(sum));
}
double upper_limit(double s, double sum) {
    return std::min(1.0, s * std::exp(z * std::sqrt(sum)));
}

} // namespace

TEST_CASE("core: Kaplan-Meier of aml's maintained arm matches R", "[core][outcomes][survival]") {
    const auto curve = core::kaplan_meier(maintained);
    check_against_r(curve,
                    {
                        {9, 11, 1, 0.909, 0.0867, 0.7541, 1.000},
                        {13, 10, 1, 0.818, 0.1163, 0.6192, 1.000},
                        {18, 8, 1, 0.716, 0.1397, 0.4884, 1.000},
                        {23, 7, 1, 0.614, 0.1526, 0.3769, 0.999},
                        {31, 5, 1, 0.491, 0.1642, 0.2549, 0.946},
                        {34, 4, 1, 0.368, 0.1627, 0.1549, 0.875},
                        {48, 2, 1, 0.184, 0.1535, 0.0359, 0.944},
                    },
                    {3, 4, 4, 3});
    // The curve also steps at each censored day (13 has both), as survfit's does.
    REQUIRE(curve.steps.size() == 10);
    CHECK(curve.steps[1].censored == 1);
    CHECK(curve.steps[4].day == 28);
    CHECK(curve.steps[4].events == 0);
    CHECK(curve.steps[4].survival == curve.steps[3].survival);
    CHECK(curve.steps[9].day == 161);
    CHECK(curve.steps[9].at_risk == 1);
    CHECK(curve.observations == 11);
    CHECK(curve.censored == 4);
    // print(fit): median 31, 0.95LCL 18, 0.95UCL NA.
    CHECK(curve.median.value == 31.0);
    CHECK(curve.median.lower == 18.0);
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: Kaplan-Meier of aml's nonmaintained arm matches R, down to 0",
          "[core][outcomes][survival]") {
    const auto curve = core::kaplan_meier(nonmaintained);
    check_against_r(curve,
                    {
                        {5, 12, 2, 0.8333, 0.1076, 0.6470, 1.000},
                        {8, 10, 2, 0.6667, 0.1361, 0.4468, 0.995},
                        {12, 8, 1, 0.5833, 0.1423, 0.3616, 0.941},
                        {23, 6, 1, 0.4861, 0.1481, 0.2675, 0.883},
                        {27, 5, 1, 0.3889, 0.1470, 0.1854, 0.816},
                        {30, 4, 1, 0.2917, 0.1387, 0.1148, 0.741},
                        {33, 3, 1, 0.1944, 0.1219, 0.0569, 0.664},
                        {43, 2, 1, 0.0972, 0.0919, 0.0153, 0.620},
                    },
                    {4, 4, 4, 3});
    // R: day 45, 1 at risk, 1 event, survival 0, std.err NaN, limits NA.
    REQUIRE(curve.steps.size() == 10);
    const auto& last = curve.steps.back();
    CHECK(last.day == 45);
    CHECK(last.survival == 0.0);
    CHECK_FALSE(last.variance.has_value());
    CHECK_FALSE(last.lower.has_value());
    CHECK_FALSE(last.upper.has_value());
    CHECK(curve.observations == 12);
    CHECK(curve.censored == 1);
    // print(fit): median 23, 0.95LCL 8, 0.95UCL NA (the upper limit is NA where S is 0).
    CHECK(curve.median.value == 23.0);
    CHECK(curve.median.lower == 8.0);
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: Kaplan-Meier of no observations is an empty curve without a median",
          "[core][outcomes][survival]") {
    const auto curve = core::kaplan_meier({});
    CHECK(curve.steps.empty());
    CHECK(curve.observations == 0);
    CHECK(curve.censored == 0);
    CHECK_FALSE(curve.median.value.has_value());
    CHECK_FALSE(curve.median.lower.has_value());
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: all censored, the curve stays at 1 and has no median",
          "[core][outcomes][survival]") {
    const std::vector<SurvivalObservation> obs{{5, false}, {3, false}, {5, false}};
    const auto curve = core::kaplan_meier(obs);
    REQUIRE(curve.steps.size() == 2);
    CHECK(curve.steps[0].day == 3);
    CHECK(curve.steps[0].at_risk == 3);
    CHECK(curve.steps[1].day == 5);
    CHECK(curve.steps[1].at_risk == 2);
    CHECK(curve.steps[1].censored == 2);
    for (const auto& s : curve.steps) {
        CHECK(s.survival == 1.0);
        CHECK(s.variance == 0.0);
        CHECK(s.lower == 1.0);
        CHECK(s.upper == 1.0);
    }
    CHECK(curve.censored == 3);
    CHECK_FALSE(curve.median.value.has_value());
    CHECK_FALSE(curve.median.lower.has_value());
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: an event and a censoring on one day, the censored one still at risk",
          "[core][outcomes][survival]") {
    // Given out of order on purpose. Day 2: 4 at risk, 1 event, 1 censored.
    const std::vector<SurvivalObservation> obs{{6, false}, {2, false}, {4, true}, {2, true}};
    const auto curve = core::kaplan_meier(obs);
    REQUIRE(curve.steps.size() == 3);
    const auto& d2 = curve.steps[0];
    const auto& d4 = curve.steps[1];
    const auto& d6 = curve.steps[2];
    CHECK(d2.day == 2);
    CHECK(d2.at_risk == 4);
    CHECK(d2.events == 1);
    CHECK(d2.censored == 1);
    CHECK(d2.survival == Approx(3.0 / 4)); // not 2/3: the censored one counts at risk
    CHECK(d4.at_risk == 2);
    CHECK(d4.survival == Approx(3.0 / 4 * 1.0 / 2));
    CHECK(d6.at_risk == 1);
    CHECK(d6.survival == d4.survival);

    // Greenwood by hand: day 2 adds 1/(4*3) = 1/12, day 4 adds 1/(2*1) = 1/2.
    const double sum2 = 1.0 / 12;
    const double sum4 = 1.0 / 12 + 1.0 / 2;
    CHECK(*d2.variance == Approx(0.75 * 0.75 * sum2));   // 0.046875
    CHECK(*d4.variance == Approx(0.375 * 0.375 * sum4)); // 0.08203125
    CHECK(*d6.variance == Approx(*d4.variance));
    CHECK(*d2.variance == Approx(0.046875));
    CHECK(*d4.variance == Approx(0.08203125));
    CHECK(*d2.lower == Approx(lower_limit(0.75, sum2)));
    CHECK(*d2.upper == 1.0); // 0.75 * exp(1.96 * 0.289) = 1.32, capped
    CHECK(*d4.lower == Approx(lower_limit(0.375, sum4)));
    CHECK(*d4.upper == Approx(upper_limit(0.375, sum4)));

    // Median: 0.375 on day 4. Lower limit 0.426 on day 2; the upper never below 0.5.
    CHECK(curve.median.value == 4.0);
    CHECK(curve.median.lower == 2.0);
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: all events, the curve falls to 0 and exactly 0.5 gives a half day",
          "[core][outcomes][survival]") {
    // survfit(Surv(1:4) ~ 1): 0.75, 0.5, 0.25, 0; print(fit) gives median 2.5.
    const std::vector<SurvivalObservation> obs{{1, true}, {2, true}, {3, true}, {4, true}};
    const auto curve = core::kaplan_meier(obs);
    REQUIRE(curve.steps.size() == 4);
    CHECK(curve.steps[0].survival == Approx(0.75));
    CHECK(curve.steps[1].survival == Approx(0.5));
    CHECK(curve.steps[2].survival == Approx(0.25));
    CHECK(curve.steps[3].survival == 0.0);
    // Greenwood by hand: 1/(4*3), + 1/(3*2), + 1/(2*1).
    CHECK(*curve.steps[0].variance == Approx(0.75 * 0.75 * (1.0 / 12)));
    CHECK(*curve.steps[1].variance == Approx(0.25 * (1.0 / 12 + 1.0 / 6)));
    CHECK(*curve.steps[2].variance == Approx(0.0625 * (1.0 / 12 + 1.0 / 6 + 1.0 / 2)));
    CHECK_FALSE(curve.steps[3].variance.has_value());
    CHECK(curve.censored == 0);
    CHECK(curve.median.value == 2.5);
    // Lower limits: 0.75 e^{-1.96 sqrt(1/12)} = 0.426 on day 1 (already below 0.5); upper
    // limits 1, 1, 0.25 e^{1.96 sqrt(3/4)} = 1.36 -> 1, then NA: never down to 0.5.
    CHECK(lower_limit(0.75, 1.0 / 12) < 0.5);
    CHECK(curve.median.lower == 1.0);
    CHECK_FALSE(curve.median.upper.has_value());
}

TEST_CASE("core: a curve at exactly 0.5 over a stretch takes its middle, as R's print does",
          "[core][outcomes][survival]") {
    SECTION("the stretch ends where the curve next drops, not at a censoring inside it") {
        // 0.75 on day 1, 0.5 on day 2, censored on day 3, 0 on day 5: median (2 + 5) / 2.
        const std::vector<SurvivalObservation> obs{{1, true}, {2, true}, {3, false}, {5, true}};
        const auto curve = core::kaplan_meier(obs);
        REQUIRE(curve.steps.size() == 4);
        CHECK(std::abs(curve.steps[2].survival - 0.5) < 1e-12);
        CHECK(curve.median.value == 3.5);
    }
    SECTION("a stretch that never ends gives its first day") {
        // 0.5 from day 2 to the last follow-up on day 4. print(fit) says 2; quantile(fit)
        // would say (2 + 4) / 2 = 3, the documented difference.
        const std::vector<SurvivalObservation> obs{{1, true}, {2, true}, {3, false}, {4, false}};
        const auto curve = core::kaplan_meier(obs);
        CHECK(curve.median.value == 2.0);
    }
    SECTION("rounding a hair away from 0.5 still counts as 0.5") {
        // 100 events on days 1..100: (99/100)(98/99)...(50/51) is 0.5 only up to rounding;
        // survfit(Surv(1:100) ~ 1) prints median 50.5.
        std::vector<SurvivalObservation> obs;
        for (int day = 1; day <= 100; ++day) {
            obs.push_back({day, true});
        }
        const auto curve = core::kaplan_meier(obs);
        CHECK(curve.median.value == 50.5);
    }
}
