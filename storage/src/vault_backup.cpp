// Backups: one encrypted file holding a sqlcipher_export copy of the database and the key
// slots, written to a temporary file, fsynced and renamed; restore verifies everything in a
// staging folder before it replaces anything.

#include "punctum/storage/vault.h"

#include "audit_head_file.h"
#include "backup_file.h"
#include "crypto.h"
#include "file_io.h"
#include "guard.h"
#include "key_slots.h"
#include "vault_context.h"
#include "vault_database.h"

#include <fstream>
#include <sys/stat.h>
#include <system_error>

namespace punctum::storage {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

StorageError bad_backup(const std::string& why) {
    return {StorageErrc::corrupt, "This backup cannot be restored: " + why +
                                      ". Nothing was changed. Use another backup."};
}

} // namespace

StorageResult<void> Vault::backup_to(const fs::path& file) {
    auto& c = *ctx_;
    return guard([&]() -> StorageResult<void> {
        {
            Transaction tx(*c.db);
            c.record("vault.backup", "vault:" + c.keys.vault_id, file.filename().string());
            tx.commit();
            c.committed();
        }
        std::error_code ec;
        const fs::path copy = file.string() + ".db.tmp";
        fs::remove(copy, ec);
        export_database(*c.db, copy, &c.data_key, c.keys.cipher_page_size);
        const std::string database = read_file(copy);
        fs::remove(copy, ec);
        return write_file_atomically(file, compose_backup(c.keys.vault_id, to_string(c.keys.kind),
                                                          core::format_timestamp(c.clock.now()),
                                                          serialize_key_slots(c.keys), database));
    });
}

StorageResult<void> Vault::export_plaintext(const fs::path& file) {
    if (auto allowed = ctx_->require(core::Action::reveal_key); !allowed) {
        return allowed.failure();
    }
    auto& c = *ctx_;
    return guard([&]() -> StorageResult<void> {
        {
            Transaction tx(*c.db);
            c.record("vault.export_plaintext", "vault:" + c.keys.vault_id,
                     file.filename().string());
            tx.commit();
            c.committed();
        }
        std::error_code ec;
        const fs::path tmp = file.string() + ".tmp";
        fs::remove(tmp, ec);
        export_database(*c.db, tmp, nullptr, 0);
        ::chmod(tmp.c_str(), 0600);
        sync_path(tmp);
        fs::rename(tmp, file, ec);
        if (ec) {
            fs::remove(tmp, ec);
            return fail(StorageErrc::io, "Could not write " + file.string() + ": " + ec.message());
        }
        sync_path(file.has_parent_path() ? file.parent_path() : fs::path("."));
        return {};
    });
}

StorageResult<void> Vault::restore(const fs::path& backup_file, const fs::path& folder,
                                   std::string_view account, const SecureBytes& passphrase,
                                   const core::Clock& clock, bool replace) {
    std::error_code ec;
    if (!fs::is_regular_file(backup_file, ec)) {
        return fail(StorageErrc::not_found,
                    "There is no backup file at " + backup_file.string() + ".");
    }
    if (fs::exists(folder / key_file, ec) && !replace) {
        return fail(StorageErrc::exists, "A vault already exists at " + folder.string() +
                                             ". Restore somewhere else, or ask to replace it.");
    }
    const std::string bytes = read_file(backup_file);
    auto parts = parse_backup(bytes);
    if (!parts) {
        return parts.failure();
    }
    const std::string_view database = parts->database;
    auto keys = parse_key_slots(parts->keys);
    if (!keys) {
        return Failure<StorageError>{bad_backup("its key slots are damaged")};
    }
    const KeySlot* slot = keys->find_account(account);
    auto secret = slot != nullptr ? unwrap_with_passphrase(*keys, *slot, passphrase) : std::nullopt;
    auto data_key = secret ? open_data_key(*slot, *secret) : std::nullopt;
    if (!data_key) {
        return fail(StorageErrc::auth_failed,
                    "The account name or passphrase does not open this backup. Use the "
                    "passphrase that was in force when the backup was made.");
    }

    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    const fs::path staging = parent / ("." + folder.filename().string() + ".restoring");
    fs::remove_all(staging, ec);
    if (::mkdir(staging.c_str(), 0700) != 0) {
        return fail(StorageErrc::read_only, "Cannot write in " + parent.string() + ".");
    }
    auto cleanup = [&] {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
    };
    if (auto w = write_file_atomically(staging / database_file, database); !w) {
        cleanup();
        return w.failure();
    }
    if (auto w = write_key_slots(staging / key_file, *keys); !w) {
        cleanup();
        return w.failure();
    }
    if (auto w = write_file_atomically(staging / lock_file, "Punctum vault lock\n"); !w) {
        cleanup();
        return w.failure();
    }
    // Verify the copy as it will be used: every page's HMAC, integrity, the audit chain.
    auto verified = guard([&]() -> StorageResult<void> {
        auto db =
            open_vault_database(staging / database_file, *data_key, keys->cipher_page_size, false);
        if (db->query_text("PRAGMA integrity_check") != "ok") {
            return Failure<StorageError>{bad_backup("its database fails the integrity check")};
        }
        AuditLog audit(*db, AuditLog::load_key(*db));
        const auto report = audit.verify(std::nullopt);
        if (!report.ok) {
            return Failure<StorageError>{bad_backup(report.message)};
        }
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return write_audit_head(staging, audit, audit.head());
    });
    if (!verified) {
        cleanup();
        return verified.failure();
    }

    const fs::path previous = parent / ("." + folder.filename().string() + ".replaced");
    if (fs::exists(folder, ec)) {
        auto lock = VaultLock::acquire(folder / lock_file);
        if (!lock && lock.error().code == StorageErrc::in_use) {
            cleanup();
            return lock.failure();
        }
        fs::remove_all(previous, ec);
        fs::rename(folder, previous, ec);
        if (ec) {
            cleanup();
            return fail(StorageErrc::io, "Could not move the old vault aside: " + ec.message());
        }
    }
    fs::rename(staging, folder, ec);
    if (ec) {
        std::error_code ignored;
        fs::rename(previous, folder, ignored);
        cleanup();
        return fail(StorageErrc::io, "Could not put the restored vault in place: " + ec.message());
    }
    sync_path(parent);
    fs::remove_all(previous, ec);

    auto opened = open(folder, account, passphrase, clock);
    if (!opened) {
        return opened.failure();
    }
    auto& c = *opened.value()->ctx_;
    return guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        c.record("vault.restore", "vault:" + c.keys.vault_id, backup_file.filename().string());
        tx.commit();
        c.committed();
        return {};
    });
}

} // namespace punctum::storage
