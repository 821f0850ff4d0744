#pragma once
// Shared by the care plan and report readers: strict fields and the one way their errors
// become ExchangeErrors. Internal to core.

#include "punctum/core/date.h"
#include "punctum/core/exchange/exchange_error.h"
#include "strict_json.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace punctum::core::exchange::detail {

[[noreturn]] void bad(const std::string& message);
/// A required field of `bytes` lower-case hex digits.
[[nodiscard]] std::string hex_field(StrictObject& o, const std::string& key, std::size_t bytes);
[[nodiscard]] Date date_field(StrictObject& o, const std::string& key);
[[nodiscard]] TimePoint timestamp_field(StrictObject& o, const std::string& key);
/// A text field of at most `max` bytes.
[[nodiscard]] std::string text_field(StrictObject& o, const std::string& key, std::size_t max);

/// Parses `text` and runs `read` on it, turning every JSON or field error into a malformed
/// ExchangeError that names what was wrong, prefixed by `what` ("This care plan").
template <typename T, typename Read>
ExchangeResult<T> read_json(std::string_view text, std::string_view what, Read&& read) {
    try {
        const auto root = nlohmann::json::parse(text);
        return read(root);
    } catch (const StrictJsonError& e) {
        return fail(ExchangeErrc::malformed,
                    std::string(what) + " is not in the expected form: " + e.what());
    } catch (const nlohmann::json::exception& e) {
        return fail(ExchangeErrc::malformed, std::string(what) + " is not valid JSON: " + e.what());
    }
}

} // namespace punctum::core::exchange::detail
