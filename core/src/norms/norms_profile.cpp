#include "punctum/core/norms/norms_profile.h"

#include "punctum/core/screening/screening.h"
#include "strict_json.h"

#include <array>
#include <set>

namespace punctum::core {

namespace {

// Items the screening engine knows how to ask about. A profile may not invent others:
// nothing would ever ask for them.
const std::set<std::string>& known_items() {
    static const std::set<std::string> items = [] {
        std::set<std::string> all(screening_conditions().begin(), screening_conditions().end());
        all.insert(screening_recent_items().begin(), screening_recent_items().end());
        all.insert(screening_add_on_variants().begin(), screening_add_on_variants().end());
        all.insert("depth_over_1_5_mm");
        return all;
    }();
    return items;
}

constexpr int max_day = 60; // no documented course is longer than weeks

struct Parser {
    NormsProfile profile;
    std::set<std::string> cited;

    std::string source_key(StrictObject& o, const std::string& key) {
        std::string value = o.text(key);
        cited.insert(value);
        if (profile.sources.count(value) == 0) {
            throw StrictJsonError(StrictJsonError::Kind::undefined_reference,
                                  o.field(key) + " names the source '" + value +
                                      "', which the profile's sources do not define.");
        }
        return value;
    }

    void sources(StrictObject root) {
        const auto& all = root.raw("sources");
        if (!all.is_object() || all.empty()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  "profile.sources must list at least one source.");
        }
        for (const auto& [key, value] : all.items()) {
            StrictObject s(value, "profile.sources." + key);
            NormSource src{key, s.text("citation"), s.text("grade")};
            if (src.citation.empty() ||
                (src.grade != "A" && src.grade != "B" && src.grade != "C")) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      s.path() + " needs a citation and a grade A, B or C.");
            }
            s.finish();
            profile.sources.emplace(key, std::move(src));
        }
    }

    void recovery(StrictObject r) {
        auto& n = profile.recovery;
        n.peak_day = r.integer("peak_day", 0, max_day);
        n.peak_source = source_key(r, "peak_source");
        for (const auto& b : r.array("redness_bands")) {
            StrictObject band(b, r.field("redness_bands[]"));
            DepthBand d{band.number("max_depth_mm", 0.1, 3.0),
                        band.integer("resolve_by_day", 1, max_day), source_key(band, "source")};
            band.finish();
            if (!n.redness_bands.empty() && d.max_depth_mm <= n.redness_bands.back().max_depth_mm) {
                throw StrictJsonError(
                    StrictJsonError::Kind::bad_value,
                    "profile.recovery.redness_bands must go from shallow to deep.");
            }
            n.redness_bands.push_back(std::move(d));
        }
        if (n.redness_bands.empty() || n.redness_bands.back().max_depth_mm < 3.0) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  "profile.recovery.redness_bands must cover depths up to 3.0 mm.");
        }
        n.redness_ceiling_day = r.integer("redness_ceiling_day", 1, max_day);
        n.redness_ceiling_source = source_key(r, "redness_ceiling_source");
        n.redness_note = r.text_or("redness_note", "");
        auto add_ons = r.object("add_ons");
        for (const std::string name : {"prp", "rf"}) {
            if (!add_ons.has(name)) {
                continue;
            }
            auto a = add_ons.object(name);
            AddOnNorm norm{
                a.integer("resolve_by_day", 1, max_day), source_key(a, "source"), {}, {}, {}};
            if (a.has("scabbing_resolve_by_day")) {
                norm.scabbing_resolve_by_day = a.integer("scabbing_resolve_by_day", 1, max_day);
                norm.scabbing_source = source_key(a, "scabbing_source");
            }
            norm.bruising_note = a.text_or("bruising_note", "");
            a.finish();
            n.add_ons.emplace(name, std::move(norm));
        }
        add_ons.finish();
        n.add_on_note = r.text_or("add_on_note", "");
        n.pain_resolve_by_day = r.integer("pain_resolve_by_day", 0, max_day);
        n.pain_source = source_key(r, "pain_source");
        n.bruising_resolve_by_day = r.integer("bruising_resolve_by_day", 1, max_day);
        n.bruising_source = source_key(r, "bruising_source");
        n.scabbing_resolve_by_day = r.integer("scabbing_resolve_by_day", 1, max_day);
        n.scabbing_source = source_key(r, "scabbing_source");
        n.dryness_resolve_by_day = r.integer("dryness_resolve_by_day", 1, max_day);
        n.dryness_source = source_key(r, "dryness_source");
        n.bleeding_after_day = r.integer("bleeding_after_day", 0, max_day);
        n.bleeding_source = source_key(r, "bleeding_source");
        n.infection_after_day = r.integer("infection_after_day", 0, max_day);
        n.infection_source = source_key(r, "infection_source");
        n.worsening_source = source_key(r, "worsening_source");
        n.blisters_window_days = r.integer("blisters_window_days", 1, max_day);
        n.blisters_source = source_key(r, "blisters_source");
        n.pigmentation_source = source_key(r, "pigmentation_source");
        n.pigmentation_higher_risk_fitzpatrick =
            r.integer("pigmentation_higher_risk_fitzpatrick", 1, 6);
        n.logging_days = r.integer("logging_days", 1, max_day);
        n.logging_note = r.text_or("logging_note", "");
        n.blisters_note = r.text_or("blisters_note", "");
        n.infection_note = r.text_or("infection_note", "");
        severity_rules(r);
        if (r.has("photo_delta_a_rise")) {
            // Below 1 unit is camera noise (photo.md: angle alone moves a* by over 1).
            n.photo_delta_a_rise = r.number("photo_delta_a_rise", 1.0, 20.0);
            n.photo_source = source_key(r, "photo_source");
            n.photo_note = r.text_or("photo_note", "");
        }
        r.finish();
    }

    // The severity and first-sight figures (issue 11): optional, so that a profile written
    // before them still reads, but each one given is checked, with its source.
    void severity_rules(StrictObject& r) {
        auto& n = profile.recovery;
        if (r.has("deep_depth_mm")) {
            n.deep_depth_mm = r.number("deep_depth_mm", 0.1, 3.0);
            n.deep_source = source_key(r, "deep_source");
        }
        if (r.has("pain_lasting_score")) {
            n.pain_lasting_score = r.integer("pain_lasting_score", 1, 10);
            n.pain_lasting_note = r.text_or("pain_lasting_note", "");
        }
        if (r.has("infection_redness_score")) {
            n.infection_redness_score = r.integer("infection_redness_score", 1, 4);
        }
        if (r.has("infection_pain_score")) {
            n.infection_pain_score = r.integer("infection_pain_score", 1, 10);
        }
        if (r.has("allergy_source") || r.has("allergy_itching_score")) {
            n.allergy_source = source_key(r, "allergy_source");
            if (r.has("allergy_itching_score")) {
                n.allergy_itching_score = r.integer("allergy_itching_score", 1, 3);
            }
            n.allergy_note = r.text_or("allergy_note", "");
        }
        n.bruising_note = r.text_or("bruising_note", "");
        n.scabbing_note = r.text_or("scabbing_note", "");
        n.bleeding_note = r.text_or("bleeding_note", "");
    }

    void screening(const nlohmann::json& list) {
        if (!list.is_array()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  "profile.screening must be a list.");
        }
        std::set<std::string> seen;
        for (const auto& value : list) {
            ScreeningRule rule;
            rule.item = value.is_object() && value.contains("item") && value["item"].is_string()
                            ? value["item"].get<std::string>()
                            : std::string();
            StrictObject s(value, "profile.screening[" + rule.item + "]");
            (void)s.text("item");
            if (known_items().count(rule.item) == 0) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      s.path() + ": '" + rule.item +
                                          "' is not an item Punctum screens for.");
            }
            if (!seen.insert(rule.item).second) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      s.path() + " appears twice.");
            }
            const auto outcome = outcome_from_string(s.text("outcome"));
            if (!outcome) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      s.field("outcome") +
                                          " must be proceed, caution, defer, refer or decline.");
            }
            rule.outcome = *outcome;
            rule.days = s.integer_or("days", 0, 0, 3660);
            rule.months = s.integer_or("months", 0, 0, 120);
            if (rule.days > 0 && rule.months > 0) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      s.path() + " gives both days and months; give one.");
            }
            rule.message = s.text("message");
            rule.source = source_key(s, "source");
            rule.note = s.text_or("note", "");
            if (s.has("absolute")) {
                rule.absolute = s.boolean("absolute");
                // Only a decline can be absolute: a defer or refer is meant to be revisited.
                if (rule.absolute && rule.outcome != Outcome::decline) {
                    throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                          s.field("absolute") + " is for a decline only.");
                }
            }
            s.finish();
            profile.screening.push_back(std::move(rule));
        }
    }

    static std::vector<std::string> lines(const nlohmann::json& list, const std::string& path) {
        if (!list.is_array()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  path + " must be a list of text.");
        }
        std::vector<std::string> out;
        for (const auto& l : list) {
            if (!l.is_string() || l.get<std::string>().empty()) {
                throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                      path + " must be a list of text.");
            }
            out.push_back(l.get<std::string>());
        }
        return out;
    }

    void parse(const nlohmann::json& json) {
        StrictObject root(json, "profile");
        profile.id = root.text("id");
        profile.version = root.text("version");
        if (profile.id.empty() || profile.version.empty()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  "profile.id and profile.version must not be empty.");
        }
        profile.title = root.text_or("title", profile.id);
        profile.description = root.text_or("description", "");
        sources(root);
        (void)root.raw("sources");
        recovery(root.object("recovery"));
        screening(root.array("screening"));
        profile.preparation = lines(root.array("preparation"), "profile.preparation");
        profile.aftercare = lines(root.array("aftercare"), "profile.aftercare");
        profile.aftercare_source = root.text("aftercare_source");
        root.finish();
    }
};

} // namespace

std::string_view to_string(Outcome outcome) {
    static constexpr std::array names{"proceed", "caution", "defer", "refer", "decline"};
    return names.at(static_cast<std::size_t>(outcome));
}

std::optional<Outcome> outcome_from_string(std::string_view text) {
    for (auto o :
         {Outcome::proceed, Outcome::caution, Outcome::defer, Outcome::refer, Outcome::decline}) {
        if (to_string(o) == text) {
            return o;
        }
    }
    return std::nullopt;
}

const NormSource& NormsProfile::source(const std::string& key) const {
    return sources.at(key);
}

std::string NormsProfile::cite(const std::string& key) const {
    const auto& s = source(key);
    return s.citation + " (evidence " + s.grade + ")";
}

const ScreeningRule* NormsProfile::screening_rule(std::string_view item) const {
    for (const auto& r : screening) {
        if (r.item == item) {
            return &r;
        }
    }
    return nullptr;
}

Result<NormsProfile, NormsError> parse_norms_profile(std::string_view json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) {
        return fail(NormsErrc::malformed, "The norms profile is not valid JSON.");
    }
    try {
        Parser p;
        p.parse(parsed);
        return std::move(p.profile);
    } catch (const StrictJsonError& e) {
        const NormsErrc code =
            e.kind() == StrictJsonError::Kind::missing               ? NormsErrc::missing_field
            : e.kind() == StrictJsonError::Kind::unknown             ? NormsErrc::unknown_field
            : e.kind() == StrictJsonError::Kind::undefined_reference ? NormsErrc::unknown_source
                                                                     : NormsErrc::bad_value;
        return fail(code, std::string("Norms profile: ") + e.what());
    } catch (const nlohmann::json::exception& e) {
        return fail(NormsErrc::malformed, std::string("Norms profile: ") + e.what());
    }
}

const NormsProfile& default_norms_profile() {
    static const NormsProfile profile = [] {
        auto parsed = parse_norms_profile(default_norms_json());
        if (!parsed) {
            // The shipped profile is checked by the tests; this cannot happen in a release.
            std::abort();
        }
        return std::move(parsed.value());
    }();
    return profile;
}

} // namespace punctum::core
