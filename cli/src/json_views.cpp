#include "json_views.h"

namespace punctum::cli {

namespace {
template <typename T> nlohmann::json optional_json(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
} // namespace

nlohmann::json to_json(const core::Client& client) {
    return {{"id", client.id.value},
            {"name", client.display_name},
            {"date_of_birth", client.date_of_birth
                                  ? nlohmann::json(core::format_date(*client.date_of_birth))
                                  : nlohmann::json(nullptr)},
            {"fitzpatrick", optional_json(client.fitzpatrick)},
            {"notes", client.notes}};
}

nlohmann::json to_json(const storage::ClientSummary& summary) {
    return {{"id", summary.id.value},
            {"name", summary.display_name},
            {"fitzpatrick", optional_json(summary.fitzpatrick)},
            {"sessions", summary.session_count},
            {"last_treated_on", summary.last_treated_on
                                    ? nlohmann::json(core::format_date(*summary.last_treated_on))
                                    : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const core::TreatmentSession& session) {
    auto areas = nlohmann::json::array();
    for (const auto& a : session.areas) {
        areas.push_back({{"area", a.area}, {"depth_mm", a.depth_mm}, {"passes", a.passes}});
    }
    return {{"id", session.id.value},
            {"client_id", session.client_id.value},
            {"treated_on", core::format_date(session.treated_on)},
            {"device", session.device},
            {"areas", areas},
            {"notes", session.notes}};
}

nlohmann::json to_json(const core::RecoveryEntry& entry) {
    nlohmann::json scores = nlohmann::json::object();
    for (const auto& scale : core::all_scales()) {
        const auto v = entry.score(scale.symptom);
        if (scale.yes_no) {
            scores[std::string(scale.key)] = v ? nlohmann::json(*v == 1) : nlohmann::json(nullptr);
        } else {
            scores[std::string(scale.key)] = optional_json(v);
        }
    }
    return {{"id", entry.id.value},
            {"session_id", entry.session_id.value},
            {"observed_on", core::format_date(entry.observed_on)},
            {"reporter", std::string(core::to_string(entry.reporter))},
            {"scores", scores},
            {"note", entry.note}};
}

} // namespace punctum::cli
