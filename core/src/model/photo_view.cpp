#include "punctum/core/model/photo_view.h"

#include <array>

namespace punctum::core {

namespace {
constexpr std::array recorded{PhotoView::front, PhotoView::left, PhotoView::right,
                              PhotoView::oblique};
constexpr std::array every{PhotoView::unspecified, PhotoView::front, PhotoView::left,
                           PhotoView::right, PhotoView::oblique};
} // namespace

std::string_view to_string(PhotoView view) {
    switch (view) {
    case PhotoView::unspecified:
        return "";
    case PhotoView::front:
        return "front";
    case PhotoView::left:
        return "left";
    case PhotoView::right:
        return "right";
    case PhotoView::oblique:
        return "oblique";
    }
    return "";
}

std::optional<PhotoView> photo_view_from_string(std::string_view text) {
    for (const PhotoView v : every) {
        if (to_string(v) == text) {
            return v;
        }
    }
    return std::nullopt;
}

std::span<const PhotoView> recorded_photo_views() {
    return recorded;
}

std::string_view photo_view_words(PhotoView view) {
    switch (view) {
    case PhotoView::unspecified:
        return "";
    case PhotoView::front:
        return "front";
    case PhotoView::left:
        return "left side";
    case PhotoView::right:
        return "right side";
    case PhotoView::oblique:
        return "oblique (three-quarter)";
    }
    return "";
}

bool views_differ(PhotoView a, PhotoView b) {
    return a != PhotoView::unspecified && b != PhotoView::unspecified && a != b;
}

std::optional<std::pair<std::size_t, std::size_t>>
default_compare_pair(std::span<const PhotoView> views) {
    if (views.size() < 2) {
        return std::nullopt;
    }
    // Walk back from the latest photo: the first whose view also appears earlier wins.
    for (std::size_t last = views.size(); last-- > 1;) {
        for (std::size_t first = 0; first < last; ++first) {
            if (views[first] == views[last]) {
                return std::pair{first, last};
            }
        }
    }
    return std::pair<std::size_t, std::size_t>{0, views.size() - 1};
}

} // namespace punctum::core
