#include "punctum/core/norms/norms_figures.h"

#include <cstdio>

namespace punctum::core {

namespace {

std::string mm(double depth) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", depth);
    return text;
}

std::string by_day(int day) {
    return "by day " + std::to_string(day);
}

std::string upper(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    return text;
}

std::string roman(int type) {
    static constexpr const char* numerals[] = {"I", "II", "III", "IV", "V", "VI"};
    return type >= 1 && type <= 6 ? numerals[type - 1] : std::to_string(type);
}

} // namespace

std::vector<NormFigure> recovery_figures(const NormsProfile& p) {
    const auto& r = p.recovery;
    std::vector<NormFigure> out;
    auto add = [&out](std::string what, std::string value, const std::string& key,
                      std::string note = {}) {
        if (!key.empty()) {
            out.push_back({std::move(what), std::move(value), key, std::move(note)});
        }
    };
    add("Redness and swelling peak", "on day " + std::to_string(r.peak_day), r.peak_source);
    double from = 0.0;
    for (const auto& band : r.redness_bands) {
        add("Redness and swelling settle, " + mm(from) + "-" + mm(band.max_depth_mm) + " mm",
            by_day(band.resolve_by_day), band.source);
        from = band.max_depth_mm;
    }
    add("Redness never expected beyond", by_day(r.redness_ceiling_day), r.redness_ceiling_source,
        r.redness_note);
    bool first_add_on = true;
    for (const auto& [key, add_on] : r.add_ons) {
        add("With " + upper(key) + ", redness and swelling settle", by_day(add_on.resolve_by_day),
            add_on.source, first_add_on ? r.add_on_note : std::string());
        first_add_on = false;
        if (add_on.scabbing_resolve_by_day) {
            add("With " + upper(key) + ", scabs settle", by_day(*add_on.scabbing_resolve_by_day),
                add_on.scabbing_source);
        }
    }
    add("Pain settles", by_day(r.pain_resolve_by_day), r.pain_source);
    add("Bruising settles", by_day(r.bruising_resolve_by_day), r.bruising_source, r.bruising_note);
    add("Scabs settle", by_day(r.scabbing_resolve_by_day), r.scabbing_source, r.scabbing_note);
    add("Dryness settles", by_day(r.dryness_resolve_by_day), r.dryness_source);
    if (r.deep_depth_mm) {
        add("Pinpoint bleeding and marked redness on the day are the expected endpoint",
            "from " + mm(*r.deep_depth_mm) + " mm", r.deep_source);
    }
    add("Bleeding is a warning", "after day " + std::to_string(r.bleeding_after_day),
        r.bleeding_source, r.bleeding_note);
    add("Pus or fever is urgent", "on any day", r.infection_source);
    std::string infection = "after day " + std::to_string(r.infection_after_day) +
                            ": warmth or itching with rising redness";
    if (r.infection_redness_score) {
        infection += "; warmth with redness " + std::to_string(*r.infection_redness_score) + "+";
    }
    if (r.infection_pain_score) {
        infection += "; warmth with pain " + std::to_string(*r.infection_pain_score) + "+";
    }
    add("Signs of infection are urgent", infection, r.infection_source, r.infection_note);
    add("Getting worse after the peak is a warning", "after day " + std::to_string(r.peak_day),
        r.worsening_source);
    if (r.pain_lasting_score) {
        add("Pain that stays is a warning",
            std::to_string(*r.pain_lasting_score) + "+ after day " +
                std::to_string(r.pain_resolve_by_day),
            r.pain_source, r.pain_lasting_note);
    }
    if (!r.allergy_source.empty()) {
        add("A possible allergic reaction is a warning",
            r.allergy_itching_score
                ? "swelling beyond the treated area; severe redness with itching " +
                      std::to_string(*r.allergy_itching_score) + "+"
                : "swelling beyond the treated area",
            r.allergy_source, r.allergy_note);
    }
    add("Blisters are urgent", "in the first " + std::to_string(r.blisters_window_days) + " days",
        r.blisters_source, r.blisters_note);
    add("Darker patches are a warning",
        "more concern from Fitzpatrick type " + roman(r.pigmentation_higher_risk_fitzpatrick),
        r.pigmentation_source);
    add("A missed check-in is noted", "in the first " + std::to_string(r.logging_days) + " days",
        r.redness_ceiling_source, r.logging_note);
    if (r.photo_delta_a_rise) {
        char rise[16];
        std::snprintf(rise, sizeof rise, "%.1f", *r.photo_delta_a_rise);
        add("Photo redness rising is a warning",
            std::string("delta a* up by ") + rise + " or more (colour-corrected photos)",
            r.photo_source, r.photo_note);
    }
    return out;
}

} // namespace punctum::core
