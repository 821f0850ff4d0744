#pragma once
// The one EXIF field we read: orientation. Parsed by hand, bounds-checked, both byte orders.

#include <cstdint>
#include <span>

namespace punctum::core::photo {

/// The orientation (1..8) in a TIFF-structured EXIF block (starting at "II*\0" or "MM\0*",
/// i.e. after JPEG's "Exif\0\0", or a PNG eXIf chunk's data). 1 when absent or invalid.
[[nodiscard]] int exif_orientation(std::span<const std::uint8_t> tiff) noexcept;

} // namespace punctum::core::photo
