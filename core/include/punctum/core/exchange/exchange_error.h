#pragma once
// What can be wrong with an exchange file before any key is tried: its framing or contents.

#include "punctum/core/result.h"

namespace punctum::core::exchange {

enum class ExchangeErrc {
    not_exchange, ///< not a Punctum exchange file at all
    unsupported,  ///< a format version or kind this build does not read
    too_large,    ///< over the limit the format states for its kind
    malformed,    ///< framing or contents that do not follow the format
};

using ExchangeError = Error<ExchangeErrc>;
template <typename T> using ExchangeResult = Result<T, ExchangeError>;

} // namespace punctum::core::exchange
