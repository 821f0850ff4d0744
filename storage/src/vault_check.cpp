// Vault health and settings.

#include "punctum/storage/vault.h"

#include "audit_head_file.h"
#include "guard.h"
#include "sqlite/sql_error.h"
#include "vault_context.h"

namespace punctum::storage {

StorageResult<VaultCheck> Vault::check() {
    auto& c = *ctx_;
    return guard([&]() -> StorageResult<VaultCheck> {
        VaultCheck result;
        // SQLCipher 3.4.1 returns integrity_check's rows and then fails the step when a
        // page fails its HMAC: that failure is a finding, not an error of the check.
        try {
            Statement integrity(*c.db, "PRAGMA integrity_check");
            while (integrity.step()) {
                if (const auto line = integrity.text(0); line != "ok") {
                    result.integrity_problems.push_back(line);
                }
            }
        } catch (const SqlError&) {
            result.integrity_problems.push_back(
                "A page of the vault fails its authentication code (HMAC): the file is damaged. "
                "Restore the latest backup.");
        }
        try {
            result.audit = verify_with_heads(c.folder, c.keys.vault_id, *c.audit);
        } catch (const SqlError& e) {
            result.audit.ok = false;
            result.audit.message = std::string("The audit trail cannot be read: ") + e.what();
        }
        return result;
    });
}

StorageResult<std::optional<std::string>> Vault::setting(std::string_view key) {
    return guard([&]() -> StorageResult<std::optional<std::string>> {
        Statement st(*ctx_->db, "SELECT value FROM vault_meta WHERE key = ?");
        st.bind(1, "setting." + std::string(key));
        return st.step() ? std::optional<std::string>(st.text(0)) : std::nullopt;
    });
}

StorageResult<void> Vault::set_setting(std::string_view key, std::string_view value) {
    if (auto allowed = ctx_->require(core::Action::change_settings); !allowed) {
        return allowed.failure();
    }
    auto& c = *ctx_;
    return guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        // No UPSERT in SQLite 3.15: INSERT OR REPLACE on the primary key does the same here.
        Statement st(*c.db, "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)");
        st.bind(1, "setting." + std::string(key)).bind(2, value).run();
        c.record("setting.change", "setting:" + std::string(key), value);
        tx.commit();
        c.committed();
        return {};
    });
}

} // namespace punctum::storage
