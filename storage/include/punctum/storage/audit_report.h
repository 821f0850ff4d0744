#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace punctum::storage {

/// The result of verifying the audit chain.
struct AuditReport {
    bool ok = true;
    std::int64_t events = 0;               ///< events checked
    std::optional<std::int64_t> first_bad; ///< seq of the first event that fails
    std::string message;                   ///< what is wrong, naming the event; empty if ok
};

} // namespace punctum::storage
