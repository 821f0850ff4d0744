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
    auto products = nlohmann::json::array();
    for (const auto& p : session.products) {
        products.push_back({{"name", p.name},
                            {"lot_number", p.lot_number},
                            {"phase", std::string(core::to_string(p.phase))}});
    }
    auto add_ons = nlohmann::json::array();
    for (const auto& a : session.add_ons) {
        add_ons.push_back({{"kind", std::string(core::to_string(a.kind))}, {"detail", a.detail}});
    }
    // Not recorded is null (or "" for text), never 0; keys as the vault's columns.
    const auto& s = session;
    return {{"id", session.id.value},
            {"client_id", session.client_id.value},
            {"treated_on", core::format_date(session.treated_on)},
            {"device", session.device},
            {"cartridge", session.cartridge},
            {"areas", areas},
            {"products", products},
            {"add_ons", add_ons},
            {"immediate_response", session.immediate_response},
            {"aftercare_given", session.aftercare_given},
            {"notes", session.notes},
            {"indication", s.indication
                               ? nlohmann::json(std::string(core::to_string(*s.indication)))
                               : nlohmann::json(nullptr)},
            {"indication_detail", s.indication_detail},
            {"scar_grade", optional_json(s.scar_grade)},
            {"course_sessions", optional_json(s.course_sessions)},
            {"course_interval_days", optional_json(s.course_interval_days)},
            {"anaesthetic", s.anaesthetic},
            {"anaesthetic_minutes", optional_json(s.anaesthetic_minutes)},
            {"skin_prep", s.skin_prep},
            {"cartridge_lot", s.cartridge_lot},
            {"cartridge_expiry", s.cartridge_expiry
                                     ? nlohmann::json(core::format_date(*s.cartridge_expiry))
                                     : nlohmann::json(nullptr)},
            {"device_serial", s.device_serial},
            {"endpoint_erythema", optional_json(s.endpoint_erythema)},
            {"endpoint_bleeding", optional_json(s.endpoint_bleeding)},
            {"antiviral_prophylaxis", optional_json(s.antiviral_prophylaxis)},
            {"consent_form", s.consent_form},
            {"consent_version", s.consent_version}};
}

nlohmann::json to_json(const storage::StoredFlag& flag) {
    return {{"id", flag.id},
            {"session_id", flag.session_id.value},
            {"client_id", flag.client_id.value},
            {"client", flag.client_name},
            {"treated_on", core::format_date(flag.treated_on)},
            {"rule", flag.flag.rule_id},
            {"severity", std::string(core::to_string(flag.flag.severity))},
            {"symptom", flag.flag.symptom},
            {"day", flag.flag.day},
            {"message", flag.flag.message},
            {"source", flag.flag.source},
            {"norms", {{"id", flag.flag.profile_id}, {"version", flag.flag.profile_version}}},
            {"state", std::string(storage::to_string(flag.state))},
            {"raised_at", core::format_timestamp(flag.raised_at)},
            {"changed_at", flag.changed_at
                               ? nlohmann::json(core::format_timestamp(*flag.changed_at))
                               : nlohmann::json(nullptr)},
            {"changed_by", flag.changed_by},
            {"reason", flag.reason}};
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
            {"note", entry.note},
            {"gais_practitioner", optional_json(entry.gais_practitioner)},
            {"gais_patient", optional_json(entry.gais_patient)}};
}

} // namespace punctum::cli
