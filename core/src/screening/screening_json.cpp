#include "punctum/core/screening/screening_json.h"

#include "strict_json.h"

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
