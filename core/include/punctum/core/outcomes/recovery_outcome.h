#pragma once
// How a treatment's recovery went against its expected course, judged by the flags the
// norms engine raised for it (whatever their state now: a dismissed flag still says where
// the course went). The reviewer's session list and outcome statistics build on it.

#include <optional>
#include <string_view>

namespace punctum::core {

enum class RecoveryOutcome {
    no_check_ins,  ///< nothing logged after the treatment yet
    within_course, ///< logged, and no watch or urgent flag was ever raised
    beyond_course, ///< a watch flag was raised (beyond the expected course), none urgent
    urgent,        ///< an urgent flag was raised
};

/// What the classification reads of one session.
struct OutcomeEvidence {
    int entries = 0;        ///< recovery entries logged
    int urgent_raised = 0;  ///< urgent flags ever raised, in any state
    int watch_raised = 0;   ///< watch flags ever raised, in any state
};

/// The worst flag raised decides; with none, whether anything was logged.
[[nodiscard]] RecoveryOutcome classify_outcome(const OutcomeEvidence& evidence);

/// "no_check_ins" | "within_course" | "beyond_course" | "urgent": the stored and exported name.
[[nodiscard]] std::string_view to_string(RecoveryOutcome outcome);
[[nodiscard]] std::optional<RecoveryOutcome> recovery_outcome_from_string(std::string_view name);

/// The care-card level an outcome is shown with: "urgent" | "watch" | "ok" | "none".
[[nodiscard]] std::string_view outcome_level(RecoveryOutcome outcome);

} // namespace punctum::core
