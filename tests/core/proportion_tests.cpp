// core/outcomes: the Wilson score interval. Each case is checked twice: against its figures
// to 4 decimals (0 of 10 and 5 of 10 as commonly quoted, the others worked out from the
// closed form beforehand), and against the interval computed here another way, as the two
// roots p of (k/n - p)^2 = z^2 p (1 - p) / n, which is what the interval is.

#include "punctum/core/outcomes/proportion.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace core = punctum::core;

namespace {

// The roots of (1 + z^2/n) p^2 - (2 phat + z^2/n) p + phat^2 = 0, smaller first.
std::pair<double, double> score_roots(int k, int n) {
    const double z = 1.959963984540054;
    const double phat = static_cast<double>(k) / n;
    const double a = 1 + z * z / n;
    const double b = -(2 * phat + z * z / n);
    const double c = phat * phat;
    const double root = std::sqrt(b * b - 4 * a * c);
    return {(-b - root) / (2 * a), (-b + root) / (2 * a)};
}

} // namespace

TEST_CASE("core: Wilson intervals match the published figures", "[core][outcomes][proportion]") {
    struct Case {
        int k;
        int n;
        double lower;
        double upper;
    };
    for (const Case c :
         {Case{0, 10, 0.0, 0.2775}, Case{5, 10, 0.2366, 0.7634}, Case{1, 20, 0.0089, 0.2361},
          Case{10, 10, 0.7225, 1.0}, Case{19, 20, 0.7639, 0.9911}}) {
        INFO(c.k << " of " << c.n);
        const auto interval = core::wilson_interval(c.k, c.n);
        REQUIRE(interval.has_value());
        CHECK(interval->estimate == Approx(static_cast<double>(c.k) / c.n));
        CHECK(interval->lower == Approx(c.lower).margin(0.5e-4));
        CHECK(interval->upper == Approx(c.upper).margin(0.5e-4));
        const auto [low, high] = score_roots(c.k, c.n);
        CHECK(interval->lower == Approx(low).margin(1e-12));
        CHECK(interval->upper == Approx(high).margin(1e-12));
    }
}

TEST_CASE("core: a Wilson interval stays inside [0, 1] at the ends",
          "[core][outcomes][proportion]") {
    for (int n : {1, 2, 7, 40, 1000}) {
        INFO(n);
        const auto none = core::wilson_interval(0, n);
        const auto all = core::wilson_interval(n, n);
        REQUIRE(none.has_value());
        REQUIRE(all.has_value());
        CHECK(none->lower == 0.0);
        CHECK(none->upper > 0.0);
        CHECK(all->upper == 1.0);
        CHECK(all->lower < 1.0);
        for (int k = 0; k <= std::min(n, 40); ++k) {
            const auto i = core::wilson_interval(k, n);
            REQUIRE(i.has_value());
            CHECK(0.0 <= i->lower);
            CHECK(i->lower <= i->estimate);
            CHECK(i->estimate <= i->upper);
            CHECK(i->upper <= 1.0);
        }
    }
}

TEST_CASE("core: no Wilson interval without trials or for impossible counts",
          "[core][outcomes][proportion]") {
    CHECK_FALSE(core::wilson_interval(0, 0).has_value());
    CHECK_FALSE(core::wilson_interval(1, 0).has_value());
    CHECK_FALSE(core::wilson_interval(-1, 10).has_value());
    CHECK_FALSE(core::wilson_interval(11, 10).has_value());
    CHECK_FALSE(core::wilson_interval(0, -3).has_value());
}
