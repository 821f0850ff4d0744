#pragma once
// The screening contract's JSON (issue #4): input parsed strictly, result written out.

#include "punctum/core/screening/screening.h"

#include <string>
#include <string_view>

namespace punctum::core {

/// `{"date", "depth_mm", "conditions": [...], "recent": {...}, "add_ons": ["prp"|"rf"],
/// "history_confirmed": bool, "recent_from_vault": [...]}` (the last written by a vault
/// when its own records supplied a date). Unknown fields, bad dates, unknown add-ons and
/// wrong types are errors naming the field.
[[nodiscard]] Result<ScreeningInput, ScreeningError> parse_screening_input(std::string_view json);
/// The input in the same shape parse_screening_input reads, so a stored screening can be
/// read back and re-run.
[[nodiscard]] std::string screening_input_json(const ScreeningInput& input);
/// `{"verdict", "earliest_date", "norms", "reasons": [{"item", "outcome", "until", "message",
/// "source", "note", "absolute"}]}`
[[nodiscard]] std::string screening_result_json(const ScreeningResult& result);
/// Reads back what screening_result_json wrote (a stored screening), strictly.
[[nodiscard]] Result<ScreeningResult, ScreeningError> parse_screening_result(std::string_view json);

} // namespace punctum::core
