#pragma once
// How hard a passphrase would be to guess, estimated while it is typed: a level the create
// and change-passphrase forms show, and one sentence on how to do better. An estimate, not
// a guarantee: it catches the usual mistakes (too short, a common password, runs such as
// "abc", "111" or "qwerty") that a guesser tries first.

#include <string>
#include <string_view>

namespace punctum::core {

/// Levels from 0 to 4, as the meter shows them.
enum class PassphraseLevel { very_weak = 0, weak = 1, fair = 2, good = 3, strong = 4 };

/// The estimate for one passphrase.
struct PassphraseStrength {
    PassphraseLevel level = PassphraseLevel::very_weak;
    double bits = 0.0;  ///< rough guessing entropy after discounting runs and common words
    std::string advice; ///< one sentence: what is wrong, or that it is fine
};

/// The weakest level a vault passphrase may have: below it, creating a vault, adding an
/// account or changing a passphrase is refused.
inline constexpr PassphraseLevel minimum_passphrase_level = PassphraseLevel::good;
/// Shorter than this is never better than fair, however varied.
inline constexpr std::size_t recommended_passphrase_length = 12;

/// Estimates `passphrase` (UTF-8). Pure: no allocation of secrets beyond a lower-cased copy,
/// which is wiped before it is freed.
[[nodiscard]] PassphraseStrength assess_passphrase(std::string_view passphrase);

/// True when `strength` is at least the minimum a vault accepts.
[[nodiscard]] inline bool acceptable(const PassphraseStrength& strength) {
    return strength.level >= minimum_passphrase_level;
}

/// "Very weak", "Weak", "Fair", "Good", "Strong".
[[nodiscard]] std::string_view to_string(PassphraseLevel level);

} // namespace punctum::core
