#include "punctum/core/screening/screening.h"

#include <algorithm>

namespace punctum::core {

const std::vector<std::string>& screening_conditions() {
    // Append only: the names are the `screen` contract and stored screenings carry them.
    static const std::vector<std::string> names{"active_acne",
                                                "eczema",
                                                "psoriasis",
                                                "rosacea",
                                                "sunburn",
                                                "active_infection",
                                                "open_wound",
                                                "skin_cancer_in_area",
                                                "metal_allergy",
                                                "anaesthetic_allergy",
                                                "keloid_history",
                                                "pregnancy",
                                                "breastfeeding",
                                                "bleeding_disorder",
                                                "anticoagulants",
                                                "nsaids",
                                                "cold_sore_history",
                                                "diabetes_uncontrolled",
                                                "immunosuppression",
                                                "autoimmune_disease",
                                                "collagen_vascular_disease",
                                                "cold_sore_active",
                                                "lesions_in_area",
                                                "gold_threads",
                                                "cardiac_device",
                                                "photosensitising_medication"};
    return names;
}

const std::vector<std::string>& screening_recent_items() {
    static const std::vector<std::string> names{
        "botulinum_toxin",  "dermal_filler",     "isotretinoin",   "radiation_therapy",
        "chemical_peel",    "laser_resurfacing", "facial_surgery", "microneedling",
        "topical_retinoid", "superficial_peel",  "ipl_or_laser"};
    return names;
}

const std::vector<std::string>& screening_add_ons() {
    static const std::vector<std::string> names{"prp", "rf"};
    return names;
}

const std::vector<std::string>& screening_add_on_variants() {
    static const std::vector<std::string> names{"gold_threads_with_rf", "cardiac_device_with_rf"};
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
    ScreeningReason reason{
        rule.item, rule.outcome, std::nullopt, rule.message, profile.cite(rule.source), rule.note};
    reason.absolute = rule.absolute;
    return reason;
}

// The rule for a condition: its add-on variant when that add-on is planned and the profile
// gives one, else its own.
const ScreeningRule* condition_rule(const std::string& condition, const ScreeningInput& input,
                                    const NormsProfile& profile) {
    for (const auto& add_on : input.add_ons) {
        if (const auto* variant = profile.screening_rule(condition + "_with_" + add_on)) {
            return variant;
        }
    }
    return profile.screening_rule(condition);
}

// Where the date a waiting period counts from came from: a reason says which date was used
// and who said so.
std::string origin(const std::string& item, const ScreeningInput& input) {
    return contains(input.recent_from_vault, item)
               ? "the client's latest session in this vault's records"
               : "as given at screening";
}

// An item asked about that the profile in force has no rule for (a profile written before
// the item existed, or a clinic's that left it out): said, never silently passed over.
ScreeningReason no_rule(const std::string& item, const NormsProfile& profile) {
    ScreeningReason reason;
    reason.item = item;
    reason.outcome = Outcome::caution;
    reason.message = "The norms profile in force has no rule for " + item +
                     ": weigh it case by case, or adopt a profile that has one.";
    reason.source = "Norms profile " + profile.id + " " + profile.version;
    return reason;
}

} // namespace

Result<ScreeningResult, ScreeningError> screen(const ScreeningInput& input,
                                               const NormsProfile& profile) {
    if (!input.date.ok()) {
        return fail(ScreeningErrc::bad_date, "date is not a valid calendar date.");
    }
    // The range the JSON contract reads back: a stored screening must always re-read.
    if (input.depth_mm && !(*input.depth_mm >= 0.1 && *input.depth_mm <= 3.0)) {
        return fail(ScreeningErrc::bad_value,
                    "depth_mm must be between 0.1 and 3.0 mm; check the planned depth.");
    }
    ScreeningResult result;
    result.profile_id = profile.id;
    result.profile_version = profile.version;

    for (const auto& add_on : input.add_ons) {
        if (!contains(screening_add_ons(), add_on)) {
            return fail(ScreeningErrc::unknown_item,
                        "add_ons: '" + add_on + "' is not an add-on Punctum screens for; use " +
                            "prp or rf.");
        }
    }
    for (const auto& item : input.recent_from_vault) {
        if (input.recent.count(item) == 0) {
            return fail(ScreeningErrc::unknown_item,
                        "recent_from_vault: '" + item + "' has no date in recent.");
        }
    }
    for (const auto& condition : input.conditions) {
        if (!contains(screening_conditions(), condition)) {
            return fail(ScreeningErrc::unknown_item,
                        "conditions: '" + condition + "' is not a condition Punctum screens for.");
        }
        if (const auto* rule = condition_rule(condition, input, profile)) {
            auto reason = reason_from(*rule, profile);
            if (rule->days > 0 || rule->months > 0) {
                // A timed condition (sunburn): wait the period from today.
                reason.until = add_period(input.date, rule->days, rule->months);
            }
            result.reasons.push_back(std::move(reason));
        } else {
            result.reasons.push_back(no_rule(condition, profile));
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
            result.reasons.push_back(no_rule(item, profile));
            continue;
        }
        auto reason = reason_from(*rule, profile);
        const Date until = add_period(when, rule->days, rule->months);
        if (days_between(input.date, until) > 0) {
            reason.until = until;
        } else {
            std::string name = item;
            std::replace(name.begin(), name.end(), '_', ' ');
            reason.outcome = Outcome::proceed;
            reason.absolute = false;
            reason.message = "The waiting period after " + name + " on " + format_date(when) +
                             " (" + origin(item, input) + ") has passed (" + format_date(until) +
                             ").";
        }
        if (reason.outcome != Outcome::proceed) {
            reason.message +=
                " Counted from " + format_date(when) + ", " + origin(item, input) + ".";
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
