// Region: rectangle construction and its JSON form (as stored beside a photo).

#include "punctum/core/photo/region.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace punctum::core::photo {

Region Region::rectangle(double x, double y, double width, double height) {
    return Region{{{x, y}, {x + width, y}, {x + width, y + height}, {x, y + height}}};
}

std::string Region::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : points) {
        list.push_back({p.x, p.y});
    }
    return nlohmann::json{{"points", list}}.dump();
}

PhotoResult<Region> Region::from_json(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    const auto bad = [] {
        return fail(PhotoErrc::malformed,
                    "A region must be JSON like {\"points\":[[x,y],[x,y],[x,y],...]} with at "
                    "least three points of finite numbers.");
    };
    if (json.is_discarded() || !json.is_object() || !json.contains("points") ||
        !json["points"].is_array() || json["points"].size() < 3) {
        return bad();
    }
    Region region;
    for (const auto& p : json["points"]) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
            return bad();
        }
        const Point point{p[0].get<double>(), p[1].get<double>()};
        if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
            return bad();
        }
        region.points.push_back(point);
    }
    return region;
}

} // namespace punctum::core::photo
