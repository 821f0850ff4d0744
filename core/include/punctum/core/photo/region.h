#pragma once
// A region of a photo drawn by the user: the treated area, or untreated reference skin.

#include "punctum/core/photo/photo_error.h"
#include "punctum/core/photo/point.h"

#include <string>
#include <string_view>
#include <vector>

namespace punctum::core::photo {

/// A polygon in displayed (oriented) full-resolution pixels; a rectangle is 4 points.
struct Region {
    std::vector<Point> points;

    [[nodiscard]] static Region rectangle(double x, double y, double width, double height);
    /// {"points":[[x,y],...]}
    [[nodiscard]] std::string to_json() const;
    /// The inverse of to_json; malformed on anything else (at least 3 finite points).
    [[nodiscard]] static PhotoResult<Region> from_json(std::string_view text);

    friend bool operator==(const Region&, const Region&) = default;
};

} // namespace punctum::core::photo
