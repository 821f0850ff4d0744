#pragma once
// Redness of a treated area as CIELAB a* against untreated skin in the same photo
// (reference/photo.md), colour-corrected when a ColorChecker is in the frame.

#include "punctum/core/photo/photo_error.h"
#include "punctum/core/photo/region.h"

#include <cstdint>
#include <span>

namespace punctum::core::photo {

/// The numbers for one photo. a* values are true CIELAB (D65), not OpenCV's 8-bit a+128.
struct RednessAnalysis {
    int width = 0; ///< of the picture analysed (about 2 MP), displayed orientation
    int height = 0;
    std::int64_t pixels_used = 0;           ///< treated-region pixels after exclusions
    std::int64_t reference_pixels_used = 0; ///< reference pixels after exclusions
    double a_star_median = 0;
    double a_star_p90 = 0;
    double reference_a_star_median = 0;
    double delta_a_star = 0;   ///< treated minus reference
    double erythema_index = 0; ///< 100 * log10(R_lin / G_lin), median over the treated region
    double ita_deg = 0;        ///< individual typology angle of the reference skin
    bool calibrated = false;   ///< colours corrected from a ColorChecker in the frame
};

/// How analyze_redness works; the defaults are what the app uses.
struct RednessOptions {
    /// Look for a 24-patch ColorChecker and correct colours from it (costs about 0.3 s).
    bool detect_chart = true;
    /// Long side of the picture analysed; 1600 px is about 2 MP at 4:3.
    int analysis_long_side = 1600;
};

/// Analyses `roi` (treated) against `reference` (untreated skin), both in displayed
/// full-resolution pixels of `encoded_image` decoded with `orientation`. Never throws.
[[nodiscard]] PhotoResult<RednessAnalysis>
analyze_redness(std::span<const std::uint8_t> encoded_image, int orientation, const Region& roi,
                const Region& reference);
[[nodiscard]] PhotoResult<RednessAnalysis>
analyze_redness(std::span<const std::uint8_t> encoded_image, int orientation, const Region& roi,
                const Region& reference, const RednessOptions& options);

} // namespace punctum::core::photo
