#include "punctum/core/screening/screening_json.h"

#include "strict_json.h"

#include <algorithm>

namespace punctum::core {

namespace {

Date date_field(StrictObject& o, const std::string& key) {
    const std::string text = o.text(key);
    const auto d = parse_date(text);
    if (!d) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value,
                              o.field(key) + " must be a date like 2026-03-03, not '" + text +
                                  "'.");
    }
    return *d;
}

// A list of names, each one of `allowed`, none twice.
std::vector<std::string> names(StrictObject& o, const std::string& key,
                               const std::vector<std::string>& allowed, const char* expected) {
    std::vector<std::string> out;
    for (const auto& v : o.array(key)) {
        if (!v.is_string()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  o.field(key) + " must be a list of names (" + expected + ").");
        }
        auto name = v.get<std::string>();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            throw StrictJsonError(StrictJsonError::Kind::unknown, o.field(key) + ": '" + name +
                                                                      "' is not known; use " +
                                                                      expected + ".");
        }
        if (std::find(out.begin(), out.end(), name) != out.end()) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  o.field(key) + " lists '" + name + "' twice.");
        }
        out.push_back(std::move(name));
    }
    return out;
}

} // namespace

Result<ScreeningInput, ScreeningError> parse_screening_input(std::string_view json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) {
        return fail(ScreeningErrc::unknown_item, "The input is not valid JSON.");
    }
    try {
        StrictObject root(parsed, "input");
        ScreeningInput in;
        in.date = date_field(root, "date");
        if (root.has("depth_mm") && !root.raw("depth_mm").is_null()) {
            in.depth_mm = root.number("depth_mm", 0.1, 3.0);
        }
        if (root.has("conditions")) {
            for (const auto& c : root.array("conditions")) {
                if (!c.is_string()) {
                    throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                          "input.conditions must be a list of condition names.");
                }
                in.conditions.push_back(c.get<std::string>());
            }
        }
        if (root.has("recent")) {
            auto recent = root.object("recent");
            for (const auto& item : screening_recent_items()) {
                if (recent.has(item) && !recent.raw(item).is_null()) {
                    in.recent.emplace(item, date_field(recent, item));
                }
            }
            recent.finish();
        }
        if (root.has("add_ons")) {
            in.add_ons = names(root, "add_ons", screening_add_ons(), "prp or rf");
        }
        if (root.has("recent_from_vault")) {
            in.recent_from_vault =
                names(root, "recent_from_vault", screening_recent_items(), "a recent item");
            for (const auto& item : in.recent_from_vault) {
                if (in.recent.count(item) == 0) {
                    throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                          root.field("recent_from_vault") + " names '" + item +
                                              "', which has no date in input.recent.");
                }
            }
        }
        if (root.has("history_confirmed")) {
            in.history_confirmed = root.boolean("history_confirmed");
        }
        root.finish();
        return in;
    } catch (const StrictJsonError& e) {
        return fail(e.kind() == StrictJsonError::Kind::unknown ? ScreeningErrc::unknown_item
                                                               : ScreeningErrc::bad_date,
                    e.what());
    }
}

std::string screening_result_json(const ScreeningResult& result) {
    nlohmann::json out;
    out["verdict"] = std::string(to_string(result.verdict));
    if (result.earliest_date) {
        out["earliest_date"] = format_date(*result.earliest_date);
    }
    out["norms"] = {{"id", result.profile_id}, {"version", result.profile_version}};
    auto& reasons = out["reasons"] = nlohmann::json::array();
    for (const auto& r : result.reasons) {
        nlohmann::json j{{"item", r.item},
                         {"outcome", std::string(to_string(r.outcome))},
                         {"message", r.message},
                         {"source", r.source}};
        if (r.until) {
            j["until"] = format_date(*r.until);
        }
        if (!r.note.empty()) {
            j["note"] = r.note;
        }
        j["absolute"] = r.absolute;
        reasons.push_back(std::move(j));
    }
    return out.dump(2);
}

std::string screening_input_json(const ScreeningInput& input) {
    nlohmann::json out{{"date", format_date(input.date)}, {"conditions", input.conditions}};
    if (input.depth_mm) {
        out["depth_mm"] = *input.depth_mm;
    }
    auto& recent = out["recent"] = nlohmann::json::object();
    for (const auto& [item, date] : input.recent) {
        recent[item] = format_date(date);
    }
    // Written only when set, so an input without them reads back as it was given.
    if (!input.add_ons.empty()) {
        out["add_ons"] = input.add_ons;
    }
    if (!input.recent_from_vault.empty()) {
        out["recent_from_vault"] = input.recent_from_vault;
    }
    if (input.history_confirmed) {
        out["history_confirmed"] = true;
    }
    return out.dump();
}

Result<ScreeningResult, ScreeningError> parse_screening_result(std::string_view json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) {
        return fail(ScreeningErrc::unknown_item, "The stored screening is not valid JSON.");
    }
    const auto outcome = [](StrictObject& o, const std::string& key) {
        const auto value = outcome_from_string(o.text(key));
        if (!value) {
            throw StrictJsonError(StrictJsonError::Kind::bad_value,
                                  o.field(key) + " is not a screening outcome.");
        }
        return *value;
    };
    try {
        StrictObject root(parsed, "screening");
        ScreeningResult result;
        result.verdict = outcome(root, "verdict");
        if (root.has("earliest_date")) {
            result.earliest_date = date_field(root, "earliest_date");
        }
        auto norms = root.object("norms");
        result.profile_id = norms.text("id");
        result.profile_version = norms.text("version");
        norms.finish();
        for (const auto& r : root.array("reasons")) {
            StrictObject reason(r, "screening.reasons[]");
            ScreeningReason out;
            out.item = reason.text("item");
            out.outcome = outcome(reason, "outcome");
            out.message = reason.text("message");
            out.source = reason.text("source");
            if (reason.has("until")) {
                out.until = date_field(reason, "until");
            }
            out.note = reason.text_or("note", "");
            // Screenings stored before absolute contraindications were marked have none.
            out.absolute = reason.has("absolute") && reason.boolean("absolute");
            reason.finish();
            result.reasons.push_back(std::move(out));
        }
        root.finish();
        return result;
    } catch (const StrictJsonError& e) {
        return fail(ScreeningErrc::bad_date, e.what());
    }
}

} // namespace punctum::core
