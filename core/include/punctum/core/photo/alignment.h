#pragma once
// Lining up a before and an after photo of the same area, so regions can be carried over.

#include "punctum/core/photo/photo_error.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace punctum::core::photo {

/// The result of align_photos. Not aligning is an answer, not an error.
struct Alignment {
    bool aligned = false;
    /// ECC correlation (0..1) of the refined alignment; 0 when not aligned.
    double quality = 0;
    /// Row-major 3x3 homography mapping a point of `after` to `before`, both in displayed
    /// full-resolution pixels; identity when not aligned.
    std::array<double, 9> homography{1, 0, 0, 0, 1, 0, 0, 0, 1};
    std::string note; ///< why not aligned, or how well, in words
};

/// ORB features + ratio test + RANSAC homography, refined by ECC at <= 1000 px.
[[nodiscard]] PhotoResult<Alignment> align_photos(std::span<const std::uint8_t> before,
                                                  int before_orientation,
                                                  std::span<const std::uint8_t> after,
                                                  int after_orientation);

} // namespace punctum::core::photo
