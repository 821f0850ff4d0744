#pragma once
// The encrypted vault: a folder holding an SQLCipher database keyed by a random data key,
// and keys.json, whose slots wrap that key under each account's passphrase (Argon2id) and
// under a recovery key shown once at creation. No plaintext database ever exists.

#include "punctum/core/clock.h"
#include "punctum/core/progress.h"
#include "punctum/storage/account.h"
#include "punctum/storage/account_store.h"
#include "punctum/storage/audit_report.h"
#include "punctum/storage/audit_store.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/export_store.h"
#include "punctum/storage/flag_store.h"
#include "punctum/storage/kdf_params.h"
#include "punctum/storage/norms_store.h"
#include "punctum/storage/outcome_store.h"
#include "punctum/storage/photo_store.h"
#include "punctum/storage/review_store.h"
#include "punctum/storage/screening_store.h"
#include "punctum/storage/secure_bytes.h"
#include "punctum/storage/session_store.h"
#include "punctum/storage/storage_error.h"
#include "punctum/storage/vault_kind.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// What a new vault is for, and its first account.
struct NewVault {
    VaultKind kind = VaultKind::clinic;
    std::string account_name = "admin"; ///< a clinic's first account is its admin
    std::string display_name = "Administrator";
    /// A personal vault also gets its patient's own client record, named `display_name`:
    /// the record their treatments and check-ins belong to.
    KdfParams kdf = KdfParams::moderate();
};

class Vault;

/// A freshly created vault, still open, and its recovery key: show it once, never store it.
struct CreatedVault {
    std::unique_ptr<Vault> vault;
    SecureBytes recovery_key; ///< printable, e.g. "ABCD-EFGH-..."
};

/// What can be told about a vault without unlocking it.
struct VaultSummary {
    VaultKind kind = VaultKind::clinic;
    std::vector<std::string> accounts; ///< names that have a passphrase slot
};

/// Record counts, for `vault stats` and the settings page.
struct VaultStats {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t entries = 0;
    std::int64_t photos = 0;
    std::int64_t flags = 0;
    std::int64_t open_flags = 0;
    std::int64_t audit_events = 0;
    std::int64_t accounts = 0;
};

/// What `check` found: SQLite's integrity check and the audit chain.
struct VaultCheck {
    std::vector<std::string> integrity_problems; ///< empty when PRAGMA integrity_check is ok
    AuditReport audit;
    [[nodiscard]] bool ok() const { return integrity_problems.empty() && audit.ok; }
};

/// An unlocked vault. Closing it (destroying it) wipes the keys from memory.
class Vault {
public:
    /// Creates a vault in `folder`, which must not exist yet (or be empty). The folder is
    /// built under a temporary name and renamed into place, so a failure leaves nothing.
    [[nodiscard]] static StorageResult<CreatedVault> create(const std::filesystem::path& folder,
                                                            const SecureBytes& passphrase,
                                                            const NewVault& options,
                                                            const core::Clock& clock);
    /// Opens a vault as `account`. Wrong passphrase -> auth_failed, with no file changed.
    [[nodiscard]] static StorageResult<std::unique_ptr<Vault>>
    open(const std::filesystem::path& folder, std::string_view account,
         const SecureBytes& passphrase, const core::Clock& clock);
    /// Opens with the recovery key and gives `account` a new passphrase: a fresh key slot
    /// replaces the forgotten one. Returns the vault opened as that account.
    [[nodiscard]] static StorageResult<std::unique_ptr<Vault>>
    recover(const std::filesystem::path& folder, std::string_view recovery_key,
            std::string_view account, const SecureBytes& new_passphrase, const KdfParams& kdf,
            const core::Clock& clock);
    /// Restores a backup file into `folder`. The backup is verified first (passphrase, every
    /// page's HMAC, integrity check, audit chain) in a staging folder; only then does it
    /// replace `folder` (when `replace`) or become it. A failure changes nothing.
    [[nodiscard]] static StorageResult<void> restore(const std::filesystem::path& backup_file,
                                                     const std::filesystem::path& folder,
                                                     std::string_view account,
                                                     const SecureBytes& passphrase,
                                                     const core::Clock& clock, bool replace);
    /// Reads the vault's kind and account names from its key file; no passphrase needed.
    [[nodiscard]] static StorageResult<VaultSummary> inspect(const std::filesystem::path& folder);

    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    [[nodiscard]] const Account& account() const;
    [[nodiscard]] VaultKind kind() const;
    [[nodiscard]] const std::filesystem::path& folder() const;

    /// Set at open when the history does not reach the audit head kept beside the vault.
    [[nodiscard]] const std::string& audit_warning() const;

    [[nodiscard]] AccountStore& accounts() { return accounts_; }
    [[nodiscard]] ClientStore& clients() { return clients_; }
    [[nodiscard]] SessionStore& sessions() { return sessions_; }
    [[nodiscard]] FlagStore& flags() { return flags_; }
    [[nodiscard]] NormsStore& norms() { return norms_; }
    [[nodiscard]] ScreeningStore& screenings() { return screenings_; }
    [[nodiscard]] PhotoStore& photos() { return photos_; }
    [[nodiscard]] AuditStore& audit() { return audit_; }
    [[nodiscard]] ReviewStore& reviews() { return reviews_; }
    [[nodiscard]] OutcomeStore& outcomes() { return outcomes_; }
    [[nodiscard]] ExportStore& exports() { return exports_; }
    [[nodiscard]] ExchangeStore& exchange() { return exchange_; }
    [[nodiscard]] StorageResult<VaultStats> stats();

    /// PRAGMA integrity_check and the audit chain, against the head kept beside the vault.
    [[nodiscard]] StorageResult<VaultCheck> check();
    /// Re-wraps the signed-in account's key slot under a new passphrase; no data is rewritten.
    [[nodiscard]] StorageResult<void> change_passphrase(const SecureBytes& new_passphrase,
                                                        const KdfParams& kdf);
    /// Re-encrypts the whole vault under a new random data key (sqlcipher_export) and seals
    /// it to every remaining slot, so a removed account's old key opens nothing new. Admin.
    [[nodiscard]] StorageResult<void> rotate_data_key();
    /// The raw SQLCipher key as 64 hex characters, so the data is always reachable with the
    /// standard sqlcipher tool. Admin or the patient of a personal vault.
    [[nodiscard]] StorageResult<SecureBytes> reveal_data_key_hex();
    /// A new recovery key in place of the old one, which opens nothing from then on (its slot
    /// is gone from the key file; a backup made before still holds the old slot). Returned
    /// once, to be written down. Who may reveal the key may replace it.
    [[nodiscard]] StorageResult<SecureBytes> replace_recovery_key();
    /// Writes one encrypted backup file (database copy + key slots): temporary file, fsync,
    /// rename. It opens with any account's passphrase or the recovery key. Progress is in
    /// bytes of the database copied; stopping early (`cancelled`) leaves no file behind.
    [[nodiscard]] StorageResult<void> backup_to(const std::filesystem::path& file,
                                                const core::Progress& progress = {});
    /// Writes an UNENCRYPTED SQLite copy. Only on explicit request; the caller warns.
    [[nodiscard]] StorageResult<void> export_plaintext(const std::filesystem::path& file);
    /// A vault setting (auto-lock time, ...); nullopt when never set.
    [[nodiscard]] StorageResult<std::optional<std::string>> setting(std::string_view key);
    [[nodiscard]] StorageResult<void> set_setting(std::string_view key, std::string_view value);

    /// Runs `body` as one transaction: every write in it lands, or none does. An error from
    /// any write inside must end the body (return it): the whole batch then rolls back.
    [[nodiscard]] StorageResult<void> batch(const std::function<StorageResult<void>()>& body);

    /// The files a vault folder holds.
    static constexpr const char* database_file = "vault.db";
    static constexpr const char* key_file = "keys.json";
    static constexpr const char* lock_file = "vault.lock";
    static constexpr const char* head_file = "audit-head.json";

private:
    explicit Vault(std::unique_ptr<detail::VaultContext> ctx);
    std::unique_ptr<detail::VaultContext> ctx_;
    AccountStore accounts_;
    ClientStore clients_;
    SessionStore sessions_;
    FlagStore flags_;
    NormsStore norms_;
    ScreeningStore screenings_;
    PhotoStore photos_;
    AuditStore audit_;
    ReviewStore reviews_;
    OutcomeStore outcomes_;
    ExportStore exports_;
    ExchangeStore exchange_;
};

} // namespace punctum::storage
