#pragma once
// The norms profile: every threshold the clinical rules use, each with its source. Data,
// not code: the default ships compiled in (core/norms/default.json) and a clinic may
// install its own, checked as strictly as any outside input.

#include "punctum/core/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::core {

/// A screening outcome, in order of severity: proceed < caution < defer < refer < decline.
enum class Outcome { proceed, caution, defer, refer, decline };
[[nodiscard]] std::string_view to_string(Outcome outcome);
[[nodiscard]] std::optional<Outcome> outcome_from_string(std::string_view text);

/// Where a figure comes from, with its evidence grade (A study/review, B device
/// labelling, C clinic or maker page; norms.md).
struct NormSource {
    std::string key;
    std::string citation;
    std::string grade;
};

/// One screening item: a condition, or a recent treatment or medicine with its wait.
struct ScreeningRule {
    std::string item;
    Outcome outcome = Outcome::caution;
    int days = 0;   ///< waiting period after a recent date, in days...
    int months = 0; ///< ...or in calendar months
    std::string message;
    std::string source;
    std::string note; ///< where sources disagree, which one this follows
    /// An absolute contraindication: a `decline` no override can clear. A decline that is
    /// not absolute may be overridden by an admin (the clinic's medical lead) in writing.
    bool absolute = false;
};

/// Redness and swelling resolve-by day for sessions up to a depth.
struct DepthBand {
    double max_depth_mm = 0;
    int resolve_by_day = 0;
    std::string source;
};

/// What an add-on (PRP, RF) changes.
struct AddOnNorm {
    int resolve_by_day = 0;
    std::string source;
    std::optional<int> scabbing_resolve_by_day;
    std::string scabbing_source;
    /// What the add-on adds to the usual course of bruising (PRP: haematoma), in the words
    /// of a first-sighting note; optional.
    std::string bruising_note;
};

/// The recovery figures the flag rules apply.
struct RecoveryNorms {
    int peak_day = 1;
    std::string peak_source;
    std::vector<DepthBand> redness_bands; ///< by max_depth_mm, ascending
    int redness_ceiling_day = 7;
    std::string redness_ceiling_source;
    std::string redness_note;
    std::map<std::string, AddOnNorm> add_ons; ///< "prp", "rf"
    std::string add_on_note;
    int pain_resolve_by_day = 1;
    std::string pain_source;
    int bruising_resolve_by_day = 10;
    std::string bruising_source;
    int scabbing_resolve_by_day = 10;
    std::string scabbing_source;
    int dryness_resolve_by_day = 7;
    std::string dryness_source;
    int bleeding_after_day = 0;
    std::string bleeding_source;
    int infection_after_day = 2;
    std::string infection_source;
    std::string worsening_source;
    int blisters_window_days = 3;
    std::string blisters_source;
    std::string pigmentation_source;
    int pigmentation_higher_risk_fitzpatrick = 4;
    int logging_days = 7;
    std::string logging_note;   ///< no source sets a check-in window: says it is the clinic's
    std::string blisters_note;  ///< how the window relates to the source's 24-48 h
    std::string infection_note; ///< infection_after_day and the scores below: whose choice

    // Added for severity and first sight (issue 11). Each is optional so that a profile
    // written before them still reads; a rule whose figure is absent does not fire (no
    // threshold is ever invented), as with photo_delta_a_rise.

    /// Needling at least this deep is "deep": pinpoint bleeding and marked redness are its
    /// intended endpoint on the treatment day, and scabbing is common.
    std::optional<double> deep_depth_mm;
    std::string deep_source;
    /// Pain at least this high after pain_resolve_by_day: `pain_lasting` (watch).
    std::optional<int> pain_lasting_score;
    std::string pain_lasting_note;
    /// After infection_after_day, warmth with redness at least this high (CEA 3, marked)...
    std::optional<int> infection_redness_score;
    /// ...or warmth with pain at least this high is a sign of infection on its own, with no
    /// earlier entry to compare with.
    std::optional<int> infection_pain_score;
    /// Swelling beyond the treated area (the top of the edema scale), or the top redness
    /// score with itching at least allergy_itching_score: `allergic_reaction` (watch).
    /// allergy_source switches the rule on; without allergy_itching_score only swelling
    /// counts.
    std::string allergy_source;
    std::optional<int> allergy_itching_score;
    std::string allergy_note;
    /// What is usual for a sign, in the words of the note its first sighting gets.
    std::string bruising_note;
    std::string scabbing_note;
    std::string bleeding_note;
    /// Photo redness: a rise of CIELAB delta a* (treated minus untreated skin) by at least
    /// this much over the session's earlier colour-corrected photos is a `watch`. Optional:
    /// a profile without it raises no photo flag (no threshold is ever invented).
    std::optional<double> photo_delta_a_rise;
    std::string photo_source;
    std::string photo_note;
};

/// A whole profile.
struct NormsProfile {
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    std::map<std::string, NormSource> sources;
    RecoveryNorms recovery;
    std::vector<ScreeningRule> screening;
    std::vector<std::string> preparation;
    std::vector<std::string> aftercare;
    std::string aftercare_source;

    /// The source for a key; the profile's loader guarantees every key used exists.
    [[nodiscard]] const NormSource& source(const std::string& key) const;
    /// "Chu 2021 ... (evidence A)": a source as a flag or reason quotes it.
    [[nodiscard]] std::string cite(const std::string& key) const;
    [[nodiscard]] const ScreeningRule* screening_rule(std::string_view item) const;
};

enum class NormsErrc { malformed, unknown_field, missing_field, bad_value, unknown_source };
using NormsError = Error<NormsErrc>;

/// Parses and checks a profile: unknown fields, missing fields, impossible thresholds and
/// sources that are not defined are errors naming the field.
[[nodiscard]] Result<NormsProfile, NormsError> parse_norms_profile(std::string_view json);

/// The profile Punctum ships, parsed once.
[[nodiscard]] const NormsProfile& default_norms_profile();
/// Its JSON text, as compiled in.
[[nodiscard]] std::string_view default_norms_json();

} // namespace punctum::core
