// Decoding, orienting, scaling and encoding: libjpeg and libpng (codecs.h), OpenCV imgproc.

#include "cv_image.h"

#include "codecs.h"
#include "punctum/core/photo/rgb_image.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace punctum::core::photo::detail {

int reduction_for(int long_side, int target) {
    for (const int f : {8, 4, 2}) {
        if ((long_side + f - 1) / f >= target) {
            return f;
        }
    }
    return 1;
}

PhotoResult<cv::Mat> decode_stored(std::span<const std::uint8_t> file, const ContainerInfo& info,
                                   int target_long_side) {
    int factor = 1;
    if (info.format == ImageFormat::jpeg && target_long_side > 0) {
        factor = reduction_for(std::max(info.stored_width, info.stored_height), target_long_side);
    }
    cv::Mat image = info.format == ImageFormat::jpeg ? jpeg_decode(file, factor) : png_decode(file);
    const int expected_w = (info.stored_width + factor - 1) / factor;
    const int expected_h = (info.stored_height + factor - 1) / factor;
    if (image.empty() || image.cols != expected_w || image.rows != expected_h ||
        image.type() != CV_8UC3) {
        return fail(PhotoErrc::malformed,
                    std::string("The ") + (info.format == ImageFormat::jpeg ? "JPEG" : "PNG") +
                        " image data cannot be decoded: the file is damaged. Export the photo "
                        "again from the camera or phone.");
    }
    return image;
}

void apply_orientation(cv::Mat& image, int orientation) {
    switch (orientation) {
    case 2:
        cv::flip(image, image, 1);
        break;
    case 3:
        cv::flip(image, image, -1);
        break;
    case 4:
        cv::flip(image, image, 0);
        break;
    case 5:
        cv::transpose(image, image);
        break;
    case 6:
        cv::rotate(image, image, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7:
        cv::transpose(image, image);
        cv::flip(image, image, -1);
        break;
    case 8:
        cv::rotate(image, image, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        break;
    }
}

cv::Mat fit_long_side(const cv::Mat& image, int max_long_side) {
    const int long_side = std::max(image.cols, image.rows);
    if (max_long_side <= 0 || long_side <= max_long_side) {
        return image;
    }
    const double scale = static_cast<double>(max_long_side) / long_side;
    const cv::Size size(std::max(1, static_cast<int>(std::lround(image.cols * scale))),
                        std::max(1, static_cast<int>(std::lround(image.rows * scale))));
    cv::Mat out;
    cv::resize(image, out, size, 0, 0, cv::INTER_AREA);
    return out;
}

PhotoResult<cv::Mat> decode_oriented(std::span<const std::uint8_t> file, int orientation,
                                     int max_long_side) {
    if (orientation < 1 || orientation > 8) {
        return fail(PhotoErrc::malformed, "The orientation must be 1 to 8 (EXIF), not " +
                                              std::to_string(orientation) + ".");
    }
    auto info = parse_container(file, ImportLimits{}, nullptr);
    if (!info) {
        return info.failure();
    }
    auto image = decode_stored(file, *info, max_long_side);
    if (!image) {
        return image.failure();
    }
    apply_orientation(*image, orientation);
    return fit_long_side(*image, max_long_side);
}

std::vector<std::uint8_t> encode(const cv::Mat& bgr, const char* ext, int quality) {
    auto out = std::string_view(ext) == ".jpg" ? jpeg_encode(bgr, quality) : png_encode(bgr);
    if (out.empty()) {
        throw cv::Exception(cv::Error::StsError, "encoding failed", "encode", __FILE__, __LINE__);
    }
    return out;
}

} // namespace punctum::core::photo::detail

namespace punctum::core::photo {

PhotoResult<RgbImage> decode_photo(std::span<const std::uint8_t> file, int orientation,
                                   int max_long_side) {
    return detail::guarded<RgbImage>("Decoding the photo", [&]() -> PhotoResult<RgbImage> {
        auto bgr = detail::decode_oriented(file, orientation, max_long_side);
        if (!bgr) {
            return bgr.failure();
        }
        RgbImage out{bgr->cols, bgr->rows, {}};
        out.rgb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) *
                       3);
        cv::Mat view(out.height, out.width, CV_8UC3, out.rgb.data());
        cv::cvtColor(*bgr, view, cv::COLOR_BGR2RGB);
        return out;
    });
}

namespace {

PhotoResult<std::vector<std::uint8_t>> encode_rgb(const RgbImage& image, const char* ext,
                                                  int quality) {
    const auto expected = static_cast<std::size_t>(std::max(image.width, 0)) *
                          static_cast<std::size_t>(std::max(image.height, 0)) * 3;
    if (image.width <= 0 || image.height <= 0 || image.rgb.size() != expected) {
        return fail(PhotoErrc::malformed, "The image to encode has no pixels, or fewer bytes "
                                          "than width x height x 3.");
    }
    return detail::guarded<std::vector<std::uint8_t>>(
        "Encoding the picture", [&]() -> PhotoResult<std::vector<std::uint8_t>> {
            const cv::Mat rgb(image.height, image.width, CV_8UC3,
                              const_cast<std::uint8_t*>(image.rgb.data())); // NOLINT: read only
            cv::Mat bgr;
            cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
            return detail::encode(bgr, ext, std::clamp(quality, 1, 100));
        });
}

} // namespace

PhotoResult<std::vector<std::uint8_t>> encode_jpeg(const RgbImage& image, int quality) {
    return encode_rgb(image, ".jpg", quality);
}

PhotoResult<std::vector<std::uint8_t>> encode_png(const RgbImage& image) {
    return encode_rgb(image, ".png", 0);
}

} // namespace punctum::core::photo
