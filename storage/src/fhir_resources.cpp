#include "fhir_resources.h"

#include "crypto.h"
#include "punctum/core/date.h"
#include "punctum/core/model/symptom.h"

#include <array>
#include <cstdio>
#include <sodium.h>

namespace punctum::storage::detail {

namespace {

constexpr std::string_view punctum_fhir = "https://punctum.app/fhir/";
constexpr std::string_view ucum = "http://unitsofmeasure.org";

std::string punctum_url(std::string_view path) {
    return std::string(punctum_fhir) + std::string(path);
}

Json coding(std::string_view system, std::string_view code, std::string_view display = {}) {
    Json c{{"system", system}, {"code", code}};
    if (!display.empty()) {
        c["display"] = display;
    }
    return c;
}

Json text_concept(std::string_view text) {
    return Json{{"text", text}};
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL sodium writes
    return out;
}

std::string id_of(std::string_view kind, std::int64_t id) {
    return std::string(kind) + "-" + std::to_string(id);
}

// "Clinician's Erythema Assessment (CEA), 0 clear to 4 ...": the scale a score was given on,
// with the words of its ends, so a receiver can read the number without Punctum.
std::string scale_words(const core::SymptomScale& scale) {
    std::string words = scale.yes_no ? "yes or no"
                                     : "0 " + std::string(scale.labels.front()) + " to " +
                                           std::to_string(scale.max) + " " +
                                           std::string(scale.labels.back());
    return scale.scale.empty() ? words : std::string(scale.scale) + ", " + words;
}

Json observation_base(const FhirIds& ids, const core::RecoveryEntry& entry, core::ClientId client,
                      std::string id) {
    Json o{{"resourceType", "Observation"}, {"id", std::move(id)}, {"status", "final"}};
    o["category"] =
        Json::array({Json{{"coding", Json::array({coding("http://terminology.hl7.org/CodeSystem/"
                                                         "observation-category",
                                                         "survey", "Survey")})}}});
    o["subject"] = ids.reference("Patient", id_of("client", client.value));
    o["partOf"] =
        Json::array({ids.reference("Procedure", id_of("session", entry.session_id.value))});
    o["effectiveDateTime"] = core::format_date(entry.observed_on);
    o["performer"] = Json::array(
        {entry.reporter == core::Reporter::patient
             ? ids.reference("Patient", id_of("client", client.value))
             : ids.reference("Practitioner", id_of("account", entry.recorded_by.value))});
    return o;
}

} // namespace

std::string FhirIds::url(std::string_view type, std::string_view id) const {
    const auto hash = crypto::digest(vault_id_ + "/" + std::string(type) + "/" + std::string(id));
    std::array<unsigned char, 16> u{};
    std::copy_n(hash.begin(), u.size(), u.begin());
    u[6] = static_cast<unsigned char>((u[6] & 0x0F) | 0x80); // version 8: name-based, custom
    u[8] = static_cast<unsigned char>((u[8] & 0x3F) | 0x80); // RFC 4122 variant
    const std::string hex = crypto::to_hex(u);
    return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20);
}

Json FhirIds::reference(std::string_view type, std::string_view id,
                        std::string_view display) const {
    Json r{{"reference", url(type, id)}};
    if (!display.empty()) {
        r["display"] = display;
    }
    return r;
}

Json bundle_entry(const FhirIds& ids, Json resource) {
    const std::string type = resource.at("resourceType");
    const std::string id = resource.at("id");
    return Json{{"fullUrl", ids.url(type, id)}, {"resource", std::move(resource)}};
}

Json patient(const core::Client& client) {
    Json p{{"resourceType", "Patient"}, {"id", id_of("client", client.id.value)}};
    p["identifier"] = Json::array(
        {Json{{"system", punctum_url("client-id")}, {"value", std::to_string(client.id.value)}}});
    p["name"] = Json::array({Json{{"text", client.display_name}}});
    if (client.date_of_birth) {
        p["birthDate"] = core::format_date(*client.date_of_birth);
    }
    return p;
}

Json practitioner(const Account& account) {
    Json p{{"resourceType", "Practitioner"}, {"id", id_of("account", account.id.value)}};
    p["identifier"] =
        Json::array({Json{{"system", punctum_url("account")}, {"value", account.name}}});
    p["name"] = Json::array({Json{{"text", account.display_name}}});
    return p;
}

std::vector<Json> devices(const core::TreatmentSession& session) {
    std::vector<Json> out;
    const auto sid = session.id.value;
    if (!session.device.empty() || !session.device_serial.empty()) {
        Json d{{"resourceType", "Device"}, {"id", id_of("pen", sid)}};
        if (!session.device_serial.empty()) {
            d["serialNumber"] = session.device_serial;
        }
        d["deviceName"] = Json::array(
            {Json{{"name", session.device.empty() ? "microneedling device" : session.device},
                  {"type", "user-friendly-name"}}});
        d["type"] = text_concept("Microneedling device");
        out.push_back(std::move(d));
    }
    if (!session.cartridge.empty() || !session.cartridge_lot.empty()) {
        Json d{{"resourceType", "Device"}, {"id", id_of("cartridge", sid)}};
        if (!session.cartridge_lot.empty()) {
            d["lotNumber"] = session.cartridge_lot;
        }
        if (session.cartridge_expiry) {
            d["expirationDate"] = core::format_date(*session.cartridge_expiry);
        }
        d["deviceName"] = Json::array(
            {Json{{"name", session.cartridge.empty() ? "needle cartridge" : session.cartridge},
                  {"type", "user-friendly-name"}}});
        d["type"] = text_concept("Needle cartridge");
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<Json> medications(const core::TreatmentSession& session) {
    std::vector<Json> out;
    for (std::size_t i = 0; i < session.products.size(); ++i) {
        const auto& product = session.products[i];
        Json m{{"resourceType", "Medication"},
               {"id", "product-" + std::to_string(session.id.value) + "-" + std::to_string(i + 1)}};
        m["code"] = text_concept(product.name);
        if (!product.lot_number.empty()) {
            m["batch"] = Json{{"lotNumber", product.lot_number}};
        }
        out.push_back(std::move(m));
    }
    return out;
}

Json procedure(const FhirIds& ids, const core::TreatmentSession& session,
               const std::string& practitioner_display) {
    const auto sid = session.id.value;
    Json p{{"resourceType", "Procedure"}, {"id", id_of("session", sid)}, {"status", "completed"}};
    p["code"] = text_concept("Microneedling (collagen induction therapy)");
    p["subject"] = ids.reference("Patient", id_of("client", session.client_id.value));
    p["performedDateTime"] = core::format_date(session.treated_on);
    p["performer"] = Json::array(
        {Json{{"actor", ids.reference("Practitioner", id_of("account", session.practitioner.value),
                                      practitioner_display)}}});
    if (session.indication) {
        std::string reason(core::indication_words(*session.indication));
        if (!session.indication_detail.empty()) {
            reason += ": " + session.indication_detail;
        }
        p["reasonCode"] = Json::array({text_concept(reason)});
    }
    Json sites = Json::array();
    for (const auto& area : session.areas) {
        Json site = text_concept(area.area);
        site["extension"] =
            Json::array({Json{{"url", punctum_url("StructureDefinition/needle-depth")},
                              {"valueQuantity", Json{{"value", area.depth_mm},
                                                     {"unit", "mm"},
                                                     {"system", ucum},
                                                     {"code", "mm"}}}},
                         Json{{"url", punctum_url("StructureDefinition/passes")},
                              {"valueInteger", area.passes}}});
        sites.push_back(std::move(site));
    }
    if (!sites.empty()) {
        p["bodySite"] = std::move(sites);
    }
    Json focal = Json::array();
    for (const auto& device : devices(session)) {
        focal.push_back(
            Json{{"manipulated", ids.reference("Device", device.at("id").get<std::string>())}});
    }
    if (!focal.empty()) {
        p["focalDevice"] = std::move(focal);
    }
    Json used = Json::array();
    for (const auto& medication : medications(session)) {
        used.push_back(ids.reference("Medication", medication.at("id").get<std::string>(),
                                     medication.at("code").at("text").get<std::string>()));
    }
    if (!used.empty()) {
        p["usedReference"] = std::move(used);
    }
    Json notes = Json::array();
    for (const auto* text : {&session.notes, &session.immediate_response}) {
        if (!text->empty()) {
            notes.push_back(Json{{"text", *text}});
        }
    }
    if (!notes.empty()) {
        p["note"] = std::move(notes);
    }
    if (!session.aftercare_given.empty()) {
        p["followUp"] = Json::array({text_concept(session.aftercare_given)});
    }
    return p;
}

std::vector<Json> observations(const FhirIds& ids, const core::RecoveryEntry& entry,
                               core::ClientId client) {
    std::vector<Json> out;
    const std::string entry_id = id_of("entry", entry.id.value);
    for (const auto& scale : core::all_scales()) {
        const auto score = entry.score(scale.symptom);
        if (!score) {
            continue;
        }
        Json o = observation_base(ids, entry, client, entry_id + "-" + std::string(scale.key));
        o["code"] = Json{{"coding", Json::array({coding(punctum_url("CodeSystem/recovery-symptom"),
                                                        scale.key, scale.name)})},
                         {"text", scale.name}};
        o["method"] = text_concept(scale_words(scale));
        if (scale.yes_no) {
            o["valueBoolean"] = *score == 1;
        } else {
            o["valueInteger"] = *score;
            o["referenceRange"] = Json::array({Json{{"low", Json{{"value", 0}}},
                                                    {"high", Json{{"value", scale.max}}},
                                                    {"text", scale_words(scale)}}});
        }
        out.push_back(std::move(o));
    }
    const std::pair<const std::optional<int>*, std::string_view> ratings[] = {
        {&entry.gais_practitioner, "gais-practitioner"}, {&entry.gais_patient, "gais-patient"}};
    for (const auto& [rating, key] : ratings) {
        if (!*rating) {
            continue;
        }
        Json o = observation_base(ids, entry, client, entry_id + "-" + std::string(key));
        o["code"] =
            Json{{"coding", Json::array({coding(punctum_url("CodeSystem/recovery-symptom"), key)})},
                 {"text", key == "gais-patient"
                              ? "Global Aesthetic Improvement, patient's rating"
                              : "Global Aesthetic Improvement, practitioner's rating"}};
        o["method"] =
            text_concept("Global Aesthetic Improvement Scale (GAIS), 1 very much improved "
                         "to 5 worse");
        o["valueInteger"] = **rating;
        out.push_back(std::move(o));
    }
    return out;
}

Json media(const FhirIds& ids, const PhotoInfo& photo, const std::vector<std::uint8_t>& bytes) {
    Json m{{"resourceType", "Media"}, {"id", id_of("photo", photo.id)}, {"status", "completed"}};
    m["type"] =
        Json{{"coding", Json::array({coding("http://terminology.hl7.org/CodeSystem/media-type",
                                            "image", "Image")})}};
    if (photo.view != core::PhotoView::unspecified) {
        m["view"] = text_concept(core::photo_view_words(photo.view));
    }
    m["subject"] = ids.reference("Patient", id_of("client", photo.client_id.value));
    m["partOf"] =
        Json::array({ids.reference("Procedure", id_of("session", photo.session_id.value))});
    m["createdDateTime"] = core::format_date(photo.taken_on);
    if (!photo.area.empty()) {
        m["bodySite"] = text_concept(photo.area);
    }
    m["height"] = photo.height;
    m["width"] = photo.width;
    m["content"] = Json{{"contentType", photo.mime},
                        {"data", base64(bytes)},
                        {"size", bytes.size()},
                        {"title", "Day " + std::to_string(photo.day) + " after treatment"}};
    return m;
}

Json flag(const FhirIds& ids, const StoredFlag& stored) {
    const auto& f = stored.flag;
    const bool active = stored.state == FlagState::open || stored.state == FlagState::acknowledged;
    Json out{{"resourceType", "Flag"}, {"id", id_of("flag", stored.id)}};
    out["extension"] = Json::array(
        {Json{{"url", punctum_url("StructureDefinition/flag-severity")},
              {"valueCode", core::to_string(f.severity)}},
         Json{{"url", punctum_url("StructureDefinition/flag-state")},
              {"valueCode", to_string(stored.state)}},
         Json{{"url", punctum_url("StructureDefinition/recovery-day")}, {"valueInteger", f.day}}});
    out["status"] = active ? "active" : "inactive";
    out["category"] = Json::array(
        {Json{{"coding", Json::array({coding("http://terminology.hl7.org/CodeSystem/flag-category",
                                             "clinical", "Clinical")})}}});
    // The norm it applied and where that norm comes from travel with the flag.
    out["code"] =
        Json{{"coding", Json::array({coding(punctum_url("CodeSystem/recovery-rule"), f.rule_id)})},
             {"text", f.message + " Source: " + f.source + " (norms " + f.profile_id + " " +
                          f.profile_version + ")"}};
    out["subject"] = ids.reference("Patient", id_of("client", stored.client_id.value));
    Json period{{"start", core::format_timestamp(stored.raised_at)}};
    if (!active && stored.changed_at) {
        period["end"] = core::format_timestamp(*stored.changed_at);
    }
    out["period"] = std::move(period);
    return out;
}

Json audit_event(const FhirIds& ids, const AuditRow& row) {
    Json e{{"resourceType", "AuditEvent"}, {"id", "audit-" + std::to_string(row.seq)}};
    e["type"] = coding(punctum_url("CodeSystem/audit-action"), row.action);
    e["recorded"] = row.at;
    Json agent{{"requestor", true}};
    agent["who"] =
        row.agent.valid()
            ? ids.reference("Practitioner", id_of("account", row.agent.value), row.agent_display)
            : Json{{"display", row.agent_display.empty() ? "Punctum" : row.agent_display}};
    e["agent"] = Json::array({std::move(agent)});
    e["source"] = Json{{"observer", Json{{"display", "Punctum vault"}}}};
    e["entity"] = Json::array({Json{{"what", Json{{"display", row.object}}}}});
    return e;
}

} // namespace punctum::storage::detail
