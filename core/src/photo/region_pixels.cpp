// Region masks and pixel selection for the redness analysis.

#include "region_pixels.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace punctum::core::photo::detail {

namespace {

// Fewer usable pixels than this (at about 2 MP) give a median that moves with noise.
constexpr std::size_t min_usable_pixels = 100;
// Clipped channels and near-white speculars carry no colour information.
constexpr int clipped_channel = 250;
constexpr float highlight_L = 90.0f;
// Hair, pores in shadow and folds are much darker than the skin around them.
constexpr float shadow_below_median = 15.0f;

Failure<PhotoError> bad(const std::string& message) {
    return fail(PhotoErrc::bad_region, message);
}

} // namespace

double quantile(std::vector<float>& values, double q) {
    if (values.empty()) {
        return 0.0;
    }
    const auto last = static_cast<double>(values.size() - 1);
    const auto k = static_cast<std::ptrdiff_t>(std::lround(std::clamp(q, 0.0, 1.0) * last));
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return static_cast<double>(values[static_cast<std::size_t>(k)]);
}

PhotoResult<RegionPixels> region_pixels(const cv::Mat& image, cv::Size full_size,
                                        const Region& region, const ColourCorrection& correction,
                                        const std::string& name) {
    if (region.points.size() < 3) {
        return bad("The " + name +
                   " needs at least three points (a rectangle has four). Draw "
                   "it again.");
    }
    const double sx = static_cast<double>(image.cols) / full_size.width;
    const double sy = static_cast<double>(image.rows) / full_size.height;
    std::vector<cv::Point> poly;
    for (const auto& p : region.points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x < 0 || p.y < 0 ||
            p.x > full_size.width || p.y > full_size.height) {
            return bad("The " + name + " reaches outside the photo (a point at " +
                       std::to_string(std::lround(p.x)) + ", " + std::to_string(std::lround(p.y)) +
                       "; the photo is " + std::to_string(full_size.width) + " x " +
                       std::to_string(full_size.height) + "). Draw it inside the picture.");
        }
        poly.emplace_back(static_cast<int>(std::lround(p.x * sx)),
                          static_cast<int>(std::lround(p.y * sy)));
    }
    const cv::Rect box = cv::boundingRect(poly) & cv::Rect(0, 0, image.cols, image.rows);
    if (box.width < 3 || box.height < 3) {
        return bad("The " + name + " is too small to measure. Draw a larger area.");
    }
    for (auto& p : poly) {
        p -= box.tl();
    }
    cv::Mat mask = cv::Mat::zeros(box.size(), CV_8U);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(255));
    // Erode so that a hand-drawn edge (and JPEG chroma bleeding across it) is not measured;
    // outside the box counts as outside the region (constant 0 border).
    const int radius = std::clamp(std::min(box.width, box.height) / 30, 1, 8);
    cv::erode(
        mask, mask,
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1)),
        cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));

    std::vector<cv::Vec3f> linear;
    linear.reserve(static_cast<std::size_t>(cv::countNonZero(mask)));
    const auto& m = correction.matrix;
    for (int y = 0; y < box.height; ++y) {
        const auto* in = image.ptr<cv::Vec3b>(box.y + y) + box.x;
        const auto* keep = mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < box.width; ++x) {
            const auto& px = in[x];
            if (keep[x] == 0 || px[0] >= clipped_channel || px[1] >= clipped_channel ||
                px[2] >= clipped_channel) {
                continue;
            }
            const float r = correction.lut[px[2]], g = correction.lut[px[1]],
                        b = correction.lut[px[0]];
            cv::Vec3f out(m(0, 0) * r + m(0, 1) * g + m(0, 2) * b,
                          m(1, 0) * r + m(1, 1) * g + m(1, 2) * b,
                          m(2, 0) * r + m(2, 1) * g + m(2, 2) * b);
            for (int c = 0; c < 3; ++c) {
                out[c] = std::clamp(out[c], 1e-4f, 1.0f);
            }
            linear.push_back(out);
        }
    }
    if (linear.size() < min_usable_pixels) {
        return bad("The " + name + " has too few usable pixels (" + std::to_string(linear.size()) +
                   ") after leaving out its border and over-exposed spots. Draw a larger area "
                   "of evenly lit skin.");
    }
    cv::Mat lab;
    cv::cvtColor(cv::Mat(1, static_cast<int>(linear.size()), CV_32FC3, linear.data()), lab,
                 cv::COLOR_LRGB2Lab);
    const auto* lab_px = lab.ptr<cv::Vec3f>(0);

    std::vector<float> lightness;
    lightness.reserve(linear.size());
    for (std::size_t i = 0; i < linear.size(); ++i) {
        if (lab_px[i][0] <= highlight_L) {
            lightness.push_back(lab_px[i][0]);
        }
    }
    const auto median_L = static_cast<float>(quantile(lightness, 0.5));
    RegionPixels out;
    for (std::size_t i = 0; i < linear.size(); ++i) {
        const auto& v = lab_px[i];
        if (v[0] > highlight_L || v[0] < median_L - shadow_below_median) {
            continue;
        }
        out.L.push_back(v[0]);
        out.a.push_back(v[1]);
        out.b.push_back(v[2]);
        out.erythema.push_back(100.0f * std::log10(linear[i][0] / linear[i][1]));
    }
    if (out.a.size() < min_usable_pixels) {
        return bad("The " + name + " has too few usable pixels (" + std::to_string(out.a.size()) +
                   ") once highlights, shadows and hair are left out. Draw it over evenly lit "
                   "skin.");
    }
    return out;
}

} // namespace punctum::core::photo::detail
