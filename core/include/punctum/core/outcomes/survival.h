#pragma once
// How long until something happens in a cohort (a recovery back within its course, a flag
// raised), when some follow-ups end before it did: the Kaplan-Meier estimator with the
// figures R's survival package prints for it, so that a reviewer can check ours against R.
// survfit(Surv(day, event) ~ 1) with its defaults: Greenwood variance, conf.type = "log",
// 95% limits; the median and its interval as print(fit) and summary(fit)$table give them.

#include <optional>
#include <span>
#include <vector>

namespace punctum::core {

/// One follow-up: the day it ended (days since treatment, >= 0), and whether it ended with
/// the event (false: censored, i.e. followed up to that day and the event not yet seen).
struct SurvivalObservation {
    int day = 0;
    bool event = false;
};

/// One distinct day of the curve, with the survival just after that day (R's "time t+0").
/// At a day with both, the events come first: those censored that day were still at risk.
struct SurvivalStep {
    int day = 0;
    int at_risk = 0;     ///< followed up to at least this day
    int events = 0;      ///< events on this day
    int censored = 0;    ///< follow-ups that ended without the event on this day
    double survival = 1; ///< Kaplan-Meier estimate of surviving past this day
    /// Greenwood's variance of `survival`: survival^2 * sum over event days of d/(n(n-d)).
    /// The 95% limits are survival * exp(+-1.959964 * sqrt(sum)), the upper one capped at 1.
    /// All three are absent once survival is 0, where log S is undefined (R's NA / NaN).
    std::optional<double> variance;
    std::optional<double> lower;
    std::optional<double> upper;
};

/// The median survival day and its 95% interval (Brookmeyer-Crowley, read off the
/// pointwise limits). Absent where the curve never comes down to 0.5 (R's NA); a half day
/// where the curve sits at exactly 0.5 over a stretch (see kaplan_meier).
struct SurvivalMedian {
    std::optional<double> value;
    std::optional<double> lower; ///< where the lower pointwise limit comes down to 0.5
    std::optional<double> upper; ///< where the upper pointwise limit comes down to 0.5
};

/// A cohort's survival curve, what it was built from, and its median.
struct SurvivalCurve {
    std::vector<SurvivalStep> steps; ///< one per distinct day, in day order
    int observations = 0;
    int censored = 0;
    SurvivalMedian median;
};

/// Kaplan-Meier over observations in any order; none gives an empty curve and no median.
/// The median of a curve (of the estimate, or of either limit) is the first day it is at
/// or below 0.5. If it is exactly 0.5 there (within sqrt(machine epsilon), as R compares),
/// the median is the midpoint between that day and the day it next drops, as R's
/// print.survfit does; if it never drops again, that first day. (R's quantile() takes the
/// midpoint with the last day followed up in that case; print and summary do not.)
[[nodiscard]] SurvivalCurve kaplan_meier(std::span<const SurvivalObservation> observations);

} // namespace punctum::core
