#include "punctum/core/recovery/check_in_input.h"

#include "strict_json.h"

#include <nlohmann/json.hpp>

namespace punctum::core {

namespace {

constexpr std::size_t max_note = 4000;

[[noreturn]] void bad(const std::string& message) {
    throw StrictJsonError(StrictJsonError::Kind::bad_value, message);
}

CheckInInput read(const nlohmann::json& root) {
    StrictObject o(root, "check-in");
    CheckInInput in;
    if (o.has("date") && o.has("day")) {
        bad("Give \"date\" or \"day\" (days after treatment), not both.");
    }
    if (o.has("date")) {
        in.date = parse_date(o.text("date"));
        if (!in.date) {
            bad(o.field("date") + " must be a date like 2026-03-03.");
        }
    }
    if (o.has("day")) {
        in.day = o.integer("day", 0, max_entry_day);
    }
    if (o.has("session")) {
        const auto& v = o.raw("session");
        if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
            bad(o.field("session") + " must be a session id (a whole number from 1).");
        }
        in.session = v.get<std::int64_t>();
    }
    bool any = false;
    for (const auto& scale : all_scales()) {
        const std::string key(scale.key);
        if (o.has(key)) {
            in.scores.at(static_cast<std::size_t>(scale.symptom)) =
                scale.yes_no ? (o.boolean(key) ? 1 : 0) : o.integer(key, 0, scale.max);
            any = true;
        }
    }
    if (o.has("gais_patient")) {
        in.gais_patient = o.integer("gais_patient", 1, 5);
        any = true;
    }
    if (o.has("note")) {
        in.note = o.text("note");
        if (in.note.size() > max_note) {
            bad(o.field("note") + " is longer than " + std::to_string(max_note) + " bytes.");
        }
    }
    if (!any) {
        bad("A check-in needs at least one score, e.g. {\"erythema\": 2}.");
    }
    o.finish();
    return in;
}

} // namespace

Result<CheckInInput, AssessInputError> parse_check_in(std::string_view text) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        return fail(AssessInputErrc::malformed,
                    std::string("The check-in is not valid JSON: ") + e.what());
    }
    try {
        return read(root);
    } catch (const StrictJsonError& e) {
        return fail(e.kind() == StrictJsonError::Kind::unknown ? AssessInputErrc::unknown_field
                                                               : AssessInputErrc::bad_value,
                    e.what());
    } catch (const nlohmann::json::exception& e) {
        return fail(AssessInputErrc::bad_value, std::string("The check-in: ") + e.what());
    }
}

} // namespace punctum::core
