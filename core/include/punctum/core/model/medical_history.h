#pragma once
// A client's lasting medical history: what they are allergic or sensitive to, what they
// take, and the conditions that matter for treatment. Kept with the client and shown at
// each screening to be re-confirmed, instead of asked afresh every time.

#include "punctum/core/clock.h"
#include "punctum/core/model/model_error.h"

#include <cstddef>
#include <optional>
#include <string>

namespace punctum::core {

/// The history in the words of the client and practitioner; an empty field is "none
/// recorded", not "none".
struct MedicalHistory {
    std::string allergies;     ///< e.g. "lidocaine", "nickel"
    std::string sensitivities; ///< e.g. "fragrance; reacts to vitamin C serums"
    std::string medications;   ///< what the client takes, including supplements
    std::string conditions;    ///< relevant conditions, e.g. "type 2 diabetes, controlled"
    std::optional<TimePoint> updated_at; ///< when it was last changed; none if never

    /// True when nothing has been recorded in any field.
    [[nodiscard]] bool empty() const {
        return allergies.empty() && sensitivities.empty() && medications.empty() &&
               conditions.empty();
    }
    friend bool operator==(const MedicalHistory&, const MedicalHistory&) = default;
};

/// The longest a field may be: a history is a few lines, not a document.
inline constexpr std::size_t medical_history_max_chars = 4000;

/// Checks a history before it is stored: each field at most medical_history_max_chars
/// bytes, and free of control characters other than line breaks and tabs.
[[nodiscard]] Result<void, ModelError> validate(const MedicalHistory& history);

} // namespace punctum::core
