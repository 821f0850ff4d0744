#pragma once
// Everything an unlocked vault holds, shared by the stores. Internal to storage.

#include "audit_log.h"
#include "file_io.h"
#include "key_slot_file.h"
#include "punctum/core/clock.h"
#include "punctum/core/model/role.h"
#include "punctum/storage/account.h"
#include "punctum/storage/secure_bytes.h"
#include "sqlite/connection.h"

#include <filesystem>
#include <memory>

namespace punctum::storage::detail {

struct VaultContext {
    std::filesystem::path folder;
    KeySlotFile keys;
    VaultLock lock;
    SecureBytes data_key;
    std::unique_ptr<Connection> db;
    std::unique_ptr<AuditLog> audit;
    Account account;
    const core::Clock& clock;

    /// Refuses an action the signed-in account's role does not allow.
    [[nodiscard]] StorageResult<void> require(core::Action action) const;
    /// Appends an audit event attributed to the signed-in account, inside a transaction.
    void record(std::string_view action, std::string_view object, std::string_view change);
};

} // namespace punctum::storage::detail
