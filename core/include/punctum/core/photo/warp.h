#pragma once
// Showing an aligned before/after pair: the after photo redrawn in the before photo's frame,
// so a divider dragged over the two shows the same skin on both sides.

#include "punctum/core/photo/alignment.h"
#include "punctum/core/photo/rgb_image.h"

#include <cstdint>
#include <span>

namespace punctum::core::photo {

/// `after` (decoded with `after_orientation`) warped by `alignment.homography` into the frame
/// of a before photo of `before_width` x `before_height` displayed full-resolution pixels.
/// With `max_long_side` > 0 the result is that frame scaled down so its long side is at most
/// that (the size of the before preview, say); the homography is rescaled to match. Pixels
/// the after photo does not cover are black. Not aligned: the identity, i.e. the after photo
/// stretched over the before frame's top-left. Never throws.
[[nodiscard]] PhotoResult<RgbImage> warp_to_before(std::span<const std::uint8_t> after,
                                                   int after_orientation,
                                                   const Alignment& alignment, int before_width,
                                                   int before_height, int max_long_side = 0);

} // namespace punctum::core::photo
