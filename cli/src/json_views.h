#pragma once
// Records as JSON, the form scripts read. Dates are ISO 8601; unknown scores are null.

#include "punctum/core/model/client.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/flag_store.h"

#include <nlohmann/json.hpp>

namespace punctum::cli {

[[nodiscard]] nlohmann::json to_json(const core::Client& client);
[[nodiscard]] nlohmann::json to_json(const storage::ClientSummary& summary);
[[nodiscard]] nlohmann::json to_json(const core::TreatmentSession& session);
[[nodiscard]] nlohmann::json to_json(const core::RecoveryEntry& entry);
[[nodiscard]] nlohmann::json to_json(const storage::StoredFlag& flag);

} // namespace punctum::cli
