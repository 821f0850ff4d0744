#pragma once
// The one-time code a clinic shows a patient with their care plan: 10 characters of
// Crockford base32 (50 bits) written "ABCDE-FGHJK". Typed back, it is forgiving as Crockford
// intends: any case, spaces and dashes ignored, O read as 0, I and L as 1.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::core::exchange {

inline constexpr std::size_t pairing_code_random_bytes = 7; ///< 56 bits drawn, 50 used

/// The code for 7 random bytes.
[[nodiscard]] std::string
format_pairing_code(const std::array<std::uint8_t, pairing_code_random_bytes>& random);
/// The canonical 10 characters (no dash) of a typed code; nullopt when it is not one.
[[nodiscard]] std::optional<std::string> normalize_pairing_code(std::string_view typed);

} // namespace punctum::core::exchange
