#pragma once
// Test pictures made in the test: plain RGB images, JPEG/PNG encodings of them, and the
// metadata a phone writes (EXIF with GPS and a thumbnail, XMP, IPTC, comments), built by
// hand so we know exactly what must disappear.

#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/rgb_image.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::test::photo {

using Bytes = std::vector<std::uint8_t>;
using Rgb = std::array<std::uint8_t, 3>;

inline core::photo::RgbImage solid(int w, int h, Rgb colour) {
    core::photo::RgbImage img{w, h, {}};
    for (int i = 0; i < w * h; ++i) {
        img.rgb.insert(img.rgb.end(), colour.begin(), colour.end());
    }
    return img;
}

inline void fill(core::photo::RgbImage& img, int x0, int y0, int w, int h, Rgb colour) {
    for (int y = y0; y < y0 + h; ++y) {
        for (int x = x0; x < x0 + w; ++x) {
            const auto at = static_cast<std::size_t>(3 * (y * img.width + x));
            std::copy(colour.begin(), colour.end(),
                      img.rgb.begin() + static_cast<std::ptrdiff_t>(at));
        }
    }
}

inline Rgb pixel(const core::photo::RgbImage& img, int x, int y) {
    const auto at = static_cast<std::size_t>(3 * (y * img.width + x));
    return {img.rgb[at], img.rgb[at + 1], img.rgb[at + 2]};
}

/// Within `tol` per channel: JPEG moves colours a little.
inline bool near(Rgb a, Rgb b, int tol = 40) {
    for (std::size_t i = 0; i < 3; ++i) {
        if (std::abs(int{a[i]} - int{b[i]}) > tol) {
            return false;
        }
    }
    return true;
}

inline Bytes jpeg(const core::photo::RgbImage& img, int quality = 95) {
    auto r = core::photo::encode_jpeg(img, quality);
    REQUIRE(r.ok());
    return std::move(r).value();
}

inline Bytes png(const core::photo::RgbImage& img) {
    auto r = core::photo::encode_png(img);
    REQUIRE(r.ok());
    return std::move(r).value();
}

inline void append(Bytes& out, std::string_view text) {
    out.insert(out.end(), text.begin(), text.end());
}

/// A TIFF block as a phone writes it: IFD0 with Orientation, Make and a GPS IFD pointer,
/// the GPS IFD (latitude ref, processing method "GPS"), IFD1 with an embedded thumbnail.
inline Bytes exif_tiff(int orientation, bool little_endian, const Bytes& thumbnail) {
    Bytes t;
    auto u16 = [&](std::uint32_t v) {
        const std::uint8_t lo = static_cast<std::uint8_t>(v & 0xFF),
                           hi = static_cast<std::uint8_t>((v >> 8) & 0xFF);
        if (little_endian) {
            t.insert(t.end(), {lo, hi});
        } else {
            t.insert(t.end(), {hi, lo});
        }
    };
    auto u32 = [&](std::uint32_t v) {
        if (little_endian) {
            u16(v & 0xFFFF);
            u16(v >> 16);
        } else {
            u16(v >> 16);
            u16(v & 0xFFFF);
        }
    };
    auto entry = [&](std::uint32_t tag, std::uint32_t type, std::uint32_t count,
                     std::uint32_t value, bool short_value = false) {
        u16(tag);
        u16(type);
        u32(count);
        if (short_value) {
            u16(value);
            u16(0);
        } else {
            u32(value);
        }
    };
    append(t, little_endian ? "II" : "MM");
    u16(42);
    u32(8);
    // IFD0 at 8: 3 entries, ends at 50; Make text at 50..66; GPS IFD at 66.
    u16(3);
    entry(0x0112, 3, 1, static_cast<std::uint32_t>(orientation), true);
    entry(0x010F, 2, 16, 50);
    entry(0x8825, 4, 1, 66);
    u32(112); // IFD1
    append(t, std::string_view("PunctumCam X100\0", 16));
    // GPS IFD at 66: 2 entries, ends at 96; processing method text at 96..112.
    u16(2);
    entry(0x0001, 2, 2, little_endian ? 'N' : (std::uint32_t{'N'} << 24));
    entry(0x001B, 7, 16, 96);
    u32(0);
    append(t, std::string_view("ASCII\0\0\0GPS home", 16));
    // IFD1 at 112: the thumbnail at 142.
    u16(2);
    entry(0x0201, 4, 1, 142);
    entry(0x0202, 4, 1, static_cast<std::uint32_t>(thumbnail.size()));
    u32(0);
    t.insert(t.end(), thumbnail.begin(), thumbnail.end());
    return t;
}

inline Bytes segment(std::uint8_t marker, const Bytes& payload) {
    Bytes s{0xFF, marker, static_cast<std::uint8_t>((payload.size() + 2) >> 8),
            static_cast<std::uint8_t>((payload.size() + 2) & 0xFF)};
    s.insert(s.end(), payload.begin(), payload.end());
    return s;
}

inline Bytes text_payload(std::string_view prefix, std::string_view text) {
    Bytes p;
    append(p, prefix);
    append(p, text);
    return p;
}

/// `plain` with a phone's metadata inserted after SOI: EXIF (orientation, GPS, thumbnail),
/// XMP, ICC, IPTC and a comment; plus a trailer after EOI.
inline Bytes with_phone_metadata(const Bytes& plain, int orientation, bool little_endian = true) {
    const Bytes thumb = jpeg(solid(16, 16, {200, 10, 10}), 50);
    Bytes exif = text_payload(std::string_view("Exif\0\0", 6), "");
    const auto tiff = exif_tiff(orientation, little_endian, thumb);
    exif.insert(exif.end(), tiff.begin(), tiff.end());
    Bytes out(plain.begin(), plain.begin() + 2);
    for (const auto& s :
         {segment(0xE1, exif),
          segment(0xE1, text_payload(std::string_view("http://ns.adobe.com/xap/1.0/\0", 29),
                                     "<x:xmpmeta><exif:GPSLatitude>51,30N</exif:GPSLatitude>"
                                     "</x:xmpmeta>")),
          segment(0xE2, text_payload(std::string_view("ICC_PROFILE\0", 12), "\x01\x01PunctumCam")),
          segment(0xED, text_payload(std::string_view("Photoshop 3.0\0", 14),
                                     "8BIM\x04\x04 IPTC caption GPS")),
          segment(0xFE, text_payload("", "Comment: taken at home, GPS on"))}) {
        out.insert(out.end(), s.begin(), s.end());
    }
    out.insert(out.end(), plain.begin() + 2, plain.end());
    append(out, "trailing Exif GPS data after EOI");
    return out;
}

/// True when `bytes` contain `needle` anywhere.
inline bool contains(const Bytes& bytes, std::string_view needle) {
    return std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end()) != bytes.end();
}

/// The markers of a JPEG's segments up to the first SOS.
inline std::vector<std::uint8_t> jpeg_markers(const Bytes& j) {
    std::vector<std::uint8_t> markers;
    std::size_t pos = 2;
    while (pos + 4 <= j.size() && j[pos] == 0xFF) {
        const std::uint8_t m = j[pos + 1];
        markers.push_back(m);
        if (m == 0xDA) {
            break;
        }
        pos += 2 + ((std::size_t{j[pos + 2]} << 8) | j[pos + 3]);
    }
    return markers;
}

} // namespace punctum::test::photo
