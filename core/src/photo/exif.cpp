// EXIF orientation, read by hand: every offset is checked against the block's size, so
// a hostile block can at worst yield orientation 1.

#include "punctum/core/photo/exif.h"

#include <cstddef>

namespace punctum::core::photo {

namespace {

constexpr std::uint16_t orientation_tag = 0x0112;
constexpr std::uint16_t type_short = 3;
constexpr std::uint16_t type_long = 4;

class TiffReader {
public:
    TiffReader(std::span<const std::uint8_t> data, bool little) : data_(data), little_(little) {}

    [[nodiscard]] bool has(std::size_t offset, std::size_t n) const {
        return offset <= data_.size() && data_.size() - offset >= n;
    }
    [[nodiscard]] std::uint32_t u16(std::size_t o) const {
        const std::uint32_t a = data_[o], b = data_[o + 1];
        return little_ ? (a | (b << 8)) : ((a << 8) | b);
    }
    [[nodiscard]] std::uint32_t u32(std::size_t o) const {
        const std::uint32_t hi = u16(little_ ? o + 2 : o), lo = u16(little_ ? o : o + 2);
        return (hi << 16) | lo;
    }

private:
    std::span<const std::uint8_t> data_;
    bool little_;
};

} // namespace

int exif_orientation(std::span<const std::uint8_t> tiff) noexcept {
    if (tiff.size() < 8) {
        return 1;
    }
    bool little = false;
    if (tiff[0] == 'I' && tiff[1] == 'I') {
        little = true;
    } else if (!(tiff[0] == 'M' && tiff[1] == 'M')) {
        return 1;
    }
    const TiffReader r(tiff, little);
    if (r.u16(2) != 42) {
        return 1;
    }
    const std::size_t ifd = r.u32(4);
    if (!r.has(ifd, 2)) {
        return 1;
    }
    const std::size_t count = r.u16(ifd);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (!r.has(entry, 12)) {
            break;
        }
        if (r.u16(entry) != orientation_tag) {
            continue;
        }
        const auto type = r.u16(entry + 2);
        if (r.u32(entry + 4) < 1) {
            return 1;
        }
        // The value sits in the first bytes of the 4-byte value field.
        const std::uint32_t value = type == type_short  ? r.u16(entry + 8)
                                    : type == type_long ? r.u32(entry + 8)
                                                        : 0;
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

} // namespace punctum::core::photo
