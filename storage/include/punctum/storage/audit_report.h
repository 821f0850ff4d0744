#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace punctum::storage {

/// The result of verifying the audit chain.
struct AuditReport {
    bool ok = true;
    std::int64_t events = 0;               ///< events checked
    std::int64_t signed_events = 0;        ///< of them, signed by their account's own key
    std::int64_t mac_only_events = 0;      ///< made before signing existed: MAC-verified only
    std::optional<std::int64_t> first_bad; ///< seq of the first event that fails
    std::string message;                   ///< what is wrong, naming the event; empty if ok
    /// True when only the events after a signed checkpoint were walked (`events` counts
    /// those); false for a full walk from event 1.
    bool incremental = false;
    std::int64_t from_seq = 0; ///< the checkpoint's event when incremental, else 0
    std::string checkpoint_at; ///< when that checkpoint was verified (UTC timestamp)
    std::string checkpoint_by; ///< the account that verified and signed it
    /// Why a checkpoint there was could not be used (a forged or altered one, another
    /// schema): the walk was then full. Empty when none was kept or it was used.
    std::string checkpoint_note;
    double seconds = 0; ///< how long the verification took (wall clock)
};

} // namespace punctum::storage
