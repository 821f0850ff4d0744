#pragma once
// Colour correction from a 24-patch ColorChecker in the frame (OpenCV mcc and ccm).

#include <opencv2/core.hpp>

#include <array>
#include <optional>

namespace punctum::core::photo::detail {

/// 8-bit camera RGB -> linear, corrected RGB: out = matrix * (lut[r], lut[g], lut[b]).
/// Without a chart it is the sRGB curve and the identity, so both paths share one code.
struct ColourCorrection {
    std::array<float, 256> lut{};
    cv::Matx33f matrix = cv::Matx33f::eye(); ///< acts on (R, G, B) column vectors
    bool calibrated = false;

    [[nodiscard]] static ColourCorrection srgb();
};

/// Finds a ColorChecker in `bgr` and fits a 3x3 correction to its patches; nullopt when
/// there is no chart, or the fit is too poor to trust.
[[nodiscard]] std::optional<ColourCorrection> correction_from_chart(const cv::Mat& bgr);

} // namespace punctum::core::photo::detail
