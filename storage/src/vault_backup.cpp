// Backups: one file holding the key slots, the audit head and a sqlcipher_export copy of
// the database sealed chunk by chunk (backup_file.h), so memory stays flat whatever the
// vault's size; written to a temporary file, fsynced and renamed. Restore: vault_restore.cpp.

#include "punctum/storage/vault.h"

#include "backup_file.h"
#include "file_io.h"
#include "guard.h"
#include "key_slots.h"
#include "schema.h"
#include "streamed_file.h"
#include "vault_context.h"
#include "vault_database.h"

#include <algorithm>
#include <sqlcipher/sqlite3.h>
#include <sys/stat.h>
#include <system_error>

namespace punctum::storage {

namespace fs = std::filesystem;

namespace {

// Reports a backup's progress while sqlcipher_export runs: SQLite calls back every so many
// VM steps, we compare the copy's size with the database's, and a non-zero return
// interrupts the export (SQLITE_INTERRUPT, which storage reports as `cancelled`). The export
// is the first half of the work reported (`reported_total`); sealing the copy is the second.
class ExportProgress {
public:
    ExportProgress(Connection& db, const core::Progress& progress, fs::path copy,
                   std::int64_t total, std::int64_t reported_total)
        : db_(db), progress_(progress), copy_(std::move(copy)), total_(total),
          reported_total_(reported_total) {
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
        p->stopped_ =
            !core::report(p->progress_, ec ? 0 : std::min(size, p->total_), p->reported_total_);
        return p->stopped_ ? 1 : 0;
    }
    Connection& db_;
    const core::Progress& progress_;
    fs::path copy_;
    std::int64_t total_;
    std::int64_t reported_total_;
    bool stopped_ = false;
};

// The export reads every page once: a big page cache only grows memory with the vault's size
// (up to its limit) and keeps nothing worth having. A small one while it runs, then back.
class SmallCache {
public:
    explicit SmallCache(Connection& db) : db_(db), before_(db.query_int("PRAGMA cache_size")) {
        db_.exec("PRAGMA cache_size = -8192");
    }
    ~SmallCache() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(before_));
        } catch (...) { // NOLINT(bugprone-empty-catch): only a cache size, never an error
        }
    }
    SmallCache(const SmallCache&) = delete;
    SmallCache& operator=(const SmallCache&) = delete;

private:
    Connection& db_;
    std::int64_t before_;
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
        BackupHeader header;
        header.vault_id = c.keys.vault_id;
        header.kind = to_string(c.keys.kind);
        header.created_at = core::format_timestamp(c.clock.now());
        header.schema_version = schema_version(*c.db);
        // Taken after the backup's own event: the copy below holds it, and restore refuses a
        // database that does not reach it.
        const AuditHead head = c.audit->head();
        header.audit_head = BackupAuditHead{head, c.audit->tag(head)};

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
        auto total = static_cast<std::int64_t>(fs::file_size(c.folder / database_file, ec));
        total = ec ? 0 : total;
        {
            // The progress handler is installed on the shared connection: no other thread
            // may run a statement under it (it would report, or be cancelled, as the backup).
            const auto hold = c.db->hold();
            SmallCache small_cache(*c.db);
            ExportProgress reporting(*c.db, progress, copy, total, 2 * total);
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
        // The copy is streamed into the backup a chunk at a time: never all of it in memory.
        auto source = FileBackupSource::open(copy);
        if (!source) {
            return source.failure();
        }
        const std::uint64_t size = (*source)->size();
        compose_backup_prefix(header, serialize_key_slots(c.keys), size);
        auto out = StreamedFile::create(file);
        if (!out) {
            return out.failure();
        }
        auto sealed = write_backup(
            **source, header, c.data_key,
            [&](std::span<const unsigned char> bytes) { return (*out)->write(bytes); },
            [&](std::int64_t done, std::int64_t) {
                const auto scaled = size == 0
                                        ? total
                                        : static_cast<std::int64_t>(static_cast<double>(done) /
                                                                    static_cast<double>(size) *
                                                                    static_cast<double>(total));
                return core::report(progress, total + std::min(scaled, total), 2 * total);
            });
        if (!sealed) {
            return sealed; // the temporary file goes with `out`
        }
        if (auto committed = (*out)->commit(); !committed) {
            return committed;
        }
        (void)core::report(progress, 2 * total, 2 * total);
        return {};
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

} // namespace punctum::storage
