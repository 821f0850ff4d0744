// warp_to_before: one cv::warpPerspective with the alignment's homography, rescaled from
// full-resolution pixels to the sizes actually decoded and produced, so a preview-sized
// result costs a preview-sized warp.

#include "punctum/core/photo/warp.h"

#include "cv_image.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace punctum::core::photo {

namespace {

PhotoResult<RgbImage> warp(std::span<const std::uint8_t> after, int after_orientation,
                           const Alignment& alignment, int before_width, int before_height,
                           int max_long_side) {
    if (before_width <= 0 || before_height <= 0) {
        return fail(PhotoErrc::malformed, "The before photo has no size; warp needs its width "
                                          "and height.");
    }
    auto info = detail::parse_container(after, ImportLimits{}, nullptr);
    if (!info) {
        return info.failure();
    }
    info->orientation = after_orientation;
    // Decoding the after photo at about the output's size is enough: the warp cannot show
    // more detail than the frame it draws into.
    auto source = detail::decode_oriented(after, after_orientation, max_long_side);
    if (!source) {
        return source.failure();
    }
    double out_scale = 1.0;
    const int long_side = std::max(before_width, before_height);
    if (max_long_side > 0 && long_side > max_long_side) {
        out_scale = static_cast<double>(max_long_side) / long_side;
    }
    const int out_w = std::max(1, static_cast<int>(std::lround(before_width * out_scale)));
    const int out_h = std::max(1, static_cast<int>(std::lround(before_height * out_scale)));

    const auto& h = alignment.homography;
    const cv::Matx33d full(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]);
    // decoded after pixels -> full after -> full before -> output pixels
    const cv::Matx33d from_decoded(
        static_cast<double>(info->displayed_width()) / source->cols, 0, 0, 0,
        static_cast<double>(info->displayed_height()) / source->rows, 0, 0, 0, 1);
    const cv::Matx33d to_output(static_cast<double>(out_w) / before_width, 0, 0, 0,
                                static_cast<double>(out_h) / before_height, 0, 0, 0, 1);
    const cv::Matx33d m = to_output * full * from_decoded;

    cv::Mat warped;
    cv::warpPerspective(*source, warped, cv::Mat(m), cv::Size(out_w, out_h), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
    RgbImage out{out_w, out_h, {}};
    out.rgb.resize(static_cast<std::size_t>(out_w) * static_cast<std::size_t>(out_h) * 3);
    cv::Mat view(out_h, out_w, CV_8UC3, out.rgb.data());
    cv::cvtColor(warped, view, cv::COLOR_BGR2RGB);
    return out;
}

} // namespace

PhotoResult<RgbImage> warp_to_before(std::span<const std::uint8_t> after, int after_orientation,
                                     const Alignment& alignment, int before_width,
                                     int before_height, int max_long_side) {
    return detail::guarded<RgbImage>("Warping the after photo", [&] {
        return warp(after, after_orientation, alignment, before_width, before_height,
                    max_long_side);
    });
}

} // namespace punctum::core::photo
