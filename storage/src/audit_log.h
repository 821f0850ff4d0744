#pragma once
// The tamper-evident audit chain: every write appends an event whose MAC covers the
// previous event's MAC, keyed by a subkey of the data key. Triggers refuse UPDATE and
// DELETE on audit rows, so changing history means forging MACs without the key.

#include "punctum/core/clock.h"
#include "punctum/core/model/ids.h"
#include "punctum/storage/secure_bytes.h"
#include "sqlite/connection.h"

#include <string_view>

namespace punctum::storage {

class AuditLog {
public:
    AuditLog(Connection& db, const SecureBytes& data_key);

    /// Appends one event inside the caller's transaction. `change` is a canonical text of
    /// what changed; only its digest is stored, so the log itself holds no clinical text.
    void append(core::TimePoint at, core::AccountId account, std::string_view action,
                std::string_view object, std::string_view change);

private:
    Connection& db_;
    SecureBytes key_;
};

} // namespace punctum::storage
