#pragma once
// The usable pixels of a region: rasterised at the analysis scale, eroded at the border,
// colour-corrected, with highlights, shadows and hair left out (reference/photo.md).

#include "colour_chart.h"

#include "punctum/core/photo/photo_error.h"
#include "punctum/core/photo/region.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace punctum::core::photo::detail {

/// Per-pixel values of a region, in true CIELAB (D65) and linear corrected RGB.
struct RegionPixels {
    std::vector<float> L, a, b;
    std::vector<float> erythema; ///< 100 * log10(R_lin / G_lin)
};

/// `region` is in displayed full-resolution pixels of a picture `full_size` large;
/// `image` is that picture scaled to the analysis size. `name` appears in messages.
[[nodiscard]] PhotoResult<RegionPixels> region_pixels(const cv::Mat& image, cv::Size full_size,
                                                      const Region& region,
                                                      const ColourCorrection& correction,
                                                      const std::string& name);

/// The q-quantile (0..1) of `values`, which it reorders; nearest rank, deterministic.
[[nodiscard]] double quantile(std::vector<float>& values, double q);

} // namespace punctum::core::photo::detail
