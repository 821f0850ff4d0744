#pragma once
// The screening contract's JSON (issue #4): input parsed strictly, result written out.

#include "punctum/core/screening/screening.h"

#include <string>
#include <string_view>

namespace punctum::core {

/// `{"date", "depth_mm", "conditions": [...], "recent": {...}}`. Unknown fields, bad dates
/// and wrong types are errors naming the field.
[[nodiscard]] Result<ScreeningInput, ScreeningError> parse_screening_input(std::string_view json);
/// `{"verdict", "earliest_date", "reasons": [{"item", "outcome", "until", "message", "source"}]}`
[[nodiscard]] std::string screening_result_json(const ScreeningResult& result);

} // namespace punctum::core
