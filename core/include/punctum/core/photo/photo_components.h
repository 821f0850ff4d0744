#pragma once
// The libraries behind photo notes (OpenCV, libjpeg-turbo, libpng), for the About page and
// `punctum-cli version`. Here because OpenCV stays inside core/photo.

#include "punctum/core/about/component.h"

#include <vector>

namespace punctum::core::photo {

[[nodiscard]] std::vector<Component> photo_components();

} // namespace punctum::core::photo
