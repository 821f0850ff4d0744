#pragma once
// What the flag-rule tests share: the shipped profile, an entry written as a list of scores,
// the flags of one rule, and flags in words for a failed check.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assessment.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace punctum::test {

inline const core::NormsProfile& profile() {
    return core::default_norms_profile();
}

using Scores = std::initializer_list<std::pair<core::Symptom, std::optional<int>>>;

/// An entry on `day` with `scores`; every symptom not named is unknown (never 0).
inline core::DayEntry at(int day, Scores scores) {
    core::DayEntry e;
    e.day = day;
    for (const auto& [s, v] : scores) {
        e.set(s, v);
    }
    return e;
}

inline std::vector<core::Flag> only(const std::vector<core::Flag>& flags, std::string_view rule) {
    std::vector<core::Flag> out;
    std::copy_if(flags.begin(), flags.end(), std::back_inserter(out),
                 [&](const core::Flag& f) { return f.rule_id == rule; });
    return out;
}

inline std::string describe(const std::vector<core::Flag>& flags) {
    std::string out;
    for (const auto& f : flags) {
        out += f.rule_id + "/" + f.symptom + "/day " + std::to_string(f.day) + "/" +
               std::string(core::to_string(f.severity)) + ": " + f.message + "\n";
    }
    return out;
}

} // namespace punctum::test
