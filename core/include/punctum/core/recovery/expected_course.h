#pragma once
// The expected recovery after a session: for each symptom with a documented course, the day
// it should have settled by and an upper envelope to draw. Every figure comes from the norms
// profile (core/norms/default.json); nothing clinical is written in code.

#include "punctum/core/model/symptom.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/core/norms/norms_profile.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace punctum::core {

/// What the assessment needs to know about a session.
struct SessionFacts {
    double max_depth_mm = 0.0;      ///< the deepest needle setting used
    std::set<std::string> add_ons;  ///< keys of profile.recovery.add_ons: "prp", "rf"
    std::optional<int> fitzpatrick; ///< 1..6; unknown when not assessed
};

/// The facts of a stored session, for a client of Fitzpatrick type `fitzpatrick`.
[[nodiscard]] SessionFacts session_facts(const TreatmentSession& session,
                                         std::optional<int> fitzpatrick);

/// The days the envelope covers: 0 (the treatment day) to 14.
inline constexpr int envelope_days = 15;

/// The usual course of one symptom.
struct ExpectedSymptom {
    Symptom symptom = Symptom::erythema;
    /// A score above 0 after this day departs from the usual course (the `lasting` rules).
    int resolve_by_day = 0;
    /// Highest expected score per day, days 0..14: the scale maximum up to the profile's
    /// peak day, then a straight decline reaching 0 on resolve_by_day. A drawing aid only:
    /// the rules use resolve_by_day and peak_day, never the envelope's intermediate values.
    std::vector<int> envelope;
    /// The profile's source keys this course rests on; the first set resolve_by_day.
    std::vector<std::string> source_keys;
};

/// The expected course of a session's recovery.
struct ExpectedCourse {
    int peak_day = 0;                      ///< after this day a rising score is `worsening`
    std::string peak_source;               ///< its source key
    std::vector<ExpectedSymptom> symptoms; ///< erythema, edema, pain, bruising, scabbing, dryness

    [[nodiscard]] const ExpectedSymptom* find(Symptom symptom) const;
};

/// The course for a session under a profile. Redness and swelling: the first depth band
/// covering the depth (the deepest band for anything deeper), or any add-on's figure when
/// longer, never beyond the profile's ceiling. Add-ons the profile does not know are
/// ignored here; parse_assess_input refuses them at the boundary.
[[nodiscard]] ExpectedCourse expected_course(const SessionFacts& facts,
                                             const NormsProfile& profile);

/// Deep needling: at least the profile's deep_depth_mm (false when the profile sets none).
/// Pinpoint bleeding and marked redness are its intended endpoint, scabbing is common.
[[nodiscard]] bool deep_needling(const SessionFacts& facts, const NormsProfile& profile);

/// What is usual after this session for a sign the norms call rare or dependent on the
/// treatment (bruising, scabbing, bleeding), and when it becomes a concern: the words of the
/// note its first sighting gets, and the profile's source key they rest on.
struct UsualSign {
    std::string text;
    std::string source_key;
};
[[nodiscard]] UsualSign usual_sign(Symptom sign, const SessionFacts& facts,
                                   const NormsProfile& profile);

/// "1.5 mm", "1.5 mm with PRP and RF": how messages name the treatment.
[[nodiscard]] std::string describe_treatment(const SessionFacts& facts);

} // namespace punctum::core
