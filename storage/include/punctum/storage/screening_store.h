#pragma once
// Screenings: the verdict given before a treatment, with the input it was given on, the
// profile that decided it, and, when a practitioner treated despite it, their written
// justification. The verdict is computed here from the profile in force, never passed in.

#include "punctum/core/clock.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/screening/screening.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

struct StoredScreening {
    std::int64_t id = 0;
    core::ClientId client_id;
    core::SessionId session_id; ///< invalid until a session is recorded for it
    core::ScreeningInput input;
    core::ScreeningResult result;
    std::optional<std::string> override_justification;
    std::string overridden_by; ///< display name
    core::TimePoint created_at{};
    std::string created_by; ///< display name
    /// The client's medical history was gone through with them at this screening.
    bool history_confirmed = false;

    /// True when treatment may go ahead: the verdict allows it, or it was overridden.
    [[nodiscard]] bool clears_treatment() const {
        return result.verdict <= core::Outcome::caution || override_justification.has_value();
    }
};

class ScreeningStore {
public:
    explicit ScreeningStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Screens `input` for a client with the profile in force and stores the verdict
    /// (Action::write_clinical). Unknown items or impossible dates are refused. The date of
    /// the client's last microneedling comes from this vault's sessions (the latest before
    /// the screening day) when it is later than the one given or none was given; the stored
    /// input then lists it in recent_from_vault and the reason says so. The input's
    /// history_confirmed (the medical history was gone through today) is stored with it.
    [[nodiscard]] StorageResult<StoredScreening> record(core::ClientId client,
                                                        const core::ScreeningInput& input);
    /// A practitioner treats despite a defer, refer or decline verdict: the written
    /// justification is kept with the screening, attributed (Action::write_clinical).
    [[nodiscard]] StorageResult<void> override_verdict(std::int64_t screening,
                                                       std::string_view justification);
    /// Links a screening to the session it cleared (Action::write_clinical).
    [[nodiscard]] StorageResult<void> attach(std::int64_t screening, core::SessionId session);
    [[nodiscard]] StorageResult<StoredScreening> get(std::int64_t id);
    /// A client's screenings, newest first.
    [[nodiscard]] StorageResult<std::vector<StoredScreening>> of_client(core::ClientId client);

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
