// align_photos: ORB features, Lowe's ratio test and a RANSAC homography give a coarse
// alignment; ECC (video module) refines it on the grey images at <= 1000 px and gives a
// correlation that says how well the photos now agree.

#include "punctum/core/photo/alignment.h"

#include "cv_image.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <cstdio>

namespace punctum::core::photo {

namespace {

constexpr int work_long_side = 1000;
constexpr int orb_features = 3000;
constexpr float ratio = 0.75f;
constexpr int min_inliers = 20;
// ECC correlation below this means the refined photos still disagree.
constexpr double min_quality = 0.6;

struct Prepared {
    cv::Mat grey;
    cv::Matx33d to_work; ///< full-resolution displayed pixels -> working pixels
};

PhotoResult<Prepared> prepare(std::span<const std::uint8_t> file, int orientation,
                              const char* which) {
    auto info = detail::parse_container(file, ImportLimits{}, nullptr);
    if (!info) {
        return fail(info.error().code,
                    std::string("The ") + which + " photo: " + info.error().message);
    }
    auto image = detail::decode_oriented(file, orientation, work_long_side);
    if (!image) {
        return fail(image.error().code,
                    std::string("The ") + which + " photo: " + image.error().message);
    }
    info->orientation = orientation;
    Prepared p;
    cv::cvtColor(*image, p.grey, cv::COLOR_BGR2GRAY);
    p.to_work =
        cv::Matx33d(static_cast<double>(image->cols) / info->displayed_width(), 0, 0, 0,
                    static_cast<double>(image->rows) / info->displayed_height(), 0, 0, 0, 1);
    return p;
}

Alignment not_aligned(std::string note) {
    Alignment a;
    a.note = std::move(note);
    return a;
}

PhotoResult<Alignment> align(std::span<const std::uint8_t> before, int before_orientation,
                             std::span<const std::uint8_t> after, int after_orientation) {
    auto b = prepare(before, before_orientation, "before");
    if (!b) {
        return b.failure();
    }
    auto a = prepare(after, after_orientation, "after");
    if (!a) {
        return a.failure();
    }
    auto orb = cv::ORB::create(orb_features);
    std::vector<cv::KeyPoint> kb, ka;
    cv::Mat db, da;
    orb->detectAndCompute(b->grey, cv::noArray(), kb, db);
    orb->detectAndCompute(a->grey, cv::noArray(), ka, da);
    if (kb.size() < min_inliers || ka.size() < min_inliers) {
        return not_aligned("Too few distinct details to match (plain or blurred photos); take "
                           "both photos closer and in focus.");
    }
    std::vector<std::vector<cv::DMatch>> knn;
    cv::BFMatcher(cv::NORM_HAMMING).knnMatch(da, db, knn, 2);
    std::vector<cv::Point2f> from, to;
    for (const auto& m : knn) {
        if (m.size() == 2 && m[0].distance < ratio * m[1].distance) {
            from.push_back(ka[static_cast<std::size_t>(m[0].queryIdx)].pt);
            to.push_back(kb[static_cast<std::size_t>(m[0].trainIdx)].pt);
        }
    }
    if (from.size() < min_inliers) {
        return not_aligned("The photos share too few details (" + std::to_string(from.size()) +
                           " matches); they may show different areas.");
    }
    std::vector<std::uint8_t> inlier_mask;
    const cv::Mat coarse = cv::findHomography(from, to, cv::RANSAC, 3.0, inlier_mask);
    const int inliers = cv::countNonZero(inlier_mask);
    if (coarse.empty() || inliers < min_inliers) {
        return not_aligned("No consistent geometry between the photos (" + std::to_string(inliers) +
                           " consistent matches); they may show "
                           "different areas.");
    }
    // ECC estimates the warp from template (before) to input (after) coordinates.
    cv::Mat warp;
    cv::Mat(coarse.inv()).convertTo(warp, CV_32F);
    warp /= static_cast<double>(warp.at<float>(2, 2));
    cv::Mat tb, ta;
    b->grey.convertTo(tb, CV_32F);
    a->grey.convertTo(ta, CV_32F);
    double quality = 0;
    try {
        quality = cv::findTransformECC(
            tb, ta, warp, cv::MOTION_HOMOGRAPHY,
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 60, 1e-5),
            cv::noArray(), 5);
    } catch (const cv::Exception&) {
        return not_aligned("The features matched, but the refinement did not converge; the "
                           "photos may differ too much in angle or light.");
    }
    if (!(quality >= min_quality)) {
        return not_aligned("After alignment the photos still differ (correlation " +
                           std::to_string(quality).substr(0, 4) + ").");
    }
    cv::Mat refined64;
    cv::Mat(warp.inv()).convertTo(refined64, CV_64F);
    const cv::Matx33d refined_work(refined64.ptr<double>());
    // after (full) -> after (work) -> before (work) -> before (full)
    cv::Matx33d full = b->to_work.inv() * refined_work * a->to_work;
    full *= 1.0 / full(2, 2);
    Alignment result;
    result.aligned = true;
    result.quality = quality;
    for (int i = 0; i < 9; ++i) {
        result.homography[static_cast<std::size_t>(i)] = full.val[i];
    }
    char note[96];
    std::snprintf(note, sizeof note, "Aligned: %d consistent matches, correlation %.3f.", inliers,
                  quality);
    result.note = note;
    return result;
}

} // namespace

PhotoResult<Alignment> align_photos(std::span<const std::uint8_t> before, int before_orientation,
                                    std::span<const std::uint8_t> after, int after_orientation) {
    return detail::guarded<Alignment>("Aligning the photos", [&] {
        return align(before, before_orientation, after, after_orientation);
    });
}

} // namespace punctum::core::photo
