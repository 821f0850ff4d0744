#pragma once

#include "punctum/core/model/client.h"
#include "punctum/core/model/consent.h"
#include "punctum/core/model/medical_history.h"
#include "punctum/storage/storage_error.h"

#include <optional>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// One row of the client list: enough to show without loading the client's history.
struct ClientSummary {
    core::ClientId id;
    std::string display_name;
    std::optional<int> fitzpatrick;
    int session_count = 0;
    std::optional<core::Date> last_treated_on;
};

/// A client's recorded answer about one use of their photos.
struct PhotoConsent {
    core::PhotoUse use = core::PhotoUse::medical_record;
    bool granted = false;
    core::TimePoint recorded_at{};
    std::string recorded_by; ///< display name
};

/// Clients of the vault. Writes need Action::write_clinical.
class ClientStore {
public:
    explicit ClientStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    [[nodiscard]] StorageResult<core::ClientId> add(core::Client client);
    /// A personal vault's own record: the client made with the vault, whose treatments and
    /// check-ins are the patient's. not_found in a clinic vault.
    [[nodiscard]] StorageResult<core::ClientId> own();
    [[nodiscard]] StorageResult<core::Client> get(core::ClientId id);
    /// Clients whose name contains `search` (case-insensitive), by name, one page at a time
    /// so a list of 10k clients never loads whole.
    [[nodiscard]] StorageResult<std::vector<ClientSummary>> list(std::string_view search,
                                                                 int offset, int limit);
    [[nodiscard]] StorageResult<int> count(std::string_view search);

    /// Records whether the client allows `use` of their photos (replacing an earlier
    /// answer), attributed and audited.
    [[nodiscard]] StorageResult<void> set_consent(core::ClientId id, core::PhotoUse use,
                                                  bool granted);
    /// The answers recorded so far; a use never asked about is absent.
    [[nodiscard]] StorageResult<std::vector<PhotoConsent>> consents(core::ClientId id);

    /// The client's lasting medical history (allergies, sensitivities, medications,
    /// conditions); all empty and no updated_at when none was ever recorded.
    [[nodiscard]] StorageResult<core::MedicalHistory> history(core::ClientId id);
    /// Replaces the client's medical history and stamps updated_at with the clock,
    /// attributed and audited (Action::write_clinical). Saving it unchanged changes nothing
    /// and records nothing; re-confirming it is done at screening (ScreeningInput).
    [[nodiscard]] StorageResult<core::MedicalHistory> set_history(core::ClientId id,
                                                                  core::MedicalHistory history);

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
