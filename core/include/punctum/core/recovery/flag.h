#pragma once
// A flag: a recovery entry that departs from the documented norms, naming the rule that
// raised it, its severity, the symptom and day, plain words and the source of the norm.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::core {

/// In order of severity: info < watch < urgent.
enum class Severity { info, watch, urgent };
[[nodiscard]] std::string_view to_string(Severity severity);
[[nodiscard]] std::optional<Severity> severity_from_string(std::string_view text);

/// The stable rule ids flags carry (scripts and stored flags rely on them).
namespace rules {
inline constexpr std::string_view lasting = "lasting";
inline constexpr std::string_view worsening = "worsening";
inline constexpr std::string_view bruising_lasting = "bruising_lasting";
inline constexpr std::string_view scabbing_lasting = "scabbing_lasting";
inline constexpr std::string_view dryness_lasting = "dryness_lasting";
inline constexpr std::string_view bleeding_after_treatment = "bleeding_after_treatment";
inline constexpr std::string_view bleeding_active = "bleeding_active";
inline constexpr std::string_view infection_signs = "infection_signs";
inline constexpr std::string_view blisters = "blisters";
inline constexpr std::string_view hyperpigmentation = "hyperpigmentation";
inline constexpr std::string_view logging_gap = "logging_gap";
// Severity and first sight (issue 11).
/// Swelling beyond the treated area, or severe redness with marked itching (watch).
inline constexpr std::string_view allergic_reaction = "allergic_reaction";
/// Pain still at the profile's pain_lasting_score or more after pain should have settled.
inline constexpr std::string_view pain_lasting = "pain_lasting";
/// The first sighting of bruising, scabbing or bleeding that is not the usual course of the
/// procedure: an `info` note on what is usual for this treatment and when to worry.
inline constexpr std::string_view first_appearance = "first_appearance";
} // namespace rules

struct Flag {
    std::string rule_id;
    Severity severity = Severity::info;
    std::string
        symptom; ///< an entry field ("erythema".."hyperpigmentation"), "infection" or "logging"
    int day = 0; ///< days after treatment (0 = the treatment day)
    std::string message;
    std::string source_key; ///< the profile's source key
    std::string source;     ///< profile.cite(source_key)
    std::string profile_id; ///< the profile in force when it was raised
    std::string profile_version;

    friend bool operator==(const Flag&, const Flag&) = default;
};

} // namespace punctum::core
