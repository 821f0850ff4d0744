// warp_to_before: the after photo lands in the before frame, at the before photo's size
// (or a scaled-down copy of it), and an aligned pair then agrees pixel for pixel.

#include "photo_fixtures.h"

#include "punctum/core/photo/alignment.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/core/photo/warp.h"

#include <cmath>
#include <cstdlib>

using namespace punctum::core::photo;
using namespace punctum::test::photo;

namespace {

// `src` moved right by `dx` and down by `dy` whole pixels; uncovered pixels are black.
RgbImage shifted(const RgbImage& src, int dx, int dy) {
    RgbImage out{src.width, src.height, std::vector<std::uint8_t>(src.rgb.size(), 0)};
    for (int y = 0; y < src.height; ++y) {
        for (int x = 0; x < src.width; ++x) {
            const int sx = x - dx, sy = y - dy;
            if (sx < 0 || sy < 0 || sx >= src.width || sy >= src.height) {
                continue;
            }
            for (int ch = 0; ch < 3; ++ch) {
                out.rgb[static_cast<std::size_t>(3 * (y * src.width + x) + ch)] =
                    src.rgb[static_cast<std::size_t>(3 * (sy * src.width + sx) + ch)];
            }
        }
    }
    return out;
}

// Mean absolute difference over the centre half of two same-sized pictures.
double centre_difference(const RgbImage& a, const RgbImage& b) {
    double sum = 0;
    long n = 0;
    for (int y = a.height / 4; y < 3 * a.height / 4; ++y) {
        for (int x = a.width / 4; x < 3 * a.width / 4; ++x) {
            for (int ch = 0; ch < 3; ++ch) {
                const auto i = static_cast<std::size_t>(3 * (y * a.width + x) + ch);
                sum += std::abs(static_cast<int>(a.rgb[i]) - static_cast<int>(b.rgb[i]));
                ++n;
            }
        }
    }
    return sum / static_cast<double>(n);
}

} // namespace

TEST_CASE("photo: the warped after photo has the before photo's size and lines up",
          "[photo][warp]") {
    SyntheticPhotoSpec spec;
    spec.width = 1200;
    spec.height = 900;
    spec.treated_delta_a = 6;
    spec.with_chart = true;
    const auto before = synthetic_skin_photo(spec);
    const auto decoded = decode_photo(before);
    REQUIRE(decoded.ok());
    const auto after = jpeg(shifted(*decoded, 30, -20), 92);

    const auto alignment = align_photos(before, 1, after, 1);
    REQUIRE(alignment.ok());
    INFO(alignment->note);
    REQUIRE(alignment->aligned);

    SECTION("at full size") {
        const auto warped = warp_to_before(after, 1, *alignment, 1200, 900);
        REQUIRE(warped.ok());
        CHECK(warped->width == 1200);
        CHECK(warped->height == 900);
        const double aligned_gap = centre_difference(*decoded, *warped);
        const auto unwarped = decode_photo(after);
        REQUIRE(unwarped.ok());
        const double raw_gap = centre_difference(*decoded, *unwarped);
        INFO("aligned " << aligned_gap << " vs raw " << raw_gap);
        CHECK(aligned_gap < raw_gap / 2);
        CHECK(aligned_gap < 6.0);
    }
    SECTION("scaled to a preview's long side") {
        const auto warped = warp_to_before(after, 1, *alignment, 1200, 900, 600);
        REQUIRE(warped.ok());
        CHECK(warped->width == 600);
        CHECK(warped->height == 450);
        const auto small = decode_photo(before, 1, 600);
        REQUIRE(small.ok());
        CHECK(centre_difference(*small, *warped) < 6.0);
    }
}

TEST_CASE("photo: warping refuses a before frame without a size or a file that is no photo",
          "[photo][warp]") {
    const auto after = jpeg(solid(64, 48, {200, 150, 130}), 90);
    CHECK_FALSE(warp_to_before(after, 1, Alignment{}, 0, 48).ok());
    const Bytes junk{'n', 'o', 't', ' ', 'a', ' ', 'p', 'h', 'o', 't', 'o'};
    const auto r = warp_to_before(junk, 1, Alignment{}, 64, 48);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    // Not aligned: the identity, still in the before frame's size.
    const auto same = warp_to_before(after, 1, Alignment{}, 64, 48);
    REQUIRE(same.ok());
    CHECK(same->width == 64);
    CHECK(same->height == 48);
}
