#pragma once
// OpenCV helpers shared by import, analysis and alignment. Everything here may throw
// cv::Exception; the public functions catch it at their edge (guarded()).

#include "container.h"

#include <opencv2/core.hpp>

#include <exception>
#include <string>

namespace punctum::core::photo::detail {

/// The largest JPEG reduction (1, 2, 4, 8) that keeps the long side >= `target`.
[[nodiscard]] int reduction_for(int long_side, int target);

/// Decodes `file` (already checked by parse_container) in stored orientation, BGR 8-bit.
/// JPEG is decoded at a reduced size (libjpeg's DCT scaling, which still reads all the
/// entropy data, so damage is found) when `target_long_side` > 0 allows it.
[[nodiscard]] PhotoResult<cv::Mat> decode_stored(std::span<const std::uint8_t> file,
                                                 const ContainerInfo& info, int target_long_side);

/// Applies EXIF orientation 1..8 (as OpenCV's own loader would).
void apply_orientation(cv::Mat& image, int orientation);

/// `image` scaled down (area resampling) so its long side is at most `max_long_side`.
[[nodiscard]] cv::Mat fit_long_side(const cv::Mat& image, int max_long_side);

/// Decodes with orientation applied and the long side fitted to at most `max_long_side`
/// (0: full size). The file may still carry metadata; it is only read.
[[nodiscard]] PhotoResult<cv::Mat> decode_oriented(std::span<const std::uint8_t> file,
                                                   int orientation, int max_long_side);

/// JPEG (".jpg", quality) or PNG (".png") bytes of a BGR image.
[[nodiscard]] std::vector<std::uint8_t> encode(const cv::Mat& bgr, const char* ext, int quality);

/// Runs `body`, turning any exception into analysis_failed naming `what`.
template <typename T, typename F> PhotoResult<T> guarded(const char* what, F&& body) noexcept {
    try {
        return body();
    } catch (const cv::Exception& e) {
        return fail(PhotoErrc::analysis_failed,
                    std::string(what) + " failed inside OpenCV (" + e.err +
                        "). Try another photo; if it keeps happening, report it.");
    } catch (const std::bad_alloc&) {
        return fail(PhotoErrc::analysis_failed,
                    std::string(what) + " ran out of memory. Close other programs or use a "
                                        "smaller photo.");
    } catch (const std::exception& e) {
        return fail(PhotoErrc::analysis_failed, std::string(what) + " failed (" + e.what() + ").");
    }
}

} // namespace punctum::core::photo::detail
