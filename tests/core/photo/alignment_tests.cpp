// align_photos: a shifted, rotated copy lines up; unrelated skin does not.

#include "photo_fixtures.h"

#include "punctum/core/photo/alignment.h"
#include "punctum/core/photo/synthetic_photo.h"

#include <cmath>

using namespace punctum::core::photo;
using namespace punctum::test::photo;

namespace {

// `src` rotated by `degrees` about its centre and moved by (dx, dy): dst(p) = src(R^-1 (p - c - t)
// + c).
RgbImage moved(const RgbImage& src, double degrees, double dx, double dy) {
    RgbImage out{src.width, src.height, std::vector<std::uint8_t>(src.rgb.size(), 0)};
    const double t = degrees * 3.14159265358979 / 180, c = std::cos(t), s = std::sin(t);
    const double cx = src.width / 2.0, cy = src.height / 2.0;
    for (int y = 0; y < src.height; ++y) {
        for (int x = 0; x < src.width; ++x) {
            const double px = x - cx - dx, py = y - cy - dy;
            const double sx = c * px + s * py + cx, sy = -s * px + c * py + cy;
            const int x0 = static_cast<int>(std::floor(sx)), y0 = static_cast<int>(std::floor(sy));
            if (x0 < 0 || y0 < 0 || x0 + 1 >= src.width || y0 + 1 >= src.height) {
                continue;
            }
            const double fx = sx - x0, fy = sy - y0;
            for (int ch = 0; ch < 3; ++ch) {
                const auto at = [&](int xx, int yy) {
                    return static_cast<double>(
                        src.rgb[static_cast<std::size_t>(3 * (yy * src.width + xx) + ch)]);
                };
                const double v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
                                 fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
                out.rgb[static_cast<std::size_t>(3 * (y * src.width + x) + ch)] =
                    static_cast<std::uint8_t>(std::lround(v));
            }
        }
    }
    return out;
}

} // namespace

TEST_CASE("photo: a shifted and rotated copy is aligned with good quality", "[photo][align]") {
    SyntheticPhotoSpec spec;
    spec.treated_delta_a = 6;
    const auto before = synthetic_skin_photo(spec);
    const auto decoded = decode_photo(before);
    REQUIRE(decoded.ok());
    const double degrees = 4, dx = 40, dy = -25;
    const auto after = jpeg(moved(*decoded, degrees, dx, dy), 90);

    const auto r = align_photos(before, 1, after, 1);
    REQUIRE(r.ok());
    INFO(r->note);
    REQUIRE(r->aligned);
    CHECK(r->quality > 0.8);
    // The homography takes a point of `after` back to where it was in `before`.
    const auto& h = r->homography;
    const double t = degrees * 3.14159265358979 / 180;
    const double bx = 500, by = 400, cx = 800, cy = 600;
    const double ax = std::cos(t) * (bx - cx) - std::sin(t) * (by - cy) + cx + dx;
    const double ay = std::sin(t) * (bx - cx) + std::cos(t) * (by - cy) + cy + dy;
    const double w = h[6] * ax + h[7] * ay + h[8];
    CHECK(std::abs((h[0] * ax + h[1] * ay + h[2]) / w - bx) < 3.0);
    CHECK(std::abs((h[3] * ax + h[4] * ay + h[5]) / w - by) < 3.0);
}

TEST_CASE("photo: unrelated photos are reported as not aligned", "[photo][align]") {
    SyntheticPhotoSpec one, two;
    two.seed = 7;
    two.skin_a = 16;
    const auto r = align_photos(synthetic_skin_photo(one), 1, synthetic_skin_photo(two), 1);
    REQUIRE(r.ok());
    INFO(r->note);
    CHECK_FALSE(r->aligned);
    CHECK_FALSE(r->note.empty());
    CHECK(r->quality == 0.0);

    const auto flat = jpeg(solid(640, 480, {190, 150, 130}));
    const auto plain = align_photos(flat, 1, flat, 1);
    REQUIRE(plain.ok());
    CHECK_FALSE(plain->aligned);
}

TEST_CASE("photo: alignment of a damaged file is an error, not a crash", "[photo][align]") {
    const auto good = synthetic_skin_photo({});
    const Bytes half(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(good.size() / 2));
    const auto r = align_photos(good, 1, half, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == PhotoErrc::malformed);
}
