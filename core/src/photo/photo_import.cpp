// import_photo and strip_metadata: container walk (limits, orientation, stripping), one
// reduced decode for preview and thumbnail, and the checksum of what is kept.

#include "punctum/core/photo/photo_import.h"

#include "container.h"
#include "cv_image.h"

#include <sodium.h>

namespace punctum::core::photo {

namespace detail {
struct ImportAccess {
    static ImportedPhoto make() { return {}; }
};
} // namespace detail

namespace {

std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> bytes) {
    // libsodium's SHA-256 needs no sodium_init() (it uses no random numbers or CPU
    // dispatch); storage already links libsodium, so the photo module adds no new library.
    std::array<std::uint8_t, 32> digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return digest;
}

PhotoResult<ImportedPhoto> import_checked(std::span<const std::uint8_t> file,
                                          const ImportLimits& limits) {
    ImportedPhoto photo = detail::ImportAccess::make();
    auto info = detail::parse_container(file, limits, &photo.original);
    if (!info) {
        return info.failure();
    }
    photo.format = info->format;
    photo.orientation = info->orientation;
    photo.width = info->displayed_width();
    photo.height = info->displayed_height();

    // Decoding what we keep (not the input) proves the stored original is readable. The
    // reduced decode is the smallest that still fills the preview; libjpeg reads all of the
    // entropy-coded data for it, so a damaged scan is found here at a fraction of the cost
    // of a full decode.
    auto stored = detail::decode_stored(photo.original, *info, preview_long_side);
    if (!stored) {
        return stored.failure();
    }
    detail::apply_orientation(*stored, photo.orientation);
    const cv::Mat preview = detail::fit_long_side(*stored, preview_long_side);
    photo.preview = detail::encode(preview, ".jpg", 90);
    photo.thumbnail =
        detail::encode(detail::fit_long_side(preview, thumbnail_long_side), ".jpg", 85);
    photo.sha256 = sha256(photo.original);
    return photo;
}

} // namespace

PhotoResult<ImportedPhoto> import_photo(std::span<const std::uint8_t> file,
                                        const ImportLimits& limits) {
    return detail::guarded<ImportedPhoto>("Importing the photo",
                                          [&] { return import_checked(file, limits); });
}

PhotoResult<StrippedPhoto> strip_metadata(std::span<const std::uint8_t> file, bool keep_orientation,
                                          const ImportLimits& limits) {
    return detail::guarded<StrippedPhoto>(
        "Stripping the photo's metadata", [&]() -> PhotoResult<StrippedPhoto> {
            StrippedPhoto out;
            auto info = detail::parse_container(file, limits, &out.bytes);
            if (!info) {
                return info.failure();
            }
            out.format = info->format;
            out.orientation = info->orientation;
            out.width = info->displayed_width();
            out.height = info->displayed_height();
            if (!keep_orientation || info->orientation == 1) {
                return out;
            }
            const auto tiff = detail::orientation_only_exif(info->orientation);
            std::vector<std::uint8_t> block;
            if (info->format == ImageFormat::jpeg) {
                // APP1 "Exif\0\0" + TIFF, right after SOI.
                const auto length = static_cast<std::uint8_t>(2 + 6 + tiff.size());
                block = {0xFF, 0xE1, 0, length, 'E', 'x', 'i', 'f', 0, 0};
                block.insert(block.end(), tiff.begin(), tiff.end());
                out.bytes.insert(out.bytes.begin() + 2, block.begin(), block.end());
            } else {
                // An eXIf chunk right after IHDR (8-byte signature + 25-byte IHDR chunk).
                std::vector<std::uint8_t> typed{'e', 'X', 'I', 'f'};
                typed.insert(typed.end(), tiff.begin(), tiff.end());
                const auto crc = detail::png_crc(typed);
                const auto n = static_cast<std::uint8_t>(tiff.size());
                block = {0, 0, 0, n};
                block.insert(block.end(), typed.begin(), typed.end());
                for (const int shift : {24, 16, 8, 0}) {
                    block.push_back(static_cast<std::uint8_t>((crc >> shift) & 0xFFu));
                }
                out.bytes.insert(out.bytes.begin() + 33, block.begin(), block.end());
            }
            return out;
        });
}

} // namespace punctum::core::photo
