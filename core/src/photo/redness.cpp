// analyze_redness: decode at about 2 MP, correct colours from a chart when there is one,
// then robust statistics of a* over the treated region and the reference skin.

#include "punctum/core/photo/redness.h"

#include "cv_image.h"
#include "region_pixels.h"

#include <cmath>
#include <numbers>

namespace punctum::core::photo {

namespace {

PhotoResult<RednessAnalysis> analyze(std::span<const std::uint8_t> file, int orientation,
                                     const Region& roi, const Region& reference,
                                     const RednessOptions& options) {
    if (orientation < 1 || orientation > 8) {
        return fail(PhotoErrc::malformed, "The orientation must be 1 to 8 (EXIF), not " +
                                              std::to_string(orientation) + ".");
    }
    auto info = detail::parse_container(file, ImportLimits{}, nullptr);
    if (!info) {
        return info.failure();
    }
    info->orientation = orientation;
    auto image = detail::decode_oriented(file, orientation, options.analysis_long_side);
    if (!image) {
        return image.failure();
    }
    const cv::Size full(info->displayed_width(), info->displayed_height());

    auto correction = detail::ColourCorrection::srgb();
    if (options.detect_chart) {
        if (auto chart = detail::correction_from_chart(*image)) {
            correction = *chart;
        }
    }
    auto treated = detail::region_pixels(*image, full, roi, correction, "treated region");
    if (!treated) {
        return treated.failure();
    }
    auto skin = detail::region_pixels(*image, full, reference, correction, "reference region");
    if (!skin) {
        return skin.failure();
    }
    RednessAnalysis r;
    r.width = image->cols;
    r.height = image->rows;
    r.calibrated = correction.calibrated;
    r.pixels_used = static_cast<std::int64_t>(treated->a.size());
    r.reference_pixels_used = static_cast<std::int64_t>(skin->a.size());
    r.a_star_median = detail::quantile(treated->a, 0.5);
    r.a_star_p90 = detail::quantile(treated->a, 0.9);
    r.reference_a_star_median = detail::quantile(skin->a, 0.5);
    r.delta_a_star = r.a_star_median - r.reference_a_star_median;
    r.erythema_index = detail::quantile(treated->erythema, 0.5);
    // ITA = atan((L* - 50) / b*); skin has b* > 0, a grey or bluish patch is clamped at
    // +-90 degrees rather than dividing by zero.
    const double L = detail::quantile(skin->L, 0.5), b = detail::quantile(skin->b, 0.5);
    r.ita_deg = b > 1e-6 ? std::atan((L - 50.0) / b) * 180.0 / std::numbers::pi
                         : (L >= 50.0 ? 90.0 : -90.0);
    return r;
}

} // namespace

PhotoResult<RednessAnalysis> analyze_redness(std::span<const std::uint8_t> encoded_image,
                                             int orientation, const Region& roi,
                                             const Region& reference,
                                             const RednessOptions& options) {
    return detail::guarded<RednessAnalysis>("Analysing redness", [&] {
        return analyze(encoded_image, orientation, roi, reference, options);
    });
}

PhotoResult<RednessAnalysis> analyze_redness(std::span<const std::uint8_t> encoded_image,
                                             int orientation, const Region& roi,
                                             const Region& reference) {
    return analyze_redness(encoded_image, orientation, roi, reference, RednessOptions{});
}

} // namespace punctum::core::photo
