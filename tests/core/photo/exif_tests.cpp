// The hand-written EXIF orientation parser: both byte orders, and hostile blocks.

#include "photo_fixtures.h"

#include "punctum/core/photo/exif.h"

using namespace punctum::core::photo;
using namespace punctum::test::photo;

TEST_CASE("photo: EXIF orientation in both byte orders", "[photo][exif]") {
    for (int o = 1; o <= 8; ++o) {
        CHECK(exif_orientation(exif_tiff(o, true, {})) == o);
        CHECK(exif_orientation(exif_tiff(o, false, {})) == o);
    }
}

TEST_CASE("photo: EXIF parser falls back to 1 on damaged blocks", "[photo][exif]") {
    const Bytes good = exif_tiff(6, true, {});
    CHECK(exif_orientation({}) == 1);
    CHECK(exif_orientation(Bytes(good.begin(), good.begin() + 7)) == 1);
    // Cut inside the orientation entry (IFD at 8, first entry at 10..22).
    CHECK(exif_orientation(Bytes(good.begin(), good.begin() + 20)) == 1);
    CHECK(exif_orientation(Bytes(good.begin(), good.begin() + 22)) == 6);
    Bytes bad_magic = good;
    bad_magic[2] = 43;
    CHECK(exif_orientation(bad_magic) == 1);
    Bytes far_ifd = good;
    far_ifd[4] = far_ifd[5] = far_ifd[6] = far_ifd[7] = 0xFF;
    CHECK(exif_orientation(far_ifd) == 1);
    Bytes many_entries = good;
    many_entries[8] = many_entries[9] = 0xFF; // 65535 entries claimed, few present
    many_entries[10] = 0x00;                  // and the first is no longer Orientation
    CHECK(exif_orientation(many_entries) == 1);
    Bytes out_of_range = good;
    out_of_range[18] = 9;
    CHECK(exif_orientation(out_of_range) == 1);
    Bytes wrong_order = good;
    wrong_order[0] = wrong_order[1] = 'X';
    CHECK(exif_orientation(wrong_order) == 1);
}
