// PNG: a walk over the chunks. Kept: the critical chunks (IHDR, PLTE, IDAT, IEND), which
// are all a decoder needs. Dropped: every ancillary chunk: text (tEXt, zTXt, iTXt, which
// hold XMP and comments), eXIf (read for the orientation first), time, ICC and colour
// chunks, APNG frames, and anything after IEND. CRCs of kept chunks are copied unchanged;
// libpng checks them when decoding.

#include "container.h"

#include "punctum/core/photo/exif.h"

#include <cstring>
#include <string>

namespace punctum::core::photo::detail {

namespace {

constexpr std::size_t signature_size = 8;
constexpr std::uint32_t max_chunk_length = 0x7FFFFFFFu; // the PNG specification's limit

std::uint32_t be32(std::span<const std::uint8_t> f, std::size_t at) {
    return (std::uint32_t{f[at]} << 24) | (std::uint32_t{f[at + 1]} << 16) |
           (std::uint32_t{f[at + 2]} << 8) | std::uint32_t{f[at + 3]};
}

Failure<PhotoError> truncated(std::size_t size) {
    return fail(PhotoErrc::malformed,
                "The PNG file ends too early (after " + std::to_string(size) +
                    " bytes): it is truncated, e.g. by an interrupted copy or download. Copy the "
                    "picture again.");
}

Failure<PhotoError> corrupt(const std::string& what) {
    return fail(PhotoErrc::malformed,
                "The PNG file is damaged (" + what + "). Export the picture again.");
}

bool is_type(std::span<const std::uint8_t> type, const char* name) {
    return std::memcmp(type.data(), name, 4) == 0;
}

} // namespace

PhotoResult<ContainerInfo> parse_png(std::span<const std::uint8_t> f, const ImportLimits& limits,
                                     std::vector<std::uint8_t>* out) {
    if (out != nullptr) {
        out->assign(f.begin(), f.begin() + signature_size);
    }
    ContainerInfo info{ImageFormat::png, 0, 0, 1};
    bool seen_exif = false, seen_idat = false;
    std::size_t pos = signature_size;
    for (int index = 0;; ++index) {
        if (f.size() - pos < 12) {
            return truncated(f.size());
        }
        const std::uint32_t length = be32(f, pos);
        if (length > max_chunk_length) {
            return corrupt("a chunk length above the PNG limit");
        }
        if (f.size() - pos - 12 < length) {
            return truncated(f.size());
        }
        const auto type = f.subspan(pos + 4, 4);
        const auto data = f.subspan(pos + 8, length);
        const auto chunk = f.subspan(pos, std::size_t{length} + 12);
        pos += chunk.size();
        for (const auto c : type) {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return corrupt("a chunk type that is not four letters");
            }
        }
        const bool critical = (type[0] & 0x20) == 0;
        if (index == 0) {
            if (!is_type(type, "IHDR") || length != 13) {
                return corrupt("the header chunk IHDR is missing");
            }
            const std::uint32_t width = be32(data, 0), height = be32(data, 4);
            if (width > max_chunk_length || height > max_chunk_length) {
                return corrupt("a width or height above the PNG limit");
            }
            if (auto r = check_pixels(width, height, limits); !r) {
                return r.failure();
            }
            info.stored_width = static_cast<int>(width);
            info.stored_height = static_cast<int>(height);
        } else if (is_type(type, "IHDR")) {
            return corrupt("a second header chunk");
        } else if (is_type(type, "eXIf")) {
            if (!seen_exif) {
                seen_exif = true;
                info.orientation = exif_orientation(data);
            }
        } else if (is_type(type, "IDAT")) {
            seen_idat = true;
        } else if (critical && !is_type(type, "PLTE") && !is_type(type, "IEND")) {
            // The specification says a decoder must stop at a critical chunk it does not
            // know (Apple's CgBI, for one, changes how the pixels are stored).
            return fail(PhotoErrc::unsupported_format,
                        "This PNG uses a non-standard variant (chunk " +
                            std::string(type.begin(), type.end()) +
                            ") that Punctum does not read. Export it again as an ordinary PNG "
                            "or JPEG.");
        }
        if (critical && out != nullptr) {
            out->insert(out->end(), chunk.begin(), chunk.end());
        }
        if (is_type(type, "IEND")) {
            break;
        }
    }
    if (!seen_idat) {
        return corrupt("no image data chunk (IDAT)");
    }
    return info;
}

} // namespace punctum::core::photo::detail
