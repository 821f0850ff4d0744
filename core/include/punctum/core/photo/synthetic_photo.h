#pragma once
// Made-up skin photos with known colours, for tests, benchmarks and the demo vault.

#include "punctum/core/photo/region.h"

#include <cstdint>
#include <vector>

namespace punctum::core::photo {

/// A skin-toned picture with a treated patch in the centre, optionally a 24-patch
/// ColorChecker (Macbeth sRGB values) and a warm light cast, JPEG-encoded.
struct SyntheticPhotoSpec {
    int width = 1600;
    int height = 1200;
    double skin_L = 65; ///< CIELAB of the untreated skin (D65)
    double skin_a = 12;
    double skin_b = 18;
    double treated_delta_a = 0; ///< treated region (centre) a* minus surrounding skin
    double noise = 2.0;         ///< standard deviation of per-pixel noise, 8-bit units
    bool with_chart = false;
    /// Warm light: 0 none; 0.15 multiplies red by 1.15 and blue by 0.85 (whole frame).
    double warm_cast = 0;
    std::uint32_t seed = 1;
    int jpeg_quality = 92;
};

[[nodiscard]] std::vector<std::uint8_t> synthetic_skin_photo(const SyntheticPhotoSpec& spec);
/// Where the treated patch is (a centred rectangle), in the picture's pixels.
[[nodiscard]] Region synthetic_treated_region(const SyntheticPhotoSpec& spec);
/// A patch of untreated skin away from the treated patch and the chart.
[[nodiscard]] Region synthetic_reference_region(const SyntheticPhotoSpec& spec);

} // namespace punctum::core::photo
