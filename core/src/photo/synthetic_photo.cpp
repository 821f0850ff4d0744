// Synthetic skin photos. Colours are set in CIELAB so a test knows the true a*; texture
// (shading, pores) changes L* only, so it gives alignment something to find without
// moving a*. Light is applied in linear RGB, as a real lamp would act.

#include "punctum/core/photo/synthetic_photo.h"

#include "cv_image.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/mcc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace punctum::core::photo {

namespace {

// The 24 patches of a ColorChecker Classic as linear sRGB, taken from the reference the
// colour correction fits to (ccm's COLORCHECKER_Macbeth, Lab D50 adapted to D65), so a
// synthetic chart is the chart that reference describes. (Published sRGB tables such as
// BabelColor's averages differ by a few units; light skin is 194,150,130 there and
// 199,147,129 here, which alone moved corrected skin a* by about 1.5.)
std::vector<cv::Vec3d> macbeth_linear_rgb() {
    cv::Mat probe(24, 1, CV_64FC3);
    for (int i = 0; i < 24; ++i) {
        probe.at<cv::Vec3d>(i) = cv::Vec3d(0.1 + 0.03 * i, 0.2 + 0.01 * i, 0.5 - 0.015 * i);
    }
    cv::ccm::ColorCorrectionModel model(probe, cv::ccm::COLORCHECKER_Macbeth);
    model.setLinear(cv::ccm::LINEARIZATION_IDENTITY);
    model.run(); // computes the reference in the destination space as a side effect
    const cv::Mat dst = model.get_dst_rgbl();
    std::vector<cv::Vec3d> out;
    for (int i = 0; i < 24; ++i) {
        out.push_back(dst.at<cv::Vec3d>(i));
    }
    return out;
}

struct Layout {
    cv::Rect treated, reference, chart;
    int patch = 0, gap = 0;
};

Layout layout(const SyntheticPhotoSpec& s) {
    const int w = std::max(s.width, 64), h = std::max(s.height, 64);
    Layout l;
    l.treated = cv::Rect(w * 3 / 8, h * 3 / 8, w / 4, h / 4);
    l.reference = cv::Rect(w / 12, h / 12, w / 5, h / 5);
    // The chart takes about 30% of the width at the bottom right, as a user would hold it.
    l.patch = std::max(8, w * 30 / 100 / 7);
    l.gap = std::max(2, l.patch / 5);
    const int cw = 6 * l.patch + 7 * l.gap, ch = 4 * l.patch + 5 * l.gap;
    l.chart = cv::Rect(w - cw - w / 20, h - ch - h / 20, cw, ch);
    return l;
}

double srgb_to_linear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
double linear_to_srgb(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
}

cv::Mat skin_lab(const SyntheticPhotoSpec& s, const Layout& l, cv::RNG& rng) {
    const int w = std::max(s.width, 64), h = std::max(s.height, 64);
    cv::Mat lab(h, w, CV_32FC3, cv::Scalar(s.skin_L, s.skin_a, s.skin_b));
    lab(l.treated).setTo(cv::Scalar(s.skin_L, s.skin_a + s.treated_delta_a, s.skin_b));
    // Shading and pores on L* only.
    cv::Mat shade(h, w, CV_32F);
    for (int y = 0; y < h; ++y) {
        auto* row = shade.ptr<float>(y);
        for (int x = 0; x < w; ++x) {
            row[x] = static_cast<float>(3.0 * std::sin(x * 0.004 + s.seed) * std::cos(y * 0.005));
        }
    }
    const int pores = w * h / 4000;
    for (int i = 0; i < pores; ++i) {
        const cv::Point c(rng.uniform(0, w), rng.uniform(0, h));
        const int radius = std::max(1, w / 800) * rng.uniform(1, 4);
        cv::circle(shade, c, radius, cv::Scalar(-rng.uniform(6.0, 14.0)), cv::FILLED, cv::LINE_AA);
    }
    std::vector<cv::Mat> channels;
    cv::split(lab, channels);
    channels[0] += shade;
    cv::merge(channels, lab);
    return lab;
}

} // namespace

namespace {

std::vector<std::uint8_t> render(const SyntheticPhotoSpec& spec) {
    cv::RNG rng(spec.seed);
    const Layout l = layout(spec);
    cv::Mat bgr;
    cv::cvtColor(skin_lab(spec, l, rng), bgr, cv::COLOR_Lab2BGR); // float: sRGB in [0, 1]
    if (spec.with_chart) {
        static const auto chart = macbeth_linear_rgb();
        bgr(l.chart).setTo(cv::Scalar(0.1, 0.1, 0.1));
        for (int i = 0; i < 24; ++i) {
            const int r = i / 6, c = i % 6;
            const cv::Rect p(l.chart.x + l.gap + c * (l.patch + l.gap),
                             l.chart.y + l.gap + r * (l.patch + l.gap), l.patch, l.patch);
            const auto& rgb = chart[static_cast<std::size_t>(i)];
            bgr(p).setTo(
                cv::Scalar(linear_to_srgb(rgb[2]), linear_to_srgb(rgb[1]), linear_to_srgb(rgb[0])));
        }
    }
    // Light: per-channel gains in linear RGB, through a lookup table on 8-bit values.
    const std::array<double, 3> gain{1 - spec.warm_cast, 1.0, 1 + spec.warm_cast};
    cv::Mat img8;
    bgr.convertTo(img8, CV_8UC3, 255.0);
    if (spec.warm_cast != 0) {
        cv::Mat lut(1, 256, CV_8UC3);
        for (int v = 0; v < 256; ++v) {
            for (int ch = 0; ch < 3; ++ch) {
                const double lin = srgb_to_linear(v / 255.0) * gain[static_cast<std::size_t>(ch)];
                lut.at<cv::Vec3b>(0, v)[ch] =
                    cv::saturate_cast<std::uint8_t>(linear_to_srgb(lin) * 255.0);
            }
        }
        cv::LUT(img8, lut, img8);
    }
    // A lens is never perfectly sharp, and a sensor is never noise-free.
    cv::GaussianBlur(img8, img8, cv::Size(0, 0), 0.8);
    if (spec.noise > 0) {
        cv::Mat noise(img8.size(), CV_16SC3);
        rng.fill(noise, cv::RNG::NORMAL, 0, spec.noise);
        cv::Mat wide;
        img8.convertTo(wide, CV_16SC3);
        wide += noise;
        wide.convertTo(img8, CV_8UC3);
    }
    return detail::encode(img8, ".jpg", std::clamp(spec.jpeg_quality, 1, 100));
}

} // namespace

std::vector<std::uint8_t> synthetic_skin_photo(const SyntheticPhotoSpec& spec) {
    // Test and demo data: an impossible spec (say, a 0 x 0 picture) gives no bytes.
    try {
        return render(spec);
    } catch (const std::exception&) {
        return {};
    }
}

Region synthetic_treated_region(const SyntheticPhotoSpec& spec) {
    const auto r = layout(spec).treated;
    return Region::rectangle(r.x, r.y, r.width, r.height);
}

Region synthetic_reference_region(const SyntheticPhotoSpec& spec) {
    const auto r = layout(spec).reference;
    return Region::rectangle(r.x, r.y, r.width, r.height);
}

} // namespace punctum::core::photo
