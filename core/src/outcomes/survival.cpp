#include "punctum/core/outcomes/survival.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace punctum::core {

namespace {

// qnorm(0.975) to double precision, R's zval for conf.int = 0.95.
constexpr double z95 = 1.959963984540054;

// R compares a curve with 0.5 as all.equal does: products such as (99/100)(98/99)...
// land a rounding error away from 0.5 and must still count as exactly 0.5.
const double half_tolerance = std::sqrt(std::numeric_limits<double>::epsilon());

// R's print.survfit rule (survmean's minmin) for where a curve y (the estimate or one of
// its limits, absent where R has NA) comes down to 0.5. The limits need not be monotone
// (the upper one can rise again), so this reads the days kept exactly as R keeps them.
template <typename Value>
std::optional<double> first_at_or_below_half(const std::vector<SurvivalStep>& steps, Value value) {
    std::optional<std::size_t> first;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::optional<double> y = value(steps[i]);
        if (!y || *y >= 0.5 + half_tolerance) {
            continue;
        }
        if (!first) {
            first = i;
            if (std::abs(*y - 0.5) >= half_tolerance) {
                break;
            }
            continue;
        }
        // The curve sat at 0.5 from *first: the median is the middle of that stretch.
        if (*y < *value(steps[*first])) {
            return (steps[*first].day + steps[i].day) / 2.0;
        }
    }
    if (!first) {
        return std::nullopt;
    }
    return static_cast<double>(steps[*first].day);
}

} // namespace

SurvivalCurve kaplan_meier(std::span<const SurvivalObservation> observations) {
    std::vector<SurvivalObservation> sorted(observations.begin(), observations.end());
    std::sort(
        sorted.begin(), sorted.end(),
        [](const SurvivalObservation& a, const SurvivalObservation& b) { return a.day < b.day; });

    SurvivalCurve curve;
    curve.observations = static_cast<int>(sorted.size());
    int at_risk = curve.observations;
    double survival = 1.0;
    // Greenwood's sum of d/(n(n-d)), the variance of log S; infinite once everyone left
    // at risk has the event, which is also where survival reaches 0.
    double log_variance = 0.0;

    for (std::size_t i = 0; i < sorted.size();) {
        SurvivalStep step;
        step.day = sorted[i].day;
        step.at_risk = at_risk;
        for (; i < sorted.size() && sorted[i].day == step.day; ++i) {
            if (sorted[i].event) {
                ++step.events;
            } else {
                ++step.censored;
            }
        }
        if (step.events > 0) {
            const int left = step.at_risk - step.events;
            survival *= static_cast<double>(left) / step.at_risk;
            log_variance = left == 0 ? std::numeric_limits<double>::infinity()
                                     : log_variance + static_cast<double>(step.events) /
                                                          (static_cast<double>(step.at_risk) *
                                                           static_cast<double>(left));
        }
        step.survival = survival;
        if (survival > 0.0) {
            const double spread = z95 * std::sqrt(log_variance);
            step.variance = survival * survival * log_variance;
            step.lower = survival * std::exp(-spread);
            step.upper = std::min(1.0, survival * std::exp(spread));
        }
        at_risk -= step.events + step.censored;
        curve.censored += step.censored;
        curve.steps.push_back(step);
    }

    curve.median.value = first_at_or_below_half(
        curve.steps, [](const SurvivalStep& s) -> std::optional<double> { return s.survival; });
    curve.median.lower =
        first_at_or_below_half(curve.steps, [](const SurvivalStep& s) { return s.lower; });
    curve.median.upper =
        first_at_or_below_half(curve.steps, [](const SurvivalStep& s) { return s.upper; });
    return curve;
}

} // namespace punctum::core
