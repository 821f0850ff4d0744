#pragma once
// Walking JPEG and PNG containers without decoding pixels: the dimensions in the header
// (checked against the limits before anything is allocated), the EXIF orientation, and a
// copy with every metadata segment or chunk left out.

#include "punctum/core/photo/photo_import.h"

#include <cstdint>
#include <span>
#include <vector>

namespace punctum::core::photo::detail {

/// What the header says. `stored_*` are the dimensions before orientation.
struct ContainerInfo {
    ImageFormat format = ImageFormat::jpeg;
    int stored_width = 0;
    int stored_height = 0;
    int orientation = 1;

    [[nodiscard]] bool swaps_axes() const { return orientation >= 5; }
    [[nodiscard]] int displayed_width() const {
        return swaps_axes() ? stored_height : stored_width;
    }
    [[nodiscard]] int displayed_height() const {
        return swaps_axes() ? stored_width : stored_height;
    }
};

/// Recognises the format by its magic bytes, checks the byte and pixel limits and the
/// container's structure (truncation included). With `stripped`, writes the
/// metadata-free copy there.
[[nodiscard]] PhotoResult<ContainerInfo> parse_container(std::span<const std::uint8_t> file,
                                                         const ImportLimits& limits,
                                                         std::vector<std::uint8_t>* stripped);

[[nodiscard]] PhotoResult<ContainerInfo> parse_jpeg(std::span<const std::uint8_t> file,
                                                    const ImportLimits& limits,
                                                    std::vector<std::uint8_t>* stripped);
[[nodiscard]] PhotoResult<ContainerInfo> parse_png(std::span<const std::uint8_t> file,
                                                   const ImportLimits& limits,
                                                   std::vector<std::uint8_t>* stripped);

/// Refuses dimensions above the limit, with a message that says what to do.
[[nodiscard]] PhotoResult<void> check_pixels(std::uint64_t width, std::uint64_t height,
                                             const ImportLimits& limits);

/// A minimal big-endian TIFF/EXIF block holding only the orientation tag.
[[nodiscard]] std::vector<std::uint8_t> orientation_only_exif(int orientation);

/// CRC-32 as PNG computes it, for the chunks we write ourselves.
[[nodiscard]] std::uint32_t png_crc(std::span<const std::uint8_t> type_and_data);

} // namespace punctum::core::photo::detail
