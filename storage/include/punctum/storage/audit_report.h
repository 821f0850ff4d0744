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
};

} // namespace punctum::storage
