#pragma once
// Errors of the photo module (core/photo). Each message says what was wrong with the
// picture and what the user can do about it.

#include "punctum/core/result.h"

namespace punctum::core::photo {

/// Why a photo was refused or could not be analysed.
enum class PhotoErrc {
    unsupported_format, ///< not a JPEG or PNG, or a JPEG coding we do not read
    too_large,          ///< more bytes than ImportLimits::max_bytes
    too_many_pixels,    ///< header dimensions above ImportLimits::max_pixels
    malformed,          ///< truncated or corrupt file
    bad_region,         ///< a region outside the picture, or with too few usable pixels
    analysis_failed,    ///< OpenCV failed where it should not have
};

using PhotoError = Error<PhotoErrc>;
template <typename T> using PhotoResult = Result<T, PhotoError>;

} // namespace punctum::core::photo
