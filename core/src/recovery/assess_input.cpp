#include "punctum/core/recovery/assess_input.h"

#include "strict_json.h"

#include <nlohmann/json.hpp>

namespace punctum::core {

namespace {

using nlohmann::json;

AssessInputErrc code_of(StrictJsonError::Kind kind) {
    switch (kind) {
    case StrictJsonError::Kind::missing:
        return AssessInputErrc::missing_field;
    case StrictJsonError::Kind::unknown:
        return AssessInputErrc::unknown_field;
    case StrictJsonError::Kind::bad_value:
    case StrictJsonError::Kind::undefined_reference:
        return AssessInputErrc::bad_value;
    }
    return AssessInputErrc::bad_value;
}

[[noreturn]] void bad(const std::string& message) {
    throw StrictJsonError(StrictJsonError::Kind::bad_value, message);
}

// The depths a session may record (TreatmentSession's own check: 0.1..3.0 mm).
constexpr double min_depth_mm = 0.1;
constexpr double max_depth_mm = 3.0;

void read_session(StrictObject& o, const NormsProfile& profile, AssessInput& in) {
    if (o.has("date")) {
        const auto d = parse_date(o.text("date"));
        if (!d) {
            bad(o.field("date") + " must be a date like 2026-03-03.");
        }
        in.session_date = d;
    }
    in.facts.max_depth_mm = o.number("depth_mm", min_depth_mm, max_depth_mm);
    if (o.has("areas")) {
        const auto& areas = o.array("areas");
        for (std::size_t i = 0; i < areas.size(); ++i) {
            const auto& a = areas[i];
            if (!a.is_string() || a.get<std::string>().empty()) {
                bad(o.field("areas") + "[" + std::to_string(i) + "] must be the name of an area.");
            }
            in.areas.push_back(a.get<std::string>());
        }
    }
    if (o.has("add_ons")) {
        const auto& add_ons = o.array("add_ons");
        std::string known;
        for (const auto& [name, norm] : profile.recovery.add_ons) {
            known += (known.empty() ? "" : ", ") + name;
        }
        for (std::size_t i = 0; i < add_ons.size(); ++i) {
            const std::string field = o.field("add_ons") + "[" + std::to_string(i) + "]";
            const auto& a = add_ons[i];
            if (!a.is_string() || profile.recovery.add_ons.count(a.get<std::string>()) == 0) {
                bad(field + " must be one of: " + known + ".");
            }
            if (!in.facts.add_ons.insert(a.get<std::string>()).second) {
                bad(field + " repeats '" + a.get<std::string>() + "'.");
            }
        }
    }
    if (o.has("fitzpatrick")) {
        in.facts.fitzpatrick = o.integer("fitzpatrick", 1, 6);
    }
    o.finish();
}

DayEntry read_entry(StrictObject& o, const AssessInput& in) {
    DayEntry e;
    if (o.has("day") == o.has("date")) {
        bad(o.path() + " needs either \"day\" (days after treatment) or \"date\", not " +
            (o.has("day") ? "both." : "neither."));
    }
    if (o.has("day")) {
        e.day = o.integer("day", 0, max_entry_day);
    } else {
        const auto d = parse_date(o.text("date"));
        if (!d) {
            bad(o.field("date") + " must be a date like 2026-03-03.");
        }
        if (!in.session_date) {
            bad(o.field("date") + " needs session.date; or give \"day\" instead.");
        }
        e.day = days_between(*in.session_date, *d);
        if (e.day < 0 || e.day > max_entry_day) {
            bad(o.field("date") + " must be from session.date to " + std::to_string(max_entry_day) +
                " days after it.");
        }
    }
    for (const auto& scale : all_scales()) {
        const std::string key(scale.key);
        if (!o.has(key)) {
            continue; // not reported: unknown, never 0
        }
        if (scale.yes_no) {
            e.set(scale.symptom, o.boolean(key) ? 1 : 0);
        } else {
            e.set(scale.symptom, o.integer(key, 0, scale.max));
        }
    }
    o.finish();
    return e;
}

AssessInput read_input(const json& root, const NormsProfile& profile) {
    if (!root.is_object()) {
        bad("The input must be a JSON object with \"session\" and \"entries\".");
    }
    for (const auto& [key, value] : root.items()) {
        if (key != "session" && key != "entries") {
            throw StrictJsonError(StrictJsonError::Kind::unknown,
                                  key + " is not a known field. Check its spelling.");
        }
    }
    for (const char* key : {"session", "entries"}) {
        if (!root.contains(key)) {
            throw StrictJsonError(StrictJsonError::Kind::missing,
                                  std::string(key) + " is missing.");
        }
    }
    AssessInput in;
    StrictObject session(root.at("session"), "session");
    read_session(session, profile, in);
    const auto& entries = root.at("entries");
    if (!entries.is_array()) {
        bad("entries must be a list.");
    }
    in.entries.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        StrictObject entry(entries[i], "entries[" + std::to_string(i) + "]");
        in.entries.push_back(read_entry(entry, in));
    }
    return in;
}

} // namespace

Result<AssessInput, AssessInputError> parse_assess_input(std::string_view text,
                                                         const NormsProfile& profile) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        return fail(AssessInputErrc::malformed,
                    std::string("The input is not valid JSON: ") + e.what());
    }
    try {
        return read_input(root, profile);
    } catch (const StrictJsonError& e) {
        return fail(code_of(e.kind()), e.what());
    } catch (const json::exception& e) {
        return fail(AssessInputErrc::bad_value,
                    std::string("The input is not usable: ") + e.what());
    }
}

std::string assessment_json(const ExpectedCourse& expected, const std::vector<Flag>& flags,
                            const NormsProfile& profile) {
    using ordered = nlohmann::ordered_json;
    ordered out;
    out["norms"] = {{"id", profile.id}, {"version", profile.version}};
    ordered course = ordered::object();
    for (const auto& s : expected.symptoms) {
        std::string source;
        for (const auto& key : s.source_keys) {
            source += (source.empty() ? "" : "; ") + profile.cite(key);
        }
        course[std::string(scale_of(s.symptom).key)] = {
            {"resolve_by_day", s.resolve_by_day}, {"envelope", s.envelope}, {"source", source}};
    }
    out["expected"] = std::move(course);
    ordered list = ordered::array();
    for (const auto& f : flags) {
        list.push_back({{"rule", f.rule_id},
                        {"severity", std::string(to_string(f.severity))},
                        {"symptom", f.symptom},
                        {"day", f.day},
                        {"message", f.message},
                        {"source", f.source}});
    }
    out["flags"] = std::move(list);
    // Replace invalid UTF-8 rather than throw: nothing in the output comes from the input
    // text, but a clinic's profile is outside data too.
    return out.dump(2, ' ', false, ordered::error_handler_t::replace);
}

} // namespace punctum::core
