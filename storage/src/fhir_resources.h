#pragma once
// FHIR R4 resources for one vault's records, as JSON (nlohmann's ordered_json, so a reader
// sees resourceType and id first). Pure mapping, no SQL: fhir_export.cpp reads the vault
// and calls these. Internal to storage.
//
// References between resources are urn:uuid: full URLs, stable for a vault (a name-based
// id from the vault id and the resource's own id), so the same record exported twice has
// the same ids and a receiver can tell a new record from one it already has.
// Codes Punctum owns (symptoms, flag rules, audit actions, extensions) live under
// https://punctum.app/fhir/; terminology.hl7.org systems are used where FHIR has one.

#include "punctum/core/model/client.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/storage/account.h"
#include "punctum/storage/flag_store.h"
#include "punctum/storage/photo_store.h"

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace punctum::storage::detail {

using Json = nlohmann::ordered_json;

/// Names resources of one vault: "Patient", "client-3" -> "urn:uuid:...".
class FhirIds {
public:
    explicit FhirIds(std::string vault_id) : vault_id_(std::move(vault_id)) {}
    [[nodiscard]] std::string url(std::string_view type, std::string_view id) const;
    /// {"reference": url, "display": display} (display left out when empty).
    [[nodiscard]] Json reference(std::string_view type, std::string_view id,
                                 std::string_view display = {}) const;

private:
    std::string vault_id_;
};

/// One Bundle entry: {"fullUrl", "resource"}.
[[nodiscard]] Json bundle_entry(const FhirIds& ids, Json resource);

[[nodiscard]] Json patient(const core::Client& client);
[[nodiscard]] Json practitioner(const Account& account);
/// The pen (device and serial) and the needle cartridge (with lot and expiry) of a session,
/// as Device resources; either left out when the session did not record it.
[[nodiscard]] std::vector<Json> devices(const core::TreatmentSession& session);
/// Each product with its lot number, as a Medication ("product-<session>-<n>").
[[nodiscard]] std::vector<Json> medications(const core::TreatmentSession& session);
/// The session: subject, performer, day, body sites with depth and passes, devices,
/// products, reason, notes, aftercare.
[[nodiscard]] Json procedure(const FhirIds& ids, const core::TreatmentSession& session,
                             const std::string& practitioner_display);
/// One Observation per score the entry recorded, with the scale it was scored on, and
/// one per GAIS rating.
[[nodiscard]] std::vector<Json> observations(const FhirIds& ids, const core::RecoveryEntry& entry,
                                             core::ClientId client);
/// A photo with its (metadata-free) bytes.
[[nodiscard]] Json media(const FhirIds& ids, const PhotoInfo& photo,
                         const std::vector<std::uint8_t>& bytes);
[[nodiscard]] Json flag(const FhirIds& ids, const StoredFlag& stored);
/// One audit event; `agent` is the Practitioner who acted, or invalid for an account that
/// is not one (a patient, or none), named by `agent_display` alone.
struct AuditRow {
    std::int64_t seq = 0;
    std::string at; ///< ISO 8601 UTC
    core::AccountId agent;
    std::string agent_display;
    std::string action; ///< "entry.add"
    std::string object; ///< "entry:42"
};
[[nodiscard]] Json audit_event(const FhirIds& ids, const AuditRow& row);

} // namespace punctum::storage::detail
