// analyze_redness on synthetic photos of known CIELAB colour, noise and JPEG compression.

#include "photo_fixtures.h"

#include "punctum/core/photo/redness.h"
#include "punctum/core/photo/synthetic_photo.h"

#include <cmath>

using namespace punctum::core::photo;
using namespace punctum::test::photo;

namespace {

RednessAnalysis analyse(const SyntheticPhotoSpec& spec, RednessOptions options = {}) {
    const auto photo = synthetic_skin_photo(spec);
    REQUIRE_FALSE(photo.empty());
    auto r = analyze_redness(photo, 1, synthetic_treated_region(spec),
                             synthetic_reference_region(spec), options);
    INFO((r.ok() ? std::string() : r.error().message));
    REQUIRE(r.ok());
    return r.value();
}

} // namespace

TEST_CASE("photo: a* of skin of known colour is measured within 1.0", "[photo][redness]") {
    struct Skin {
        double L, a, b;
    };
    const auto skin = GENERATE(Skin{65, 12, 18}, Skin{75, 8, 14}, Skin{42, 14, 22});
    const double delta = GENERATE(0.0, 4.0, 9.0);
    SyntheticPhotoSpec spec;
    spec.skin_L = skin.L;
    spec.skin_a = skin.a;
    spec.skin_b = skin.b;
    spec.treated_delta_a = delta;
    spec.noise = 3.0;
    spec.jpeg_quality = 85;
    CAPTURE(skin.L, skin.a, skin.b, delta);
    const auto r = analyse(spec);
    CAPTURE(r.a_star_median, r.reference_a_star_median, r.delta_a_star);
    CHECK_FALSE(r.calibrated);
    CHECK(std::abs(r.a_star_median - (skin.a + delta)) < 1.0);
    CHECK(std::abs(r.reference_a_star_median - skin.a) < 1.0);
    CHECK(std::abs(r.delta_a_star - delta) < 1.0);
    CHECK(r.a_star_p90 >= r.a_star_median);
    CHECK(r.a_star_p90 < r.a_star_median + 6);
    // ITA of the reference from its L* and b*.
    const double ita = std::atan((skin.L - 50) / skin.b) * 180 / 3.14159265358979;
    CHECK(std::abs(r.ita_deg - ita) < 3.0);
    CHECK(r.width == 1600);
    CHECK(r.height == 1200);
    CHECK(r.pixels_used > 50'000);
}

TEST_CASE("photo: erythema index rises with redness", "[photo][redness]") {
    SyntheticPhotoSpec calm, red;
    red.treated_delta_a = 10;
    const auto a = analyse(calm, {false, 1600});
    const auto b = analyse(red, {false, 1600});
    CAPTURE(a.erythema_index, b.erythema_index);
    CHECK(b.erythema_index > a.erythema_index + 5);
    CHECK(a.erythema_index > 0); // skin: more red than green light
}

TEST_CASE("photo: highlights and hair in the region are left out", "[photo][redness]") {
    // Flat skin (sRGB 200,150,130) with, inside the region, a specular spot (white) and
    // dark hairs: the median must not move, and fewer pixels are used.
    auto img = solid(800, 600, {200, 150, 130});
    auto spotted = img;
    fill(spotted, 300, 200, 80, 80, {255, 255, 255});
    for (int x = 260; x < 540; x += 20) {
        fill(spotted, x, 180, 3, 240, {40, 30, 25});
    }
    const auto roi = Region::rectangle(250, 170, 300, 260);
    const auto ref = Region::rectangle(20, 20, 150, 150);
    const auto clean = analyze_redness(jpeg(img, 95), 1, roi, ref);
    const auto noisy = analyze_redness(jpeg(spotted, 95), 1, roi, ref);
    REQUIRE(clean.ok());
    REQUIRE(noisy.ok());
    CAPTURE(clean->a_star_median, noisy->a_star_median, clean->pixels_used, noisy->pixels_used);
    CHECK(std::abs(clean->a_star_median - noisy->a_star_median) < 0.5);
    CHECK(noisy->pixels_used < clean->pixels_used * 85 / 100);
}

TEST_CASE("photo: a warm cast is corrected from a ColorChecker in the frame", "[photo][redness]") {
    SyntheticPhotoSpec spec;
    spec.with_chart = true;
    spec.warm_cast = 0.15;
    spec.treated_delta_a = 5;
    const double truth = spec.skin_a + spec.treated_delta_a;
    const auto raw = analyse(spec, {false, 1600});
    const auto corrected = analyse(spec);
    CAPTURE(raw.a_star_median, corrected.a_star_median, corrected.reference_a_star_median);
    CHECK_FALSE(raw.calibrated);
    CHECK(corrected.calibrated);
    // The cast moves a* by more than real erythema would; the chart brings it back.
    CHECK(raw.a_star_median - truth > 3.0);
    CHECK(std::abs(corrected.a_star_median - truth) < 2.0);
    CHECK(std::abs(corrected.reference_a_star_median - spec.skin_a) < 2.0);
    CHECK(std::abs(corrected.delta_a_star - spec.treated_delta_a) < 1.0);
}

TEST_CASE("photo: regions outside the photo or too small are refused", "[photo][redness]") {
    const SyntheticPhotoSpec spec;
    const auto photo = synthetic_skin_photo(spec);
    const auto ref = synthetic_reference_region(spec);
    const auto code = [&](const Region& roi, const Region& reference) {
        const auto r = analyze_redness(photo, 1, roi, reference, {false, 1600});
        REQUIRE_FALSE(r.ok());
        CHECK_FALSE(r.error().message.empty());
        return r.error().code;
    };
    CHECK(code(Region::rectangle(1500, 1100, 200, 200), ref) == PhotoErrc::bad_region);
    CHECK(code(Region::rectangle(-5, 10, 100, 100), ref) == PhotoErrc::bad_region);
    CHECK(code(Region::rectangle(100, 100, 4, 4), ref) == PhotoErrc::bad_region);
    CHECK(code(Region{{{10, 10}, {200, 10}}}, ref) == PhotoErrc::bad_region);
    CHECK(code(synthetic_treated_region(spec), Region::rectangle(0, 0, 1700, 10)) ==
          PhotoErrc::bad_region);
    // An orientation that swaps the axes changes what is inside: 1600 x 1200 becomes 1200 x 1600.
    const auto tall =
        analyze_redness(photo, 6, Region::rectangle(100, 1300, 200, 200), ref, {false, 1600});
    CHECK(tall.ok());
}

TEST_CASE("photo: the same photo always gives the same numbers", "[photo][redness]") {
    SyntheticPhotoSpec spec;
    spec.with_chart = true;
    spec.treated_delta_a = 3;
    const auto photo = synthetic_skin_photo(spec);
    CHECK(photo == synthetic_skin_photo(spec));
    const auto a =
        analyze_redness(photo, 1, synthetic_treated_region(spec), synthetic_reference_region(spec));
    const auto b =
        analyze_redness(photo, 1, synthetic_treated_region(spec), synthetic_reference_region(spec));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->a_star_median == b->a_star_median);
    CHECK(a->a_star_p90 == b->a_star_p90);
    CHECK(a->reference_a_star_median == b->reference_a_star_median);
    CHECK(a->erythema_index == b->erythema_index);
    CHECK(a->ita_deg == b->ita_deg);
    CHECK(a->pixels_used == b->pixels_used);
    CHECK(a->calibrated == b->calibrated);
}

TEST_CASE("photo: region JSON round trip and refusal", "[photo][region]") {
    const Region r{{{1.5, 2}, {100, 2}, {100, 50.25}, {1.5, 50.25}}};
    const auto back = Region::from_json(r.to_json());
    REQUIRE(back.ok());
    CHECK(*back == r);
    CHECK(Region::rectangle(1, 2, 3, 4).points.size() == 4);
    for (const char* bad :
         {"", "[]", "{\"points\":[[1,2],[3,4]]}", "{\"points\":[[1,2],[3,4],[5]]}",
          "{\"points\":[[1,2],[3,4],[\"x\",6]]}", "{\"points\":1}"}) {
        CAPTURE(bad);
        const auto parsed = Region::from_json(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == PhotoErrc::malformed);
    }
}
