#pragma once
// What one session's recovery came to, in figures a reviewer compares across a clinic
// (issue 14): how many days redness and swelling took to settle, the worst flag raised and
// the flags by severity, how often the patient logged in the first week, and the outcome
// against the indication where a follow-up rated it. Storage keeps one per session, up to
// date as entries land; the cohort statistics aggregate them.

#include "punctum/core/date.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/symptom.h"
#include "punctum/core/outcomes/recovery_outcome.h"
#include "punctum/core/recovery/flag.h"

#include <optional>
#include <span>

namespace punctum::core {

/// The score at or below which a symptom counts as settled: 1, "almost clear" on the
/// Clinician's Erythema Assessment and "very slight" on the Draize-type swelling scale.
inline constexpr int resolved_at_or_below = 1;
/// The first week after treatment, days 1 to 7, in which adherence to logging is counted.
inline constexpr int first_week_days = 7;

/// When a symptom settled, or how long it was followed without settling.
struct Resolution {
    /// True: settled on `day`, the first day at or below 1 from which every later score of
    /// it stayed there. False: its last score was still above 1, so it is censored at `day`,
    /// the last day it was scored (followed up to then, not settled yet).
    bool resolved = false;
    int day = 0; ///< days after treatment
};

struct SessionOutcome {
    /// Absent when the symptom was never scored: no follow-up to count, resolved or not.
    std::optional<Resolution> erythema;
    std::optional<Resolution> edema;
    int entries = 0;
    /// The last day anything was logged, days after treatment; absent with no entries.
    std::optional<int> last_logged_day;
    /// Distinct days 1..7 with at least one entry.
    int first_week_days_logged = 0;
    int info_flags = 0;
    int watch_flags = 0;
    int urgent_flags = 0;
    /// The most severe flag ever raised (whatever its state now); absent with none.
    std::optional<Severity> worst;
    RecoveryOutcome outcome = RecoveryOutcome::no_check_ins;
    /// GAIS 1..5 at the last follow-up that rated it (by the practitioner, by the patient).
    std::optional<int> gais_practitioner;
    std::optional<int> gais_patient;
};

/// One session's outcome from its entries (any order) and the severities of every flag ever
/// raised for it (open, settled or dismissed alike: each says where the course went).
[[nodiscard]] SessionOutcome session_outcome(Date treated_on,
                                             std::span<const RecoveryEntry> entries,
                                             std::span<const Severity> flags_raised);

/// When `symptom` settled over these entries (see Resolution); absent when never scored.
[[nodiscard]] std::optional<Resolution> resolution_of(Symptom symptom, Date treated_on,
                                                      std::span<const RecoveryEntry> entries);

} // namespace punctum::core
