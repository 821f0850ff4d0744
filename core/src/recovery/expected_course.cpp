#include "punctum/core/recovery/expected_course.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace punctum::core {

namespace {

// The scale maximum up to the peak day, then a straight decline (rounded up, so the line
// never dips below the usual course) reaching 0 on the resolve-by day.
std::vector<int> envelope_for(int max, int peak_day, int resolve_by_day) {
    std::vector<int> out;
    out.reserve(envelope_days);
    for (int d = 0; d < envelope_days; ++d) {
        if (d >= resolve_by_day) {
            out.push_back(0);
        } else if (d <= peak_day) {
            out.push_back(max);
        } else {
            const int span = resolve_by_day - peak_day; // > 0: peak_day < d < resolve_by_day
            out.push_back((max * (resolve_by_day - d) + span - 1) / span);
        }
    }
    return out;
}

void add_key(std::vector<std::string>& keys, const std::string& key) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
    }
}

ExpectedSymptom make(Symptom symptom, int resolve_by_day, std::vector<std::string> keys,
                     const RecoveryNorms& r) {
    ExpectedSymptom e;
    e.symptom = symptom;
    e.resolve_by_day = resolve_by_day;
    e.envelope = envelope_for(scale_of(symptom).max, r.peak_day, resolve_by_day);
    add_key(keys, r.peak_source);
    e.source_keys = std::move(keys);
    return e;
}

// Redness and swelling: the depth band, lengthened by any add-on, capped by the ceiling.
ExpectedSymptom redness_course(Symptom symptom, const SessionFacts& facts, const RecoveryNorms& r) {
    const DepthBand* band = nullptr;
    for (const auto& b : r.redness_bands) {
        if (b.max_depth_mm >= facts.max_depth_mm) {
            band = &b;
            break;
        }
    }
    if (band == nullptr && !r.redness_bands.empty()) {
        band = &r.redness_bands.back(); // deeper than every band: the deepest band applies
    }
    int day = band != nullptr ? band->resolve_by_day : r.redness_ceiling_day;
    std::string primary = band != nullptr ? band->source : r.redness_ceiling_source;
    std::vector<std::string> others;
    for (const auto& name : facts.add_ons) {
        const auto it = r.add_ons.find(name);
        if (it == r.add_ons.end()) {
            continue;
        }
        others.push_back(it->second.source);
        if (it->second.resolve_by_day > day) {
            day = it->second.resolve_by_day;
            primary = it->second.source;
        }
    }
    if (day > r.redness_ceiling_day) {
        day = r.redness_ceiling_day;
        primary = r.redness_ceiling_source;
    }
    std::vector<std::string> keys;
    add_key(keys, primary);
    if (band != nullptr) {
        add_key(keys, band->source);
    }
    for (const auto& k : others) {
        add_key(keys, k);
    }
    add_key(keys, r.redness_ceiling_source);
    return make(symptom, day, std::move(keys), r);
}

// Scabbing: the general figure, or an add-on's when longer (RF).
ExpectedSymptom scabbing_course(const SessionFacts& facts, const RecoveryNorms& r) {
    int day = r.scabbing_resolve_by_day;
    std::vector<std::string> keys{r.scabbing_source};
    for (const auto& name : facts.add_ons) {
        const auto it = r.add_ons.find(name);
        if (it == r.add_ons.end() || !it->second.scabbing_resolve_by_day) {
            continue;
        }
        if (*it->second.scabbing_resolve_by_day > day) {
            day = *it->second.scabbing_resolve_by_day;
            keys.insert(keys.begin(), it->second.scabbing_source);
        } else {
            add_key(keys, it->second.scabbing_source);
        }
    }
    std::vector<std::string> unique;
    for (const auto& k : keys) {
        add_key(unique, k);
    }
    return make(Symptom::scabbing, day, std::move(unique), r);
}

} // namespace

const ExpectedSymptom* ExpectedCourse::find(Symptom symptom) const {
    for (const auto& s : symptoms) {
        if (s.symptom == symptom) {
            return &s;
        }
    }
    return nullptr;
}

ExpectedCourse expected_course(const SessionFacts& facts, const NormsProfile& profile) {
    const RecoveryNorms& r = profile.recovery;
    ExpectedCourse c;
    c.peak_day = r.peak_day;
    c.peak_source = r.peak_source;
    c.symptoms.push_back(redness_course(Symptom::erythema, facts, r));
    c.symptoms.push_back(redness_course(Symptom::edema, facts, r));
    c.symptoms.push_back(make(Symptom::pain, r.pain_resolve_by_day, {r.pain_source}, r));
    c.symptoms.push_back(
        make(Symptom::bruising, r.bruising_resolve_by_day, {r.bruising_source}, r));
    c.symptoms.push_back(scabbing_course(facts, r));
    c.symptoms.push_back(make(Symptom::dryness, r.dryness_resolve_by_day, {r.dryness_source}, r));
    return c;
}

std::string describe_treatment(const SessionFacts& facts) {
    char depth[32];
    std::snprintf(depth, sizeof depth, "%.2f", facts.max_depth_mm);
    std::string text(depth);
    while (text.size() > 1 && text.back() == '0') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '.') {
        text += '0';
    }
    text += " mm";
    std::size_t i = 0;
    for (const auto& name : facts.add_ons) {
        text += i == 0 ? " with " : (i + 1 == facts.add_ons.size() ? " and " : ", ");
        for (const char ch : name) {
            text += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        ++i;
    }
    return text;
}

SessionFacts session_facts(const TreatmentSession& session, std::optional<int> fitzpatrick) {
    SessionFacts facts;
    facts.max_depth_mm = session.max_depth_mm();
    for (const auto& add_on : session.add_ons) {
        if (add_on.kind != AddOn::other) {
            facts.add_ons.insert(std::string(to_string(add_on.kind)));
        }
    }
    facts.fitzpatrick = fitzpatrick;
    return facts;
}

} // namespace punctum::core
