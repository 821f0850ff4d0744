#pragma once
// JPEG and PNG straight through libjpeg(-turbo) and libpng, the libraries OpenCV's imgcodecs
// would call, with the same settings, so pixels and bytes come out as they did. imgcodecs
// itself is not linked: on Debian it pulls in GDAL, GDCM, HDF5 and about 130 other libraries,
// which cost every Punctum process ~90 ms and ~40 MB before main() (issue 13 item 7).

#include <opencv2/core.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace punctum::core::photo::detail {

/// BGR 8-bit, decoded at 1/`scale_denom` (1, 2, 4 or 8) of the stored size; an empty Mat
/// when libjpeg reports an error (its warnings, such as a missing end marker, are not).
[[nodiscard]] cv::Mat jpeg_decode(std::span<const std::uint8_t> file, int scale_denom);

/// BGR 8-bit (16-bit samples stripped, palette and grey expanded, alpha dropped); an empty
/// Mat when libpng reports an error.
[[nodiscard]] cv::Mat png_decode(std::span<const std::uint8_t> file);

/// Baseline JPEG of an 8-bit BGR image, 4:2:0, at `quality` (1..100); empty on an error.
[[nodiscard]] std::vector<std::uint8_t> jpeg_encode(const cv::Mat& bgr, int quality);

/// PNG of an 8-bit BGR image (fast zlib: level 1, SUB filter, RLE); empty on an error.
[[nodiscard]] std::vector<std::uint8_t> png_encode(const cv::Mat& bgr);

} // namespace punctum::core::photo::detail
