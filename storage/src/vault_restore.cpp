// Restore: the backup is streamed, chunk by chunk, into a staging folder and verified there
// (key slots, every chunk, schema, integrity, the audit head it carries, the audit chain)
// before anything is moved; a failure after the move puts the old vault back, the audit head
// in the state folder too.

#include "punctum/storage/vault.h"

#include "audit_head_file.h"
#include "backup_file.h"
#include "file_io.h"
#include "guard.h"
#include "key_slots.h"
#include "restore_fault.h"
#include "schema.h"
#include "streamed_file.h"
#include "vault_context.h"
#include "vault_database.h"

#include <atomic>
#include <sys/stat.h>
#include <system_error>

namespace punctum::storage {

namespace testing {
namespace {
std::atomic<RestoreFault> injected{RestoreFault::none};
} // namespace

void inject_restore_fault_for_tests(RestoreFault where) {
    injected = where;
}
} // namespace testing

namespace fs = std::filesystem;

namespace {

StorageError bad_backup(const std::string& why) {
    return {StorageErrc::corrupt, "This backup cannot be restored: " + why +
                                      ". Nothing was changed. Use another backup."};
}

StorageResult<void> fault_at(testing::RestoreFault where) {
    if (testing::injected.load() == where) {
        return fail(StorageErrc::io, "Writing the restored vault failed (a fault injected by a "
                                     "test).");
    }
    return {};
}

// The audit head kept in the state folder for (vault id, folder), as it was before the restore,
// so a restore that is undone sets it back too.
class StateHeadSnapshot {
public:
    StateHeadSnapshot(const std::string& vault_id, const fs::path& folder)
        : file_(state_head_folder(vault_id, folder)) {
        if (file_.empty()) {
            return;
        }
        file_ /= audit_head_file;
        std::error_code ec;
        if (fs::exists(file_, ec)) {
            if (auto text = read_small_file(file_, 4096)) {
                kept_ = std::move(*text);
            }
        }
    }
    void put_back() const {
        if (file_.empty()) {
            return;
        }
        if (kept_) {
            (void)write_file_atomically(file_, *kept_);
        } else {
            std::error_code ignored;
            fs::remove(file_, ignored);
        }
    }

private:
    fs::path file_;
    std::optional<std::string> kept_;
};

// Streams the backup's database into `target` (0600, fsynced) and checks every chunk.
StorageResult<void> stage_database(BackupSource& source, const BackupHeader& header,
                                   const SecureBytes& data_key, const fs::path& target) {
    auto out = StreamedFile::create(target);
    if (!out) {
        return out.failure();
    }
    auto read =
        read_backup_database(source, header, data_key, [&](std::span<const unsigned char> bytes) {
            return (*out)->write(bytes);
        });
    if (!read) {
        return read;
    }
    return (*out)->commit();
}

// Opens the staged database and checks it as it will be used; writes its audit head beside.
StorageResult<void> verify_staged(const fs::path& staging, const BackupHeader& header,
                                  const SecureBytes& data_key, int cipher_page_size) {
    return guard([&]() -> StorageResult<void> {
        auto db =
            open_vault_database(staging / Vault::database_file, data_key, cipher_page_size, false);
        // A scan of the whole file needs no big page cache: keep memory flat.
        db->exec("PRAGMA cache_size = -8192");
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
        if (header.audit_head) {
            const auto& kept = header.audit_head->head;
            if (audit.tag(kept) != header.audit_head->tag) {
                return Failure<StorageError>{
                    bad_backup("the audit head it carries does not belong to its database")};
            }
            if (audit.head().seq < kept.seq || !audit.reaches(kept)) {
                return Failure<StorageError>{bad_backup(
                    "its database does not reach the audit head it carries (event #" +
                    std::to_string(kept.seq) +
                    "): the database inside it was replaced by an older or another copy")};
            }
        }
        const auto report = audit.verify(std::nullopt);
        if (!report.ok) {
            return Failure<StorageError>{bad_backup(report.message)};
        }
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return write_audit_head(staging, audit, audit.head());
    });
}

// Where restore may go: a new or empty folder, or over a vault when asked to replace it.
StorageResult<void> check_target(const fs::path& folder, bool replace, bool& is_vault,
                                 bool& is_empty) {
    std::error_code ec;
    // Restore never deletes what is not a vault. A folder of someone's own files is refused
    // whatever the caller asked, and nothing in it is touched.
    const bool folder_exists = fs::exists(folder, ec);
    if (folder_exists && !fs::is_directory(folder, ec)) {
        return fail(StorageErrc::exists, folder.string() +
                                             " is a file, not a folder. Restore into a new or "
                                             "empty folder.");
    }
    is_vault = folder_exists && fs::exists(folder / Vault::key_file, ec);
    is_empty = folder_exists && fs::is_empty(folder, ec);
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
    return {};
}

} // namespace

StorageResult<void> Vault::restore(const fs::path& backup_file, const fs::path& folder,
                                   std::string_view account, const SecureBytes& passphrase,
                                   const core::Clock& clock, bool replace) {
    std::error_code ec;
    if (!fs::is_regular_file(backup_file, ec)) {
        return fail(StorageErrc::not_found,
                    "There is no backup file at " + backup_file.string() + ".");
    }
    bool is_vault = false;
    bool is_empty = false;
    if (auto target = check_target(folder, replace, is_vault, is_empty); !target) {
        return target;
    }
    auto source = FileBackupSource::open(backup_file);
    if (!source) {
        return source.failure();
    }
    auto header = read_backup_header(**source);
    if (!header) {
        return header.failure();
    }
    // Refused before anything is read further: this build could not read it safely.
    if (header->schema_version && *header->schema_version > current_schema_version()) {
        return fail(StorageErrc::newer_version,
                    "This backup was made by a newer version of Punctum (schema " +
                        std::to_string(*header->schema_version) +
                        "). Update Punctum to restore it.");
    }
    auto keys = parse_key_slots(header->keys());
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
    auto staged = stage_database(**source, *header, *data_key, staging / database_file);
    if (staged) {
        staged = write_key_slots(staging / key_file, *keys);
    }
    if (staged) {
        staged = write_file_atomically(staging / lock_file, "Punctum vault lock\n");
    }
    if (staged) {
        staged = verify_staged(staging, *header, *data_key, keys->cipher_page_size);
    }
    if (!staged) {
        cleanup();
        return staged;
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
    const StateHeadSnapshot state_head(keys->vault_id, folder);
    // Puts back what was there: the restored copy goes, the old vault returns, and so does
    // the head kept for it in the state folder. Says what happened, in the error's words.
    auto roll_back = [&](const StorageError& why) -> StorageResult<void> {
        std::error_code moved;
        fs::remove_all(folder, moved);
        if (is_vault) {
            fs::rename(previous, folder, moved);
        } else if (is_empty) {
            fs::create_directory(folder, moved);
        }
        sync_path(parent);
        state_head.put_back();
        if (moved) {
            return fail(why.code, why.message +
                                      " The restore was stopped, but the previous "
                                      "vault could not be put back in place (" +
                                      moved.message() + "): it is kept at " + previous.string() +
                                      ". Move it back by hand.");
        }
        return fail(why.code, why.message + " The restore was undone: " +
                                  (is_vault ? "the vault that was there is back as it was."
                                            : "nothing was restored."));
    };
    fs::rename(staging, folder, ec);
    if (ec) {
        cleanup();
        return roll_back(
            {StorageErrc::io, "Could not put the restored vault in place: " + ec.message() + "."});
    }
    sync_path(parent);
    if (auto f = fault_at(testing::RestoreFault::after_move); !f) {
        return roll_back(f.error());
    }

    // The old vault is kept until the restored one has opened as `account` (its schema and
    // the account checked by open) and recorded the restore; a failure puts it back.
    auto opened = open(folder, account, passphrase, clock);
    if (!opened) {
        return roll_back(opened.error());
    }
    auto& c = *opened.value()->ctx_;
    auto recorded = guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        c.record("vault.restore", "vault:" + c.keys.vault_id, backup_file.filename().string());
        tx.commit();
        c.committed();
        // A restore is a rollback the user asked for: the head kept in the state folder
        // follows it back, so the restored vault does not warn of itself.
        if (auto heads = write_audit_heads(c.folder, c.keys.vault_id, *c.audit, c.audit->head(),
                                           /*restored=*/true);
            !heads) {
            return heads;
        }
        return fault_at(testing::RestoreFault::after_record);
    });
    opened.value().reset();
    if (!recorded) {
        return roll_back(recorded.error());
    }
    if (is_vault) {
        fs::remove_all(previous, ec);
        sync_path(parent);
    }
    return {};
}

} // namespace punctum::storage
