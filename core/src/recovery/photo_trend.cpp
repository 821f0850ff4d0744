#include "punctum/core/recovery/photo_trend.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace punctum::core {

namespace {

std::string one_decimal(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

} // namespace

std::vector<Flag> photo_redness_flags(std::span<const PhotoRedness> photos,
                                      const NormsProfile& profile) {
    std::vector<Flag> out;
    const auto& r = profile.recovery;
    if (!r.photo_delta_a_rise) {
        return out;
    }
    std::vector<PhotoRedness> calibrated;
    std::copy_if(photos.begin(), photos.end(), std::back_inserter(calibrated),
                 [](const PhotoRedness& p) { return p.calibrated; });
    std::stable_sort(calibrated.begin(), calibrated.end(),
                     [](const PhotoRedness& a, const PhotoRedness& b) { return a.day < b.day; });

    double lowest = std::numeric_limits<double>::infinity(); // over days before the current
    int lowest_day = 0;
    double lowest_today = std::numeric_limits<double>::infinity();
    int today = calibrated.empty() ? 0 : calibrated.front().day;
    bool rising = false;
    for (const auto& p : calibrated) {
        if (p.day != today) {
            if (lowest_today < lowest) {
                lowest = lowest_today;
                lowest_day = today;
            }
            lowest_today = std::numeric_limits<double>::infinity();
            today = p.day;
        }
        const bool raised = p.delta_a_star - lowest >= *r.photo_delta_a_rise;
        if (raised && !rising &&
            (out.empty() || out.back().day != p.day)) { // one flag a day at most
            Flag f;
            f.rule_id = std::string(rules::photo_redness_rise);
            f.severity = Severity::watch;
            f.symptom = "erythema";
            f.day = p.day;
            f.message = "Photo redness rose by " + one_decimal(p.delta_a_star - lowest) +
                        " (delta a* " + one_decimal(lowest) + " on day " +
                        std::to_string(lowest_day) + ", " + one_decimal(p.delta_a_star) +
                        " on day " + std::to_string(p.day) + "). A rise of " +
                        one_decimal(*r.photo_delta_a_rise) +
                        " or more in colour-corrected photos is more than camera variation.";
            f.source_key = r.photo_source;
            f.source = profile.cite(r.photo_source);
            f.profile_id = profile.id;
            f.profile_version = profile.version;
            out.push_back(std::move(f));
        }
        rising = raised;
        lowest_today = std::min(lowest_today, p.delta_a_star);
    }
    return out;
}

} // namespace punctum::core
