#pragma once
// How sure a cohort's share is (say 3 of 40 sessions went beyond their course): the Wilson
// score interval, which stays inside [0, 1] and keeps its coverage for the small counts and
// the shares near 0 or 1 that a clinic's cohorts have, where the textbook p +- z*se fails
// (it gives [0, 0] for 0 of 10). R: prop.test(k, n, correct = FALSE)$conf.int.

#include <optional>

namespace punctum::core {

/// A share of a cohort with its 95% interval.
struct ProportionInterval {
    double estimate = 0; ///< k / n
    double lower = 0;
    double upper = 0;
};

/// The Wilson score 95% interval for `successes` of `trials`. No interval when there are
/// no trials (nothing was observed, so no share can be stated, not even 0), nor for counts
/// that cannot be (negative, or more successes than trials).
[[nodiscard]] std::optional<ProportionInterval> wilson_interval(int successes, int trials);

} // namespace punctum::core
