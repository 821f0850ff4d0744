// JPEG: a walk over the marker segments and the entropy-coded data between them.
//
// Kept: everything the decoder needs (SOF, DHT, DQT, DRI, SOS and scan data), APP0 JFIF
// (rewritten without its thumbnail) and APP14 Adobe (it says whether the data is YCbCr or
// RGB/CMYK; without it colours come out wrong). Dropped: APP1 (EXIF with GPS, serial numbers
// and the embedded thumbnail of the uncropped picture; XMP), APP2 (ICC profiles carry device
// names, and our numbers assume sRGB anyway, as OpenCV ignores ICC; MPF), APP13 (IPTC),
// every other APPn, COM, and anything after EOI (MPF secondary images, maker trailers).
// Stripping copies bytes; the image data is never re-encoded.

#include "container.h"

#include "punctum/core/photo/exif.h"

#include <cstring>
#include <string>
#include <string_view>

namespace punctum::core::photo::detail {

namespace {

constexpr std::uint8_t SOF0 = 0xC0, SOF2 = 0xC2, DHT = 0xC4, JPG = 0xC8, DAC = 0xCC;
constexpr std::uint8_t RST0 = 0xD0, RST7 = 0xD7, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA;
constexpr std::uint8_t APP0 = 0xE0, APP1 = 0xE1, APP14 = 0xEE, COM = 0xFE, TEM = 0x01;

bool starts_with(std::span<const std::uint8_t> data, std::string_view prefix) {
    return data.size() >= prefix.size() &&
           std::memcmp(data.data(), prefix.data(), prefix.size()) == 0;
}

Failure<PhotoError> truncated(std::size_t at, std::size_t size) {
    return fail(PhotoErrc::malformed,
                "The JPEG file ends too early (at byte " + std::to_string(at) + " of " +
                    std::to_string(size) +
                    "): it is truncated, e.g. by an interrupted copy or download. Copy the photo "
                    "again from the camera or phone.");
}

Failure<PhotoError> corrupt(const std::string& what, std::size_t at) {
    return fail(PhotoErrc::malformed, "The JPEG file is damaged (" + what + " at byte " +
                                          std::to_string(at) +
                                          "). Export the photo again from the camera or phone.");
}

bool is_sof(std::uint8_t m) {
    return m >= SOF0 && m <= 0xCF && m != DHT && m != JPG && m != DAC;
}

class JpegWalker {
public:
    JpegWalker(std::span<const std::uint8_t> f, const ImportLimits& limits,
               std::vector<std::uint8_t>* out)
        : f_(f), limits_(limits), out_(out) {}

    PhotoResult<ContainerInfo> run() {
        if (out_ != nullptr) {
            out_->clear();
            out_->reserve(f_.size());
            emit_marker(SOI);
        }
        std::size_t pos = 2;
        while (true) {
            if (pos >= f_.size()) {
                return truncated(pos, f_.size());
            }
            if (f_[pos] != 0xFF) {
                return corrupt("no marker where one must be", pos);
            }
            while (pos < f_.size() && f_[pos] == 0xFF) {
                ++pos; // fill bytes before a marker
            }
            if (pos >= f_.size()) {
                return truncated(pos, f_.size());
            }
            const std::uint8_t marker = f_[pos++];
            if (marker == EOI) {
                break; // what follows EOI is not part of this picture and is dropped
            }
            if (marker == TEM) {
                emit_marker(marker);
                continue;
            }
            if (marker == 0x00 || marker == SOI || (marker >= RST0 && marker <= RST7)) {
                return corrupt("an out-of-place marker", pos - 1);
            }
            if (f_.size() - pos < 2) {
                return truncated(f_.size(), f_.size());
            }
            const std::size_t length = (std::size_t{f_[pos]} << 8) | f_[pos + 1];
            if (length < 2) {
                return corrupt("a segment length below 2", pos);
            }
            if (f_.size() - pos < length) {
                return truncated(f_.size(), f_.size());
            }
            const auto payload = f_.subspan(pos + 2, length - 2);
            const std::size_t end = pos + length;
            if (auto r = segment(marker, payload, pos); !r) {
                return r.failure();
            }
            pos = end;
            if (marker == SOS) {
                auto scan_end = entropy_data_end(pos);
                if (!scan_end) {
                    return scan_end.failure();
                }
                emit(f_.subspan(pos, *scan_end - pos));
                pos = *scan_end;
            }
        }
        if (!seen_sos_) {
            return corrupt("the picture ends before any image data", pos);
        }
        emit_marker(EOI);
        return info_;
    }

private:
    PhotoResult<void> segment(std::uint8_t marker, std::span<const std::uint8_t> payload,
                              std::size_t pos) {
        if (is_sof(marker)) {
            return frame(marker, payload, pos);
        }
        if (marker == SOS && !seen_sof_) {
            return corrupt("image data before the frame header", pos);
        }
        if (marker == APP0) {
            // JFIF: version, units, density kept; the thumbnail (its size is bytes 12-13)
            // is dropped by writing a 16-byte segment with a 0x0 thumbnail.
            if (starts_with(payload, std::string_view("JFIF\0", 5)) && payload.size() >= 14) {
                emit_marker(APP0);
                emit({std::uint8_t{0}, std::uint8_t{16}});
                emit(payload.first(12));
                emit({std::uint8_t{0}, std::uint8_t{0}});
            }
            return {};
        }
        if (marker == APP1) {
            // The first EXIF block holds the camera's orientation; read it, then drop it.
            if (!seen_exif_ && starts_with(payload, std::string_view("Exif\0\0", 6))) {
                seen_exif_ = true;
                info_.orientation = exif_orientation(payload.subspan(6));
            }
            return {};
        }
        if (marker == APP14) {
            if (starts_with(payload, "Adobe")) {
                emit_segment(marker, payload);
            }
            return {};
        }
        if ((marker >= APP0 && marker <= 0xEF) || marker == COM) {
            return {};
        }
        if (marker == SOS) {
            seen_sos_ = true;
        }
        emit_segment(marker, payload);
        return {};
    }

    PhotoResult<void> frame(std::uint8_t marker, std::span<const std::uint8_t> payload,
                            std::size_t pos) {
        if (seen_sof_) {
            return corrupt("a second frame header", pos);
        }
        if (marker > SOF2) {
            return fail(PhotoErrc::unsupported_format,
                        "This JPEG uses a lossless, hierarchical or arithmetic coding that "
                        "Punctum does not read. Save it as an ordinary JPEG or as PNG and "
                        "import that.");
        }
        if (payload.size() < 6) {
            return corrupt("a short frame header", pos);
        }
        const int height = (payload[1] << 8) | payload[2];
        const int width = (payload[3] << 8) | payload[4];
        if (height == 0) {
            // Height 0 means "given later in a DNL marker", which OpenCV cannot decode.
            return fail(PhotoErrc::unsupported_format,
                        "This JPEG does not state its height in its header (a DNL marker), "
                        "which Punctum does not read. Save it again as an ordinary JPEG.");
        }
        if (auto r = check_pixels(static_cast<std::uint64_t>(width),
                                  static_cast<std::uint64_t>(height), limits_);
            !r) {
            return r.failure();
        }
        info_.stored_width = width;
        info_.stored_height = height;
        seen_sof_ = true;
        emit_segment(marker, payload);
        return {};
    }

    // The scan data ends at the first 0xFF that is not stuffing (FF 00), a restart marker
    // (FF D0-D7) or a fill byte.
    PhotoResult<std::size_t> entropy_data_end(std::size_t pos) const {
        const auto* base = f_.data();
        while (true) {
            const void* hit = std::memchr(base + pos, 0xFF, f_.size() - pos);
            if (hit == nullptr) {
                return truncated(f_.size(), f_.size());
            }
            const auto at = static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - base);
            if (at + 1 >= f_.size()) {
                return truncated(f_.size(), f_.size());
            }
            const std::uint8_t next = f_[at + 1];
            if (next == 0x00 || (next >= RST0 && next <= RST7)) {
                pos = at + 2;
            } else if (next == 0xFF) {
                pos = at + 1;
            } else {
                return at;
            }
        }
    }

    void emit(std::span<const std::uint8_t> bytes) {
        if (out_ != nullptr) {
            out_->insert(out_->end(), bytes.begin(), bytes.end());
        }
    }
    void emit(std::initializer_list<std::uint8_t> bytes) {
        if (out_ != nullptr) {
            out_->insert(out_->end(), bytes);
        }
    }
    void emit_marker(std::uint8_t marker) { emit({std::uint8_t{0xFF}, marker}); }
    void emit_segment(std::uint8_t marker, std::span<const std::uint8_t> payload) {
        const std::size_t length = payload.size() + 2;
        emit_marker(marker);
        emit({static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length & 0xFF)});
        emit(payload);
    }

    std::span<const std::uint8_t> f_;
    const ImportLimits& limits_;
    std::vector<std::uint8_t>* out_;
    ContainerInfo info_{};
    bool seen_sof_ = false;
    bool seen_sos_ = false;
    bool seen_exif_ = false;
};

} // namespace

PhotoResult<ContainerInfo> parse_jpeg(std::span<const std::uint8_t> file,
                                      const ImportLimits& limits,
                                      std::vector<std::uint8_t>* stripped) {
    return JpegWalker(file, limits, stripped).run();
}

} // namespace punctum::core::photo::detail
