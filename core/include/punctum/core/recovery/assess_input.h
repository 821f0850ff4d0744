#pragma once
// The JSON of `punctum-cli assess`: reading its input strictly (every bad field named) and
// writing the expected course and flags.

#include "punctum/core/date.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"
#include "punctum/core/recovery/flag.h"
#include "punctum/core/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::core {

/// The highest day an entry may have (a year after treatment).
inline constexpr int max_entry_day = 365;

/// {"session": {"date"?, "depth_mm", "areas"?, "add_ons"?, "fitzpatrick"?},
///  "entries": [{"day": N | "date": "YYYY-MM-DD", SCORES...}]}
struct AssessInput {
    std::optional<Date> session_date;
    std::vector<std::string> areas;
    SessionFacts facts;
    std::vector<DayEntry> entries; ///< in input order
};

enum class AssessInputErrc { malformed, unknown_field, missing_field, bad_value };
using AssessInputError = Error<AssessInputErrc>;

/// Parses the input. Add-ons must be ones `profile` defines. Errors name the field, e.g.
/// "entries[2].erythema must be a whole number from 0 to 4."
[[nodiscard]] Result<AssessInput, AssessInputError> parse_assess_input(std::string_view json,
                                                                       const NormsProfile& profile);

/// {"norms": {"id", "version"}, "expected": {SYMPTOM: {"resolve_by_day", "envelope",
///  "source"}}, "flags": [{"rule", "severity", "symptom", "day", "message", "source"}]}
[[nodiscard]] std::string assessment_json(const ExpectedCourse& expected,
                                          const std::vector<Flag>& flags,
                                          const NormsProfile& profile);

} // namespace punctum::core
