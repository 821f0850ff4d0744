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
#include "schema.h"
#include "vault_context.h"
#include "vault_database.h"

#include <algorithm>
#include <fstream>
#include <sqlcipher/sqlite3.h>
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

// Reports a backup's progress while sqlcipher_export runs: SQLite calls back every so many
// VM steps, we compare the copy's size with the database's, and a non-zero return
// interrupts the export (SQLITE_INTERRUPT, which storage reports as `cancelled`).
class ExportProgress {
public:
    ExportProgress(Connection& db, const core::Progress& progress, fs::path copy,
                   std::int64_t total)
        : db_(db), progress_(progress), copy_(std::move(copy)), total_(total) {
        if (progress_) {
            sqlite3_progress_handler(db_.handle(), steps_between_reports, &ExportProgress::tick,
                                     this);
        }
    }
    ~ExportProgress() { sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr); }
    /// True once the caller asked to stop (sqlcipher_export then fails with a plain error).
    [[nodiscard]] bool stopped() const { return stopped_; }
    ExportProgress(const ExportProgress&) = delete;
    ExportProgress& operator=(const ExportProgress&) = delete;

private:
    static constexpr int steps_between_reports = 10000; // about 0.1 ms of work
    static int tick(void* self) {
        auto* p = static_cast<ExportProgress*>(self);
        std::error_code ec;
        const auto size = static_cast<std::int64_t>(fs::file_size(p->copy_, ec));
        p->stopped_ = !core::report(p->progress_, ec ? 0 : std::min(size, p->total_), p->total_);
        return p->stopped_ ? 1 : 0;
    }
    Connection& db_;
    const core::Progress& progress_;
    fs::path copy_;
    std::int64_t total_;
    bool stopped_ = false;
};

} // namespace

StorageResult<void> Vault::backup_to(const fs::path& file, const core::Progress& progress) {
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
        // The copy is encrypted, but a half-written one is of no use: never leave it behind.
        struct RemoveCopy {
            const fs::path& path;
            ~RemoveCopy() {
                std::error_code ignored;
                fs::remove(path, ignored);
            }
        } remove_copy{copy};
        const auto total = static_cast<std::int64_t>(fs::file_size(c.folder / database_file, ec));
        {
            ExportProgress reporting(*c.db, progress, copy, ec ? 0 : total);
            try {
                export_database(*c.db, copy, &c.data_key, c.keys.cipher_page_size);
            } catch (const SqlError&) {
                if (reporting.stopped()) {
                    return fail(StorageErrc::cancelled,
                                "Stopped the backup as asked. No backup file was written.");
                }
                throw;
            }
        }
        const std::string database = read_file(copy);
        (void)core::report(progress, total, total);
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
    // Restore never deletes what is not a vault: it goes into a new or empty folder, or,
    // when asked to replace, only over a folder that is a Punctum vault. A folder of someone's
    // own files is refused whatever the caller asked, and nothing in it is touched.
    const bool folder_exists = fs::exists(folder, ec);
    if (folder_exists && !fs::is_directory(folder, ec)) {
        return fail(StorageErrc::exists, folder.string() +
                                             " is a file, not a folder. Restore into a new or "
                                             "empty folder.");
    }
    const bool is_vault = folder_exists && fs::exists(folder / key_file, ec);
    const bool is_empty = folder_exists && fs::is_empty(folder, ec);
    if (folder_exists && !is_vault && !is_empty) {
        return fail(StorageErrc::exists,
                    folder.string() +
                        " holds files that are not a Punctum vault; restoring there would delete "
                        "them. Restore into a new or empty folder.");
    }
    if (is_vault && !replace) {
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
        // Refused before anything moves: this build could not read it safely.
        if (const int version = schema_version(*db); version > current_schema_version()) {
            return fail(StorageErrc::newer_version,
                        "This backup was made by a newer version of Punctum (schema " +
                            std::to_string(version) + "). Update Punctum to restore it.");
        }
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
    if (is_vault) {
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
    if (is_empty) {
        fs::remove(folder, ec); // an empty folder: nothing to keep, the restored one takes it
    }
    // Puts back what was there: the restored copy goes, the old vault returns.
    auto roll_back = [&] {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
        if (is_vault) {
            fs::rename(previous, folder, ignored);
        } else if (is_empty) {
            fs::create_directory(folder, ignored);
        }
        sync_path(parent);
    };
    fs::rename(staging, folder, ec);
    if (ec) {
        roll_back();
        cleanup();
        return fail(StorageErrc::io, "Could not put the restored vault in place: " + ec.message());
    }
    sync_path(parent);

    // The old vault is kept until the restored one has opened as `account` (its schema and
    // the account checked by open) and recorded the restore; a failure puts it back.
    auto opened = open(folder, account, passphrase, clock);
    if (!opened) {
        roll_back();
        return opened.failure();
    }
    auto& c = *opened.value()->ctx_;
    auto recorded = guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        c.record("vault.restore", "vault:" + c.keys.vault_id, backup_file.filename().string());
        tx.commit();
        c.committed();
        // A restore is a rollback the user asked for: the head kept in the state folder
        // follows it back, so the restored vault does not warn of itself.
        return write_audit_heads(c.folder, c.keys.vault_id, *c.audit, c.audit->head(),
                                 /*restored=*/true);
    });
    opened.value().reset();
    if (!recorded) {
        roll_back();
        return recorded.failure();
    }
    if (is_vault) {
        fs::remove_all(previous, ec);
        sync_path(parent);
    }
    return {};
}

} // namespace punctum::storage
