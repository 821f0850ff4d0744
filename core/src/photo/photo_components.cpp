#include "punctum/core/photo/photo_components.h"

#include <opencv2/core/utility.hpp>

#include <cstdio> // jpeglib.h needs FILE
#include <jpeglib.h>
#include <png.h>

namespace punctum::core::photo {

std::vector<Component> photo_components() {
    // libjpeg-turbo has no run-time version call in its jpeglib API; LIBJPEG_TURBO_VERSION is
    // the version built against, and Debian's shlibs keep the run-time one compatible.
#ifdef LIBJPEG_TURBO_VERSION
#define PUNCTUM_STR2(x) #x
#define PUNCTUM_STR(x) PUNCTUM_STR2(x)
    const std::string jpeg_version = PUNCTUM_STR(LIBJPEG_TURBO_VERSION);
#undef PUNCTUM_STR
#undef PUNCTUM_STR2
#else
    const std::string jpeg_version = "libjpeg " + std::to_string(JPEG_LIB_VERSION);
#endif
    return {
        {"OpenCV", cv::getVersionString(), "Apache-2.0",
         "photo alignment, redness and the colour chart"},
        {"libjpeg-turbo", jpeg_version, "IJG AND BSD-3-Clause AND Zlib",
         "reading and writing JPEG photos"},
        {"libpng", png_get_libpng_ver(nullptr), "Libpng", "reading and writing PNG photos"},
    };
}

} // namespace punctum::core::photo
