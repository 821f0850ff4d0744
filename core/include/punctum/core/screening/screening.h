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
    /// What is planned with the needling: "prp", "rf". Some conditions matter only with an
    /// add-on (gold threads, a cardiac device: with RF energy).
    std::vector<std::string> add_ons{};
    /// Recent items whose date the vault's own records supplied (the client's latest
    /// session in this vault), not the person screening. Reasons say where a date came from.
    std::vector<std::string> recent_from_vault{};
    /// The client's lasting medical history was gone through with them at this screening.
    bool history_confirmed = false;
};

/// Why the verdict is what it is, one item at a time.
struct ScreeningReason {
    std::string item;
    Outcome outcome = Outcome::proceed;
    std::optional<Date> until; ///< for a waiting period: the first day it has passed
    std::string message;
    std::string source;    ///< citation with its evidence grade
    std::string note;      ///< where sources disagree, which one the profile follows
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

enum class ScreeningErrc {
    unknown_item,
    bad_date,
    bad_value, ///< a planned depth outside 0.1-3.0 mm (what the JSON contract accepts)
};
using ScreeningError = Error<ScreeningErrc>;

/// The condition and recent-treatment names screening knows.
[[nodiscard]] const std::vector<std::string>& screening_conditions();
[[nodiscard]] const std::vector<std::string>& screening_recent_items();
/// The add-ons an input may plan ("prp", "rf").
[[nodiscard]] const std::vector<std::string>& screening_add_ons();
/// Rules a profile may give for a condition when an add-on is planned, named
/// "<condition>_with_<add-on>" (e.g. "gold_threads_with_rf"): with that add-on in the input
/// the variant applies in place of the condition's own rule.
[[nodiscard]] const std::vector<std::string>& screening_add_on_variants();

/// Screens against a profile. Unknown item names, unknown add-ons and recent dates after
/// the treatment date are errors, never silently ignored.
[[nodiscard]] Result<ScreeningResult, ScreeningError> screen(const ScreeningInput& input,
                                                             const NormsProfile& profile);

/// `date` plus a rule's waiting period (days, or calendar months clamped to the month's
/// last day: 31 Aug + 6 months is 28 Feb).
[[nodiscard]] Date add_period(Date date, int days, int months);

} // namespace punctum::core
