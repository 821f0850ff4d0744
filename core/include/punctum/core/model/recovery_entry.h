#pragma once

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/model_error.h"
#include "punctum/core/model/symptom.h"

#include <array>
#include <optional>
#include <string>

namespace punctum::core {

/// Who reported an entry: the patient at home, or a clinician at a follow-up.
enum class Reporter { patient, clinician };

/// The Global Aesthetic Improvement Scale: 1 very much improved, 2 much improved,
/// 3 improved, 4 no change, 5 worse (rated by the practitioner and by the patient).
inline constexpr int gais_min = 1;
inline constexpr int gais_max = 5;
/// "very much improved", ... "worse" for 1..5; empty outside.
[[nodiscard]] std::string_view gais_words(int grade);

/// One day's recovery record for a session. A score not reported is unknown (nullopt),
/// never 0: "no redness" and "did not say" are different facts.
struct RecoveryEntry {
    EntryId id;
    SessionId session_id;
    Date observed_on{};
    Reporter reporter = Reporter::patient;
    std::array<std::optional<int>, symptom_count> scores{};
    std::string note;
    /// The outcome against the session's indication (GAIS 1..5): not a symptom, so kept
    /// apart from the scores; an entry with only these is a follow-up, not a check-in.
    std::optional<int> gais_practitioner{}; ///< a clinician's rating; clinician entries only
    std::optional<int> gais_patient{};      ///< the patient's own rating
    AccountId recorded_by;
    TimePoint created_at{};

    [[nodiscard]] std::optional<int> score(Symptom s) const {
        return scores.at(static_cast<std::size_t>(s));
    }
    void set(Symptom s, std::optional<int> value) {
        scores.at(static_cast<std::size_t>(s)) = value;
    }
    /// True when nothing at all was reported.
    [[nodiscard]] bool empty() const;
};

/// Checks every score against its scale, GAIS ratings 1..5 (the practitioner's only on a
/// clinician's entry), that something was reported and that the day is not before the
/// treatment.
[[nodiscard]] Result<void, ModelError> validate(const RecoveryEntry& entry, Date treated_on);

[[nodiscard]] std::string_view to_string(Reporter reporter);

} // namespace punctum::core
