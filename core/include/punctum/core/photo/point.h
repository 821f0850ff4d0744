#pragma once

namespace punctum::core::photo {

/// A position in a photo, in displayed (oriented) full-resolution pixels; x right, y down.
struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

} // namespace punctum::core::photo
