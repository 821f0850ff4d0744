#pragma once
// The JSON of `punctum-cli checkin`: one day of a patient's recovery, in the fields of an
// `assess` entry (the symptom scores by key), with its date and the patient's own words.

#include "punctum/core/date.h"
#include "punctum/core/recovery/assess_input.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::core {

/// {"date"?: "YYYY-MM-DD" | "day"?: N, "session"?: ID, SCORES..., "gais_patient"?: 1-5,
///  "note"?: "..."}. Neither date nor day: today.
struct CheckInInput {
    std::optional<Date> date;
    std::optional<int> day; ///< days after treatment, instead of a date
    std::optional<std::int64_t> session;
    std::array<std::optional<int>, symptom_count> scores{};
    std::optional<int> gais_patient;
    std::string note;
};

/// Parses a check-in strictly; errors name the field ("erythema must be a whole number from 0
/// to 4.").
[[nodiscard]] Result<CheckInInput, AssessInputError> parse_check_in(std::string_view json);

} // namespace punctum::core
