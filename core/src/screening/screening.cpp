#include "punctum/core/screening/screening.h"

#include <algorithm>

namespace punctum::core {

const std::vector<std::string>& screening_conditions() {
    static const std::vector<std::string> names{"active_acne",      "eczema",
                                                "psoriasis",        "rosacea",
                                                "sunburn",          "active_infection",
                                                "open_wound",       "skin_cancer_in_area",
                                                "metal_allergy",    "anaesthetic_allergy",
                                                "keloid_history",   "pregnancy",
                                                "breastfeeding",    "bleeding_disorder",
                                                "anticoagulants",   "nsaids",
                                                "cold_sore_history"};
    return names;
}

const std::vector<std::string>& screening_recent_items() {
    static const std::vector<std::string> names{
        "botulinum_toxin", "dermal_filler",     "isotretinoin",  "radiation_therapy",
        "chemical_peel",   "laser_resurfacing", "facial_surgery"};
    return names;
}

Date add_period(Date date, int days, int months) {
    if (months > 0) {
        const auto ym =
            std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
        const auto last =
            std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}
                .day();
        return Date{ym.year(), ym.month(), std::min(date.day(), last)};
    }
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

ScreeningReason reason_from(const ScreeningRule& rule, const NormsProfile& profile) {
    return {rule.item, rule.outcome, std::nullopt, rule.message, profile.cite(rule.source),
            rule.note};
}

} // namespace

Result<ScreeningResult, ScreeningError> screen(const ScreeningInput& input,
                                               const NormsProfile& profile) {
    if (!input.date.ok()) {
        return fail(ScreeningErrc::bad_date, "date is not a valid calendar date.");
    }
    ScreeningResult result;
    result.profile_id = profile.id;
    result.profile_version = profile.version;

    for (const auto& condition : input.conditions) {
        if (!contains(screening_conditions(), condition)) {
            return fail(ScreeningErrc::unknown_item,
                        "conditions: '" + condition + "' is not a condition Punctum screens for.");
        }
        if (const auto* rule = profile.screening_rule(condition)) {
            auto reason = reason_from(*rule, profile);
            if (rule->days > 0 || rule->months > 0) {
                // A timed condition (sunburn): wait the period from today.
                reason.until = add_period(input.date, rule->days, rule->months);
            }
            result.reasons.push_back(std::move(reason));
        }
    }
    for (const auto& [item, when] : input.recent) {
        if (!contains(screening_recent_items(), item)) {
            return fail(ScreeningErrc::unknown_item,
                        "recent: '" + item + "' is not a treatment Punctum screens for.");
        }
        if (!when.ok() || days_between(when, input.date) < 0) {
            return fail(ScreeningErrc::bad_date,
                        "recent." + item + " is after the treatment date; check the dates.");
        }
        const auto* rule = profile.screening_rule(item);
        if (rule == nullptr) {
            continue;
        }
        auto reason = reason_from(*rule, profile);
        const Date until = add_period(when, rule->days, rule->months);
        if (days_between(input.date, until) > 0) {
            reason.until = until;
        } else {
            reason.outcome = Outcome::proceed;
            reason.message = "The waiting period after " + item + " on " + format_date(when) +
                             " has passed (" + format_date(until) + ").";
        }
        result.reasons.push_back(std::move(reason));
    }
    if (input.depth_mm && *input.depth_mm > 1.5) {
        if (const auto* rule = profile.screening_rule("depth_over_1_5_mm")) {
            result.reasons.push_back(reason_from(*rule, profile));
        }
    }

    for (const auto& r : result.reasons) {
        result.verdict = std::max(result.verdict, r.outcome);
    }
    if (result.verdict == Outcome::defer) {
        // The earliest date exists only if every deferral is a waiting period.
        const bool all_timed =
            std::all_of(result.reasons.begin(), result.reasons.end(), [](const auto& r) {
                return r.outcome != Outcome::defer || r.until.has_value();
            });
        if (all_timed) {
            for (const auto& r : result.reasons) {
                if (r.outcome == Outcome::defer &&
                    (!result.earliest_date || days_between(*result.earliest_date, *r.until) > 0)) {
                    result.earliest_date = r.until;
                }
            }
        }
    }
    return result;
}

} // namespace punctum::core
