#pragma once
// Everything an unlocked vault holds, shared by the stores. Internal to storage.

#include "audit_log.h"
#include "file_io.h"
#include "key_slot_file.h"
#include "punctum/core/clock.h"
#include "punctum/core/model/role.h"
#include "punctum/core/norms/norms_profile.h"
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
    SecureBytes slot_secret;   ///< the signed-in account's slot key, for a passphrase change
    std::string audit_warning; ///< set at open when the chain does not reach its head
    /// The parsed norms profile of norms_profiles row `norms_row` (see norms_in_force.h).
    std::shared_ptr<const core::NormsProfile> norms;
    std::int64_t norms_row = 0;
    std::vector<unsigned char> norms_digest;

    /// Refuses an action the signed-in account's role does not allow.
    [[nodiscard]] StorageResult<void> require(core::Action action) const;
    /// Makes the audit log sign as the signed-in account (after open, and after the log is
    /// reopened by a key rotation).
    void sign_as_account();
    /// Appends an audit event attributed to the signed-in account, inside a transaction.
    void record(std::string_view action, std::string_view object, std::string_view change);
    /// Call after a commit: once the outermost transaction is done, the audit head kept
    /// beside the database moves on. A failure there is not an error of the write, which is
    /// safe; the next write or `vault check` repairs or reports it.
    void committed();
};

} // namespace punctum::storage::detail
