#pragma once
// Flags from a session's recovery entries, by the rules of the norms profile. The same
// entries always give the same flags, whether assessed at once or one entry at a time.

#include "punctum/core/date.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/symptom.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/expected_course.h"
#include "punctum/core/recovery/flag.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace punctum::core {

/// One recovery entry as the rules see it: the day after treatment and the scores, where
/// nullopt is unknown (never 0).
struct DayEntry {
    int day = 0;
    std::array<std::optional<int>, symptom_count> scores{};

    [[nodiscard]] std::optional<int> score(Symptom s) const {
        return scores.at(static_cast<std::size_t>(s));
    }
    void set(Symptom s, std::optional<int> value) {
        scores.at(static_cast<std::size_t>(s)) = value;
    }
    [[nodiscard]] bool empty() const;
};

/// A stored entry as a DayEntry for a session treated on `treated_on`.
[[nodiscard]] DayEntry day_entry(const RecoveryEntry& entry, Date treated_on);

/// Applies the flag rules one entry at a time. Entries are taken in day order; entries of
/// the same day in the order they were added. An entry for a day before one already added
/// re-runs the rules over all entries, so the flags are always those `assess` gives.
class Assessor {
public:
    /// `profile` must outlive the Assessor.
    Assessor(SessionFacts facts, const NormsProfile& profile);

    /// Adds an entry and applies the rules.
    void add(const DayEntry& entry);

    /// Every flag raised so far, ordered by day, then rule, then symptom.
    [[nodiscard]] const std::vector<Flag>& flags() const { return flags_; }
    [[nodiscard]] const ExpectedCourse& expected() const { return course_; }
    [[nodiscard]] const SessionFacts& facts() const { return facts_; }

private:
    struct Step;
    void apply(const DayEntry& entry);
    void reset();

    SessionFacts facts_;
    const NormsProfile* profile_;
    ExpectedCourse course_;
    std::vector<DayEntry> entries_; ///< in the order the rules saw them
    std::vector<Flag> flags_;
    // Rule state, rebuilt by replaying entries_: the last known score of each symptom,
    // which (rule, symptom) pairs are firing, and the last day with a check-in.
    std::array<std::optional<int>, symptom_count> last_known_{};
    std::vector<bool> firing_;
    int last_check_in_ = 0;
    std::uint32_t seen_ = 0; ///< one bit per symptom: reported above 0 at least once
};

/// All flags for a session's entries, from scratch.
[[nodiscard]] std::vector<Flag> assess(std::span<const DayEntry> entries, const SessionFacts& facts,
                                       const NormsProfile& profile);

} // namespace punctum::core
