#include "punctum/core/outcomes/proportion.h"

#include <algorithm>
#include <cmath>

namespace punctum::core {

namespace {
// qnorm(0.975) to double precision.
constexpr double z95 = 1.959963984540054;
} // namespace

std::optional<ProportionInterval> wilson_interval(int successes, int trials) {
    if (trials <= 0 || successes < 0 || successes > trials) {
        return std::nullopt;
    }
    const double n = trials;
    const double k = successes;
    const double z2 = z95 * z95;
    const double centre = (k + z2 / 2) / (n + z2);
    const double half_width = z95 / (n + z2) * std::sqrt(k * (n - k) / n + z2 / 4);
    ProportionInterval interval;
    interval.estimate = k / n;
    // At 0 of n (n of n) the bound is 0 (1) exactly; rounding would put it a hair outside.
    interval.lower = successes == 0 ? 0.0 : std::max(0.0, centre - half_width);
    interval.upper = successes == trials ? 1.0 : std::min(1.0, centre + half_width);
    return interval;
}

} // namespace punctum::core
