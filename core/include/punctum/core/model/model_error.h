#pragma once

#include "punctum/core/result.h"

namespace punctum::core {

/// Why a record was refused before it reached the vault.
enum class ModelErrc {
    missing_field, ///< a required field is empty
    out_of_range,  ///< a score or measure lies outside its scale
    bad_date,      ///< a date that cannot be, or lies in the future where that makes no sense
    duplicate,     ///< something listed twice that may appear once
};

using ModelError = Error<ModelErrc>;

} // namespace punctum::core
