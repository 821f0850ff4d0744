#pragma once

#include "punctum/core/model/role.h"
#include "punctum/storage/account.h"
#include "punctum/storage/kdf_params.h"
#include "punctum/storage/secure_bytes.h"
#include "punctum/storage/storage_error.h"

#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// The people who can unlock the vault. Adding and removing need Action::manage_accounts.
class AccountStore {
public:
    explicit AccountStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Active accounts, by name.
    [[nodiscard]] StorageResult<std::vector<Account>> list();
    /// Adds an account with its own key slot. Clinic vaults only; a personal vault has
    /// exactly one patient.
    [[nodiscard]] StorageResult<Account> add(std::string_view name, std::string_view display_name,
                                             core::Role role, const SecureBytes& passphrase,
                                             const KdfParams& kdf);
    /// Removes an account and deletes its key slot. Its old copy of the data key still opens
    /// old copies of the file: rotate the data key afterwards (Vault::rotate_data_key).
    /// You cannot remove yourself or the last admin.
    [[nodiscard]] StorageResult<void> remove(std::string_view name);

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
