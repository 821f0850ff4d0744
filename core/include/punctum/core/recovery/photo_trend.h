#pragma once
// Flags from a session's photo redness: measured delta a* by day, as stored analyses give it.
// Pure (no OpenCV): the numbers come from core/photo, the threshold from the norms profile.

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/flag.h"

#include <span>
#include <vector>

namespace punctum::core {

namespace rules {
inline constexpr std::string_view photo_redness_rise = "photo_redness_rise";
}

/// One analysed photo of the session.
struct PhotoRedness {
    int day = 0;               ///< days after treatment
    double delta_a_star = 0.0; ///< treated minus untreated skin, CIELAB a*
    bool calibrated = false;   ///< colour-corrected from a ColorChecker in the frame
};

/// A `watch` flag (symptom "erythema") on each day a calibrated photo's delta a* stands at
/// least profile.recovery.photo_delta_a_rise above the lowest earlier calibrated photo of
/// the session: the skin getting redder again, by more than camera variation. Raised once
/// per rise: the next photo flags again only after one that was not raised. Uncalibrated
/// photos are never compared (uncorrected light moves a* more than erythema does). Photos
/// are taken in day order; several on one day are compared with earlier days only.
[[nodiscard]] std::vector<Flag> photo_redness_flags(std::span<const PhotoRedness> photos,
                                                    const NormsProfile& profile);

} // namespace punctum::core
