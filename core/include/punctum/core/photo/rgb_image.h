#pragma once
// Pixels handed across the library boundary, so that callers (tests, storage, the app)
// never need OpenCV themselves.

#include "punctum/core/photo/photo_error.h"

#include <cstdint>
#include <span>
#include <vector>

namespace punctum::core::photo {

/// 8-bit RGB, rows top to bottom, no padding: pixel (x, y) starts at 3 * (y * width + x).
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
};

/// Decodes a JPEG or PNG with `orientation` (1..8) applied; any orientation stored in the
/// file is ignored. With `max_long_side` > 0 the picture is scaled down (reduced JPEG
/// decode, then area resampling) so that its long side is at most that.
[[nodiscard]] PhotoResult<RgbImage> decode_photo(std::span<const std::uint8_t> file,
                                                 int orientation = 1, int max_long_side = 0);

/// A baseline JPEG (JFIF, no other metadata) at `quality` 1..100.
[[nodiscard]] PhotoResult<std::vector<std::uint8_t>> encode_jpeg(const RgbImage& image,
                                                                 int quality = 92);
/// A PNG with critical chunks only.
[[nodiscard]] PhotoResult<std::vector<std::uint8_t>> encode_png(const RgbImage& image);

} // namespace punctum::core::photo
