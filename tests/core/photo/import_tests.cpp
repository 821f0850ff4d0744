// import_photo and strip_metadata: what is removed, what is kept, what is refused.

#include "photo_fixtures.h"

#include "punctum/core/photo/exif.h"

using namespace punctum::core::photo;
using namespace punctum::test::photo;

namespace {

// A 64 x 32 picture with a red block at the stored top-left corner and a green one at the
// stored top-right corner, so that each orientation puts them somewhere recognisable.
RgbImage marked() {
    auto img = solid(64, 32, {128, 128, 128});
    fill(img, 0, 0, 16, 16, {230, 20, 20});
    fill(img, 48, 0, 16, 16, {20, 200, 20});
    return img;
}

constexpr Rgb red{230, 20, 20}, green{20, 200, 20};

} // namespace

TEST_CASE("photo: import strips EXIF with GPS and thumbnail, XMP, ICC, IPTC, comments, trailer",
          "[photo][import]") {
    const Bytes plain = jpeg(marked());
    const Bytes file = with_phone_metadata(plain, 1);
    REQUIRE(contains(file, "GPS"));
    REQUIRE(contains(file, "Exif"));

    const auto imported = import_photo(file);
    REQUIRE(imported.ok());
    for (const Bytes* out : {&imported->original, &imported->preview, &imported->thumbnail}) {
        const auto markers = jpeg_markers(*out);
        CHECK(std::count(markers.begin(), markers.end(), std::uint8_t{0xE1}) == 0); // EXIF, XMP
        CHECK(std::count(markers.begin(), markers.end(), std::uint8_t{0xE2}) == 0); // ICC
        CHECK(std::count(markers.begin(), markers.end(), std::uint8_t{0xED}) == 0); // IPTC
        CHECK(std::count(markers.begin(), markers.end(), std::uint8_t{0xFE}) == 0); // COM
        CHECK_FALSE(contains(*out, "GPS"));
        CHECK_FALSE(contains(*out, "Exif"));
        CHECK_FALSE(contains(*out, "PunctumCam"));
        CHECK_FALSE(contains(*out, "xmpmeta"));
        CHECK_FALSE(contains(*out, "trailing"));
        // The embedded thumbnail (a second SOI) is gone: one picture per file.
        const Bytes soi{0xFF, 0xD8, 0xFF};
        CHECK(std::search(out->begin() + 1, out->end(), soi.begin(), soi.end()) == out->end());
    }
    // Lossless: the stripped original is exactly the plain encoding (OpenCV writes only
    // JFIF APP0, which we keep).
    CHECK(imported->original == plain);
    CHECK(imported->format == ImageFormat::jpeg);
}

TEST_CASE("photo: the JFIF thumbnail is dropped, APP0 and APP14 Adobe kept", "[photo][import]") {
    const Bytes plain = jpeg(marked());
    // JFIF APP0 with a 2x1 RGB thumbnail (6 bytes of pixels), then an Adobe APP14.
    Bytes app0 =
        text_payload(std::string_view("JFIF\0\x01\x02\x00\x00\x01\x00\x01\x02\x01", 14), "THUMBS");
    Bytes adobe = text_payload("Adobe", std::string_view("\x00\x64\x00\x00\x00\x00\x01", 7));
    Bytes file(plain.begin(), plain.begin() + 2);
    for (const auto& s : {segment(0xE0, app0), segment(0xEE, adobe)}) {
        file.insert(file.end(), s.begin(), s.end());
    }
    file.insert(file.end(), plain.begin() + 2, plain.end());
    const auto imported = import_photo(file);
    REQUIRE(imported.ok());
    CHECK_FALSE(contains(imported->original, "THUMBS"));
    CHECK(contains(imported->original, "Adobe"));
    const auto markers = jpeg_markers(imported->original);
    REQUIRE(markers.size() >= 2);
    CHECK(markers[0] == 0xE0);
    CHECK(markers[1] == 0xEE);
}

TEST_CASE("photo: each EXIF orientation is honoured in size and pixels", "[photo][import]") {
    // Where the stored top-left (red) and top-right (green) corners end up when displayed:
    // 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left.
    struct Case {
        int orientation;
        int red_corner, green_corner;
    };
    const auto c = GENERATE(Case{1, 0, 1}, Case{2, 1, 0}, Case{3, 2, 3}, Case{4, 3, 2},
                            Case{5, 0, 3}, Case{6, 1, 2}, Case{7, 2, 1}, Case{8, 3, 0});
    const bool little = GENERATE(true, false);
    CAPTURE(c.orientation, little);
    const auto imported = import_photo(with_phone_metadata(jpeg(marked()), c.orientation, little));
    REQUIRE(imported.ok());
    CHECK(imported->orientation == c.orientation);
    const bool swapped = c.orientation >= 5;
    CHECK(imported->width == (swapped ? 32 : 64));
    CHECK(imported->height == (swapped ? 64 : 32));

    const auto corner = [](const RgbImage& img, int which) {
        const int m = img.width / 16; // a few pixels in from the corner, in the block
        const int x = (which == 1 || which == 2) ? img.width - 1 - m : m;
        const int y = (which == 2 || which == 3) ? img.height - 1 - m : m;
        return pixel(img, x, y);
    };
    for (const auto& [bytes, orientation] :
         {std::pair{imported->original, imported->orientation}, std::pair{imported->preview, 1},
          std::pair{imported->thumbnail, 1}}) {
        const auto shown = decode_photo(bytes, orientation);
        REQUIRE(shown.ok());
        CHECK(shown->width == imported->width);
        CHECK(shown->height == imported->height);
        CHECK(near(corner(*shown, c.red_corner), red));
        CHECK(near(corner(*shown, c.green_corner), green));
    }
}

TEST_CASE("photo: PNG keeps only critical chunks and reads eXIf orientation", "[photo][import]") {
    Bytes file = png(marked());
    // tEXt and eXIf after IHDR (8-byte signature + 25-byte IHDR); libpng checks CRCs only of
    // the chunks it reads, and these are dropped before decoding.
    const auto chunk = [](std::string_view type, const Bytes& data) {
        const auto n = static_cast<std::uint32_t>(data.size());
        Bytes c{static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
        append(c, type);
        c.insert(c.end(), data.begin(), data.end());
        c.insert(c.end(), {0, 0, 0, 0});
        return c;
    };
    const Bytes text = chunk("tEXt", text_payload(std::string_view("Comment\0", 8), "GPS 51N"));
    const Bytes exif = chunk("eXIf", exif_tiff(6, false, {}));
    file.insert(file.begin() + 33, exif.begin(), exif.end());
    file.insert(file.begin() + 33, text.begin(), text.end());
    const auto imported = import_photo(file);
    REQUIRE(imported.ok());
    CHECK(imported->format == ImageFormat::png);
    CHECK(imported->orientation == 6);
    CHECK(imported->width == 32);
    CHECK(imported->height == 64);
    CHECK_FALSE(contains(imported->original, "tEXt"));
    CHECK_FALSE(contains(imported->original, "eXIf"));
    CHECK_FALSE(contains(imported->original, "GPS"));
    CHECK(imported->original == png(marked()));
}

TEST_CASE("photo: strip_metadata can keep only the orientation", "[photo][import]") {
    const Bytes file = with_phone_metadata(jpeg(marked()), 6);
    const auto bare = strip_metadata(file);
    REQUIRE(bare.ok());
    CHECK_FALSE(contains(bare->bytes, "Exif"));
    const auto upright = strip_metadata(file, true);
    REQUIRE(upright.ok());
    CHECK_FALSE(contains(upright->bytes, "GPS"));
    CHECK_FALSE(contains(upright->bytes, "PunctumCam"));
    CHECK(upright->bytes.size() == bare->bytes.size() + 36);
    const auto again = import_photo(upright->bytes);
    REQUIRE(again.ok());
    CHECK(again->orientation == 6);
    CHECK(again->original == bare->bytes);
}

TEST_CASE("photo: refused files say why, with the right code", "[photo][import]") {
    const Bytes good = jpeg(marked());
    const auto code = [](const Bytes& file, const ImportLimits& limits = {}) {
        const auto r = import_photo(file, limits);
        REQUIRE_FALSE(r.ok());
        CHECK_FALSE(r.error().message.empty());
        return r.error().code;
    };
    SECTION("truncated JPEG") {
        for (const std::size_t keep :
             {good.size() - 2, good.size() / 2, std::size_t{4}, std::size_t{200}}) {
            CAPTURE(keep);
            CHECK(code(Bytes(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(keep))) ==
                  PhotoErrc::malformed);
        }
    }
    SECTION("truncated PNG") {
        const Bytes p = png(marked());
        CHECK(code(Bytes(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(p.size() - 20))) ==
              PhotoErrc::malformed);
    }
    SECTION("not an image") {
        Bytes gif;
        append(gif, "GIF89a\x10\x00\x10\x00");
        CHECK(code(gif) == PhotoErrc::unsupported_format);
        Bytes text;
        append(text, "{\"not\": \"a photo\"}");
        CHECK(code(text) == PhotoErrc::unsupported_format);
        CHECK(code({}) == PhotoErrc::malformed);
    }
    SECTION("JPEG magic followed by garbage") {
        Bytes junk{0xFF, 0xD8, 0xFF};
        for (int i = 0; i < 500; ++i) {
            junk.push_back(static_cast<std::uint8_t>((i * 7919) % 251));
        }
        CHECK(code(junk) == PhotoErrc::malformed);
    }
    SECTION("scan data replaced by garbage with the markers intact") {
        Bytes broken = good;
        // Overwrite the entropy-coded data (between SOS and EOI) with FF bytes followed by
        // an invalid marker: the walker sees structure damage.
        const Bytes sos_marker{0xFF, 0xDA};
        const auto sos =
            std::search(broken.begin(), broken.end(), sos_marker.begin(), sos_marker.end());
        REQUIRE(sos != broken.end());
        std::fill(sos + 20, sos + 40, std::uint8_t{0xFF});
        *(sos + 40) = 0x00; // FF 00 is stuffing, then more bytes
        *(sos + 41) = 0xFF;
        *(sos + 42) = 0xD8; // a second SOI inside the data
        CHECK(code(broken) == PhotoErrc::malformed);
    }
    SECTION("huge dimensions in the JPEG frame header") {
        Bytes huge = good;
        const auto sof = std::find_if(huge.begin(), huge.end() - 1, [&](const std::uint8_t& b) {
            return b == 0xFF && (&b)[1] == 0xC0;
        });
        REQUIRE(sof != huge.end() - 1);
        // FF C0 len(2) precision(1) height(2) width(2): 65000 x 65000.
        *(sof + 5) = 0xFD;
        *(sof + 6) = 0xE8;
        *(sof + 7) = 0xFD;
        *(sof + 8) = 0xE8;
        CHECK(code(huge) == PhotoErrc::too_many_pixels);
    }
    SECTION("huge dimensions in the PNG header") {
        Bytes huge = png(marked());
        // IHDR data starts at 16: width then height, big-endian. 100000 x 100000.
        for (const std::size_t at : {std::size_t{16}, std::size_t{20}}) {
            huge[at] = 0;
            huge[at + 1] = 0x01;
            huge[at + 2] = 0x86;
            huge[at + 3] = 0xA0;
        }
        CHECK(code(huge) == PhotoErrc::too_many_pixels);
    }
    SECTION("over the pixel limit") {
        CHECK(code(good, ImportLimits{40u << 20, 64 * 32 - 1}) == PhotoErrc::too_many_pixels);
        CHECK(import_photo(good, ImportLimits{40u << 20, 64 * 32}).ok());
    }
    SECTION("over the byte limit") {
        CHECK(code(good, ImportLimits{good.size() - 1, 60'000'000}) == PhotoErrc::too_large);
        Bytes big = good;
        big.resize((40u << 20) + 1, 0);
        CHECK(code(big) == PhotoErrc::too_large);
    }
}

TEST_CASE("photo: import is deterministic", "[photo][import]") {
    const Bytes file = with_phone_metadata(jpeg(marked()), 3);
    const auto a = import_photo(file);
    const auto b = import_photo(file);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->original == b->original);
    CHECK(a->preview == b->preview);
    CHECK(a->thumbnail == b->thumbnail);
    CHECK(a->sha256 == b->sha256);
    // SHA-256 of the original, not of the input.
    CHECK(a->sha256 != std::array<std::uint8_t, 32>{});
    const auto plain = import_photo(jpeg(marked()));
    REQUIRE(plain.ok());
    CHECK(plain->sha256 == a->sha256);
}

TEST_CASE("photo: preview and thumbnail sizes for a large picture", "[photo][import]") {
    const auto imported = import_photo(jpeg(solid(4000, 3000, {180, 140, 120}), 80));
    REQUIRE(imported.ok());
    const auto preview = decode_photo(imported->preview);
    const auto thumb = decode_photo(imported->thumbnail);
    REQUIRE(preview.ok());
    REQUIRE(thumb.ok());
    CHECK(preview->width == 1600);
    CHECK(preview->height == 1200);
    CHECK(thumb->width == 256);
    CHECK(thumb->height == 192);
}
