#pragma once
// Screening: can this client be treated on this day? A verdict from the client's
// conditions and the dates of recent treatments and medicines, one reason per item, each
// with its source, and the earliest date to treat when deferred.

#include "punctum/core/date.h"
#include "punctum/core/norms/norms_profile.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace punctum::core {

/// What screening needs to know.
struct ScreeningInput {
    Date date{};                         ///< the day of the planned treatment
    std::optional<double> depth_mm;      ///< the deepest planned setting, if known
    std::vector<std::string> conditions; ///< e.g. "sunburn", "cold_sore_history"
    std::map<std::string, Date> recent;  ///< e.g. "botulinum_toxin" -> its date
};

/// Why the verdict is what it is, one item at a time.
struct ScreeningReason {
    std::string item;
    Outcome outcome = Outcome::proceed;
    std::optional<Date> until; ///< for a waiting period: the first day it has passed
    std::string message;
    std::string source; ///< citation with its evidence grade
    std::string note;   ///< where sources disagree, which one the profile follows
    bool absolute = false; ///< the rule's absolute contraindication (no override clears it)
};

/// The verdict: the most severe outcome of any reason (proceed when there is none).
struct ScreeningResult {
    Outcome verdict = Outcome::proceed;
    std::optional<Date> earliest_date; ///< when deferred by waiting periods only
    std::vector<ScreeningReason> reasons;
    std::string profile_id;
    std::string profile_version;
};

enum class ScreeningErrc { unknown_item, bad_date };
using ScreeningError = Error<ScreeningErrc>;

/// The condition and recent-treatment names screening knows.
[[nodiscard]] const std::vector<std::string>& screening_conditions();
[[nodiscard]] const std::vector<std::string>& screening_recent_items();

/// Screens against a profile. Unknown item names and recent dates after the treatment
/// date are errors, never silently ignored.
[[nodiscard]] Result<ScreeningResult, ScreeningError> screen(const ScreeningInput& input,
                                                             const NormsProfile& profile);

/// `date` plus a rule's waiting period (days, or calendar months clamped to the month's
/// last day: 31 Aug + 6 months is 28 Feb).
[[nodiscard]] Date add_period(Date date, int days, int months);

} // namespace punctum::core
