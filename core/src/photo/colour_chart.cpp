// Chart detection and the colour correction fit. ccm::ColorCorrectionModel::infer() is
// slow (double precision, about 0.7 s at 2 MP), so only the fit is used: the matrix is
// applied by our own loop over the region's pixels (LUT linearisation + 3x3), which is
// what infer() computes.

#include "colour_chart.h"

#include "cv_image.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/mcc.hpp>

#include <algorithm>
#include <cmath>

namespace punctum::core::photo::detail {

namespace {

// Detection runs on a smaller copy: the chart's patches stay tens of pixels wide, and
// mcc's cost grows with the area.
constexpr int detection_long_side = 1000;
// A fit this poor (mean CIEDE2000 over the patches) means a misdetection or a chart in
// very uneven light; uncalibrated numbers are more honest then.
constexpr double max_mean_delta_e = 10.0;

} // namespace

ColourCorrection ColourCorrection::srgb() {
    ColourCorrection c;
    for (std::size_t v = 0; v < c.lut.size(); ++v) {
        const double s = static_cast<double>(v) / 255.0;
        c.lut[v] =
            static_cast<float>(s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4));
    }
    return c;
}

std::optional<ColourCorrection> correction_from_chart(const cv::Mat& bgr) {
    const cv::Mat small = fit_long_side(bgr, detection_long_side);
    auto detector = cv::mcc::CCheckerDetector::create();
    if (!detector->process(small, cv::mcc::MCC24, 1)) {
        return std::nullopt;
    }
    const auto checker = detector->getBestColorChecker();
    if (!checker) {
        return std::nullopt;
    }
    // getChartsRGB(): three rows per patch (R, G, B), column 1 the patch mean, 0..255.
    const cv::Mat charts = checker->getChartsRGB();
    if (charts.rows != 72 || charts.cols < 2) {
        return std::nullopt;
    }
    // Linearised here with the sRGB curve (what cameras encode with) and handed to the fit
    // as linear (identity linearisation): ccm's own gamma 2.2 is off from sRGB in the
    // darks and mid-tones, which showed as a bias of about +1.5 a* on skin.
    const auto srgb = ColourCorrection::srgb();
    cv::Mat src(24, 1, CV_64FC3);
    for (int i = 0; i < 24; ++i) {
        for (int c = 0; c < 3; ++c) {
            const double v = std::clamp(charts.at<double>(3 * i + c, 1), 0.0, 255.0);
            const auto lo = static_cast<std::size_t>(v);
            const std::size_t hi = std::min<std::size_t>(lo + 1, 255);
            const double f = v - static_cast<double>(lo);
            src.at<cv::Vec3d>(i)[c] =
                (1 - f) * static_cast<double>(srgb.lut[lo]) + f * static_cast<double>(srgb.lut[hi]);
        }
    }
    cv::ccm::ColorCorrectionModel model(src, cv::ccm::COLORCHECKER_Macbeth);
    model.setCCM_TYPE(cv::ccm::CCM_3x3);
    model.setLinear(cv::ccm::LINEARIZATION_IDENTITY);
    model.run();
    const double loss = model.getLoss();
    if (!std::isfinite(loss) || loss / 24.0 > max_mean_delta_e) {
        return std::nullopt;
    }
    const cv::Mat ccm = model.getCCM(); // 3x3 CV_64F, applied to row vectors: rgb_out = rgb * ccm
    if (ccm.rows != 3 || ccm.cols != 3) {
        return std::nullopt;
    }
    ColourCorrection c = srgb;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            c.matrix(j, i) = static_cast<float>(ccm.at<double>(i, j));
        }
    }
    c.calibrated = true;
    return c;
}

} // namespace punctum::core::photo::detail
