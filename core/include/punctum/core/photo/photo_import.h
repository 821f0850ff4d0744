#pragma once
// Importing a photo: JPEG or PNG within size limits, every piece of metadata stripped
// (EXIF with GPS and its thumbnail, XMP, IPTC, comments, trailing data), the EXIF
// orientation kept as a field of its own, plus a preview and a thumbnail to show.

#include "punctum/core/photo/photo_error.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace punctum::core::photo {

/// What import_photo accepts. The pixel limit is checked on the header, before decoding.
struct ImportLimits {
    std::size_t max_bytes = 40u * 1024 * 1024;
    std::uint64_t max_pixels = 60'000'000;
};

/// The containers we read, recognised by their magic bytes, never by a file name.
enum class ImageFormat { jpeg, png };

namespace detail {
struct ImportAccess; // photo_import.cpp: the one place an ImportedPhoto is made
}

/// A photo ready to be stored: a metadata-free original and the pictures shown in lists.
/// Only import_photo makes one (the constructor is private), so whoever holds one holds a
/// checked, stripped photo: storage stores nothing else, and the file it came from can be
/// dropped as soon as it is made.
class ImportedPhoto {
public:
    ImageFormat format = ImageFormat::jpeg;
    /// Full resolution, metadata stripped. JPEG: segments removed losslessly, no re-encode.
    /// PNG: only critical chunks (IHDR, PLTE, IDAT, IEND).
    std::vector<std::uint8_t> original;
    /// EXIF orientation 1..8, read before stripping; pass it to every decode of `original`.
    int orientation = 1;
    int width = 0; ///< as displayed, i.e. after orientation
    int height = 0;
    std::vector<std::uint8_t> preview;     ///< JPEG q90, long side <= 1600 px, upright
    std::vector<std::uint8_t> thumbnail;   ///< JPEG, long side <= 256 px, upright
    std::array<std::uint8_t, 32> sha256{}; ///< of `original`

private:
    ImportedPhoto() = default;
    friend struct detail::ImportAccess;
};

inline constexpr int preview_long_side = 1600;
inline constexpr int thumbnail_long_side = 256;

/// Checks, strips and previews a photo file. Never throws.
[[nodiscard]] PhotoResult<ImportedPhoto> import_photo(std::span<const std::uint8_t> file,
                                                      const ImportLimits& limits = {});

/// A file with its metadata removed (see strip_metadata).
struct StrippedPhoto {
    ImageFormat format = ImageFormat::jpeg;
    std::vector<std::uint8_t> bytes;
    int orientation = 1;
    int width = 0; ///< as displayed
    int height = 0;
};

/// The stripping step of import_photo alone: checks the container (not the pixels) and
/// removes all metadata without re-encoding. With `keep_orientation` and an orientation
/// other than 1, a minimal EXIF block holding only that tag is written back (JPEG APP1 or
/// PNG eXIf) so that a viewer still shows the picture upright; it carries nothing else.
[[nodiscard]] PhotoResult<StrippedPhoto> strip_metadata(std::span<const std::uint8_t> file,
                                                        bool keep_orientation = false,
                                                        const ImportLimits& limits = {});

} // namespace punctum::core::photo
