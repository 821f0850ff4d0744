// libFuzzer: photo files come from phones, mail and USB sticks. import_photo (container
// walk, EXIF orientation, decode, preview) and strip_metadata must refuse or accept any
// bytes without crashing, and what they keep must survive being imported again.
// Seeds (tests/fuzz/corpus/photo_import): tiny JPEGs with phone metadata in both byte
// orders, PNGs with and without eXIf, and a bare EXIF block, made with tests/core/photo's
// fixtures (photo_fixtures.h).
#include "punctum/core/photo/exif.h"
#include "punctum/core/photo/photo_import.h"

#include <cstddef>
#include <cstdint>
#include <span>

using namespace punctum::core::photo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> input(data, size);
    const int orientation = exif_orientation(input);
    if (orientation < 1 || orientation > 8) {
        __builtin_trap();
    }
    // Small limits keep each run fast; the code paths are the same as with the defaults.
    const ImportLimits limits{1u << 20, 4'000'000};
    if (auto stripped = strip_metadata(input, true, limits)) {
        if (stripped->orientation < 1 || stripped->orientation > 8 || stripped->width <= 0 ||
            stripped->height <= 0) {
            __builtin_trap();
        }
    }
    auto photo = import_photo(input, limits);
    if (!photo) {
        return 0;
    }
    if (photo->original.empty() || photo->preview.empty() || photo->thumbnail.empty() ||
        photo->width <= 0 || photo->height <= 0) {
        __builtin_trap();
    }
    // Stripping is idempotent, and a stored original always imports again.
    auto again = import_photo(photo->original, limits);
    if (!again || again->original != photo->original || again->orientation != 1) {
        __builtin_trap();
    }
    return 0;
}
