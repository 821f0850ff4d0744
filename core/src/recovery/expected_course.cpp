#include "punctum/core/recovery/expected_course.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace punctum::core {

namespace {

// "1.5 mm", "0.25 mm", "2.0 mm": at most two decimals, at least one.
std::string depth_text(double mm) {
    char depth[32];
    std::snprintf(depth, sizeof depth, "%.2f", mm);
    std::string text(depth);
    while (text.size() > 1 && text.back() == '0') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '.') {
        text += '0';
    }
    return text + " mm";
}

std::string upper(const std::string& name) {
    std::string out;
    for (const char ch : name) {
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return out;
}

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
    std::string text = depth_text(facts.max_depth_mm);
    std::size_t i = 0;
    for (const auto& name : facts.add_ons) {
        text += i == 0 ? " with " : (i + 1 == facts.add_ons.size() ? " and " : ", ");
        text += upper(name);
        ++i;
    }
    return text;
}

bool deep_needling(const SessionFacts& facts, const NormsProfile& profile) {
    const auto& deep = profile.recovery.deep_depth_mm;
    // Depths are written to a tenth or a hundredth of a millimetre: 2.0 is deep at 2.0.
    return deep && facts.max_depth_mm >= *deep - 1e-9;
}

UsualSign usual_sign(Symptom sign, const SessionFacts& facts, const NormsProfile& profile) {
    const RecoveryNorms& r = profile.recovery;
    const bool deep = deep_needling(facts, profile);
    const std::string deep_words =
        r.deep_depth_mm ? "deep needling (" + depth_text(*r.deep_depth_mm) + " and more)" : "";
    const auto day = [](int d) { return "day " + std::to_string(d); };
    UsualSign out;
    const auto add = [&](const std::string& sentence) {
        if (!sentence.empty()) {
            out.text += (out.text.empty() ? "" : " ") + sentence;
        }
    };
    switch (sign) {
    case Symptom::bruising: {
        add(r.bruising_note);
        for (const auto& name : facts.add_ons) {
            if (const auto it = r.add_ons.find(name); it != r.add_ons.end()) {
                add(it->second.bruising_note);
            }
        }
        const std::string by = day(r.bruising_resolve_by_day);
        add("It usually fades by " + by +
            ". A concern if it spreads or gets worse, or is still there after " + by + ".");
        out.source_key = r.bruising_source;
        break;
    }
    case Symptom::scabbing: {
        const auto either = [](const std::vector<std::string>& parts) {
            std::string text;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                text += (i == 0 ? "" : (i + 1 == parts.size() ? " or " : ", ")) + parts[i];
            }
            return text;
        };
        // Scabbing is common after deep needling and after add-ons with a crusting course of
        // their own (RF): `common` lists them all, `why` those of this session.
        std::vector<std::string> common;
        std::vector<std::string> why;
        if (!deep_words.empty()) {
            common.push_back(deep_words);
            if (deep) {
                why.push_back(deep_words);
            }
        }
        std::vector<std::string> clears;
        out.source_key = r.scabbing_source;
        for (const auto& [name, norm] : r.add_ons) {
            if (!norm.scabbing_resolve_by_day) {
                continue;
            }
            common.push_back(upper(name));
            if (facts.add_ons.count(name) != 0) {
                why.push_back(upper(name));
                clears.push_back("After " + upper(name) + " crusting usually clears by " +
                                 day(*norm.scabbing_resolve_by_day) + ".");
                out.source_key = norm.scabbing_source;
            }
        }
        if (why.empty()) {
            add("Scabbing is uncommon after " + describe_treatment(facts) +
                (common.empty() ? "" : "; it is common after " + either(common)) + ".");
        } else {
            add("Scabbing is common after " + either(why) + ".");
            for (const auto& sentence : clears) {
                add(sentence);
            }
        }
        add("Minor scabs usually clear by " + day(r.scabbing_resolve_by_day) + ".");
        add(r.scabbing_note);
        add("A concern if it gets worse, or is still there after " +
            day(scabbing_course(facts, r).resolve_by_day) + ".");
        break;
    }
    case Symptom::bleeding: {
        add(r.bleeding_note);
        if (deep) {
            add("After " + deep_words +
                " pinpoint bleeding on the treatment day is the intended endpoint.");
        }
        add("A concern if it does not stop, or if it bleeds after " +
            (r.bleeding_after_day == 0 ? std::string("the treatment day")
                                       : day(r.bleeding_after_day)) +
            ".");
        out.source_key = r.bleeding_source;
        break;
    }
    default:
        break;
    }
    return out;
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
