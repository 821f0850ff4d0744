#pragma once
// The norms profile as people read it: each recovery figure the flag rules apply, in plain
// words, with the source it rests on. One printout for every front end: `punctum-cli norms`
// prints it as text and the app's settings page lists it, so the two never diverge.

#include "punctum/core/norms/norms_profile.h"

#include <string>
#include <vector>

namespace punctum::core {

/// One line: what the rule looks at, the figure, the source key (cite it with the profile),
/// and, where the number is the clinic's choice or sources disagree, the profile's note.
struct NormFigure {
    std::string what;
    std::string value;
    std::string source_key;
    std::string note;
};

/// Every recovery figure of `profile`, in the order a clinician reads them: the usual course
/// (peak, redness by depth and add-on, each sign's settling day), then what raises a flag.
/// Figures a profile leaves out (an optional rule it does not use) are left out here too.
[[nodiscard]] std::vector<NormFigure> recovery_figures(const NormsProfile& profile);

} // namespace punctum::core
