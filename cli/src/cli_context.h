#pragma once
// What every subcommand shares: where the vault is, who is signing in, how to get the
// passphrase, and how to report an error.

#include "exit_codes.h"
#include "punctum/core/clock.h"
#include "punctum/storage/vault.h"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace punctum::cli {

struct CliContext {
    std::string vault_path;
    std::string account;         ///< empty: the vault's only account
    std::string passphrase_file; ///< empty: PUNCTUM_PASSPHRASE or a prompt
    bool json = false;
    core::SystemClock clock;
    int exit_code = exit_ok;

    /// Reports an error on stderr, sets the exit code, returns it.
    int fail(int code, const std::string& message);
    int fail(const storage::StorageError& error);

    /// Reads the passphrase: --passphrase-file, then PUNCTUM_PASSPHRASE, then a no-echo
    /// prompt (asked twice when `confirm`). nullopt after reporting why.
    [[nodiscard]] std::optional<storage::SecureBytes> passphrase(const std::string& prompt,
                                                                 bool confirm = false);
    /// A second secret (a new passphrase, a recovery key): `file`, then the environment
    /// variable `env`, then a no-echo prompt. nullopt after reporting why.
    [[nodiscard]] std::optional<storage::SecureBytes>
    secret(const std::string& file, const char* env, const std::string& prompt, bool confirm);
    /// The account to sign in as: --account, or the vault's only account.
    [[nodiscard]] std::optional<std::string> account_name();
    /// Opens the vault at vault_path as `account`; nullptr after reporting why.
    [[nodiscard]] std::unique_ptr<storage::Vault> open_vault();
};

} // namespace punctum::cli
