#pragma once
// The recovery scales, with the plain words a patient sees beside each score.
// Scales and labels follow shared/reference/norms.md ("Grading scales").

#include <optional>
#include <span>
#include <string_view>

namespace punctum::core {

/// Everything a recovery entry can record. Graded symptoms come first, then yes/no signs.
enum class Symptom {
    erythema,          ///< 0-4, Clinician's Erythema Assessment
    edema,             ///< 0-4, Draize-type
    pain,              ///< 0-10
    itching,           ///< 0-3
    bruising,          ///< 0-3
    scabbing,          ///< 0-3
    dryness,           ///< 0-3
    bleeding,          ///< 0-3: none, pinpoint, oozing, active
    warmth,            ///< yes/no
    pus,               ///< yes/no
    fever,             ///< yes/no
    blisters,          ///< yes/no
    hyperpigmentation, ///< yes/no
};

inline constexpr int symptom_count = 13;

/// How a symptom is scored.
struct SymptomScale {
    Symptom symptom;
    std::string_view key;  ///< stable machine name, used in the vault and in JSON
    std::string_view name; ///< plain English name
    int max;               ///< highest score; 1 for yes/no signs
    bool yes_no;
    std::string_view scale;                   ///< the published scale it follows, if any
    std::span<const std::string_view> labels; ///< label per score, index = score
};

[[nodiscard]] const SymptomScale& scale_of(Symptom symptom);
[[nodiscard]] std::span<const SymptomScale> all_scales();
[[nodiscard]] std::optional<Symptom> symptom_from_key(std::string_view key);

} // namespace punctum::core
