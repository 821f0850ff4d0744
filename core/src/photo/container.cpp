// Format sniffing and the limits shared by both containers.

#include "container.h"

#include <algorithm>
#include <array>
#include <string>

namespace punctum::core::photo::detail {

namespace {

constexpr std::array<std::uint8_t, 8> png_magic{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::string megabytes(std::size_t bytes) {
    return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

} // namespace

PhotoResult<void> check_pixels(std::uint64_t width, std::uint64_t height,
                               const ImportLimits& limits) {
    if (width == 0 || height == 0) {
        return fail(PhotoErrc::malformed,
                    "The image header gives a size of zero pixels, so the file is damaged. "
                    "Export the photo again from the camera or phone.");
    }
    if (width * height > limits.max_pixels) {
        return fail(PhotoErrc::too_many_pixels,
                    "The image is " + std::to_string(width) + " x " + std::to_string(height) +
                        " pixels, more than the " + std::to_string(limits.max_pixels / 1'000'000) +
                        " megapixels Punctum accepts. Export it at a smaller size (a phone "
                        "photo of 12-48 megapixels is fine) and import that.");
    }
    return {};
}

PhotoResult<ContainerInfo> parse_container(std::span<const std::uint8_t> file,
                                           const ImportLimits& limits,
                                           std::vector<std::uint8_t>* stripped) {
    if (file.size() > limits.max_bytes) {
        return fail(PhotoErrc::too_large, "The file is " + megabytes(file.size()) +
                                              ", more than the " + megabytes(limits.max_bytes) +
                                              " Punctum accepts for a photo. Export it as a JPEG "
                                              "of a smaller size and import that.");
    }
    if (file.size() >= 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF) {
        return parse_jpeg(file, limits, stripped);
    }
    if (file.size() >= png_magic.size() &&
        std::equal(png_magic.begin(), png_magic.end(), file.begin())) {
        return parse_png(file, limits, stripped);
    }
    if (file.empty()) {
        return fail(PhotoErrc::malformed, "The file is empty. Choose the photo file again.");
    }
    return fail(PhotoErrc::unsupported_format,
                "This is not a JPEG or PNG file (its first bytes say so, whatever its name). "
                "Punctum imports JPEG and PNG photos only: export or convert it to JPEG "
                "(for HEIC, set the phone's camera to 'Most compatible') and import that.");
}

std::vector<std::uint8_t> orientation_only_exif(int orientation) {
    // "MM", 42, IFD at 8; one entry: tag 0x0112 SHORT count 1 value; no next IFD.
    return {'M',  'M',  0, 42, 0, 0, 0, 8, 0, 1,
            0x01, 0x12, 0, 3,  0, 0, 0, 1, 0, static_cast<std::uint8_t>(orientation),
            0,    0,    0, 0,  0, 0};
}

std::uint32_t png_crc(std::span<const std::uint8_t> type_and_data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const auto byte : type_and_data) {
        crc ^= byte;
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

} // namespace punctum::core::photo::detail
