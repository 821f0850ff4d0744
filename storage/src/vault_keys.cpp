// Vault operations on keys: passphrase change, data key rotation, revealing the raw key,
// and recovery with the recovery key.

#include "punctum/storage/vault.h"

#include "crypto.h"
#include "guard.h"
#include "key_change_fault.h"
#include "key_slots.h"
#include "punctum/storage/passphrase_rule.h"
#include "sqlite/sql_error.h"
#include "vault_context.h"
#include "vault_database.h"

#include <system_error>

namespace punctum::storage {

namespace fs = std::filesystem;

namespace {
constexpr const char* rotating_db = "vault.db.rotating";
constexpr const char* rotating_keys = "keys.json.rotating";
} // namespace

namespace {
testing::KeyFault injected_fault = testing::KeyFault::none;
bool fault_at(testing::KeyFault where) {
    return injected_fault == where;
}
} // namespace

void testing::inject_key_fault_for_tests(KeyFault where) {
    injected_fault = where;
}

namespace {
// A changed key file and its audit event land together or not at all: the event waits
// uncommitted while the file is written (a file that cannot be written rolls it back, and the
// old keys go on working); a commit that fails puts the old key file back.
StorageResult<void> change_key_file(detail::VaultContext& c, KeySlotFile updated,
                                    std::string_view action, const std::string& target) {
    return guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        c.record(action, target, "");
        if (fault_at(testing::KeyFault::key_file_write)) {
            return fail(StorageErrc::disk_full, "The disk is full; the keys were not changed. "
                                                "Free some space and try again.");
        }
        if (auto w = write_key_slots(c.folder / Vault::key_file, updated); !w) {
            return w.failure();
        }
        try {
            if (fault_at(testing::KeyFault::key_file_commit)) {
                throw SqlError(StorageErrc::disk_full, 0,
                               "The disk is full; the keys were not changed. Free some space "
                               "and try again.");
            }
            tx.commit();
        } catch (...) {
            (void)write_key_slots(c.folder / Vault::key_file, c.keys);
            throw;
        }
        c.keys = std::move(updated);
        c.committed();
        return {};
    });
}
} // namespace

StorageResult<void> Vault::change_passphrase(const SecureBytes& new_passphrase,
                                             const KdfParams& kdf) {
    if (auto rule = check_new_passphrase(new_passphrase); !rule) {
        return rule.failure();
    }
    auto& c = *ctx_;
    const auto hold = c.db->hold(); // c.keys is read by backups and audit-head writes
    KeySlotFile updated = c.keys;
    KeySlot* slot = nullptr;
    for (auto& s : updated.slots) {
        if (s.kind == "passphrase" && s.account == c.account.name) {
            slot = &s;
        }
    }
    if (slot == nullptr) {
        return fail(StorageErrc::not_found, "Your account has no key slot in this vault.");
    }
    if (!rewrap_passphrase_slot(updated, *slot, c.slot_secret, new_passphrase, kdf)) {
        return fail(StorageErrc::internal, "Not enough memory to derive the key.");
    }
    return change_key_file(c, std::move(updated), "account.passphrase",
                           "account:" + std::to_string(c.account.id.value));
}

StorageResult<void> Vault::rotate_data_key() {
    if (auto allowed = ctx_->require(core::Action::manage_accounts); !allowed) {
        return allowed.failure();
    }
    auto& c = *ctx_;
    // No other thread touches the connection, the keys or the audit log until the switch is
    // done; the Connection object itself stays, so references to it stay good.
    const auto hold = c.db->hold();
    return guard([&]() -> StorageResult<void> {
        {
            // Recorded first, so the event is part of the copy that survives.
            Transaction tx(*c.db);
            c.record("vault.rotate_key", "vault:" + c.keys.vault_id, "");
            tx.commit();
            c.committed();
        }
        std::error_code ec;
        fs::remove(c.folder / rotating_db, ec);
        SecureBytes next_key = crypto::random_secret(crypto::data_key_size);
        if (!fault_at(testing::KeyFault::rotate_export)) {
            export_database(*c.db, c.folder / rotating_db, &next_key, c.keys.cipher_page_size);
        }
        if (fault_at(testing::KeyFault::rotate_export) || !sync_path(c.folder / rotating_db)) {
            fs::remove(c.folder / rotating_db, ec);
            return fail(StorageErrc::io, "Could not save the re-encrypted vault; nothing changed.");
        }
        KeySlotFile next = c.keys;
        for (auto& slot : next.slots) {
            reseal_data_key(slot, next_key);
        }
        auto written = fault_at(testing::KeyFault::rotate_keys_write)
                           ? StorageResult<void>(
                                 fail(StorageErrc::disk_full, "The disk is full; nothing changed."))
                           : write_key_slots(c.folder / rotating_keys, next);
        if (!written) {
            fs::remove(c.folder / rotating_db, ec);
            return written.failure();
        }
        // Switch: database first, then keys. open() finishes a switch a crash interrupted.
        c.db->close_file();
        if (fault_at(testing::KeyFault::rotate_db_switch)) {
            ec = std::make_error_code(std::errc::io_error);
        } else {
            fs::rename(c.folder / rotating_db, c.folder / database_file, ec);
        }
        if (ec) {
            // Nothing switched: the old database and keys are as they were.
            fs::remove(c.folder / rotating_db, ec);
            fs::remove(c.folder / rotating_keys, ec);
            auto old = open_vault_database(c.folder / database_file, c.data_key,
                                           c.keys.cipher_page_size, false);
            c.db->replace_with(*old);
            return fail(StorageErrc::io,
                        "Could not switch to the re-encrypted vault; the old key still opens it.");
        }
        sync_path(c.folder);
        // From here the database is the new one: it opens only with the new key.
        auto fresh =
            open_vault_database(c.folder / database_file, next_key, c.keys.cipher_page_size, false);
        c.db->replace_with(*fresh);
        c.data_key = std::move(next_key);
        c.keys = std::move(next);
        if (fault_at(testing::KeyFault::rotate_keys_switch)) {
            ec = std::make_error_code(std::errc::io_error);
        } else {
            fs::rename(c.folder / rotating_keys, c.folder / key_file, ec);
        }
        if (ec) {
            // The key file that opens the new database waits beside it; the next open puts it
            // in place (finish_interrupted_rotation). This session goes on with the new key.
            return fail(StorageErrc::io,
                        "The vault was re-encrypted, but its new key file could not be put in "
                        "place; it will be the next time the vault is opened. Keep working.");
        }
        sync_path(c.folder);
        c.committed();
        return {};
    });
}

void finish_interrupted_rotation(const fs::path& folder) {
    std::error_code ec;
    if (!fs::exists(folder / rotating_keys, ec)) {
        return;
    }
    if (fs::exists(folder / rotating_db, ec)) {
        // The switch never started: the old database and keys are intact.
        fs::remove(folder / rotating_db, ec);
        fs::remove(folder / rotating_keys, ec);
    } else {
        // The database was switched; the keys that open it wait beside it.
        fs::rename(folder / rotating_keys, folder / Vault::key_file, ec);
        sync_path(folder);
    }
}

StorageResult<SecureBytes> Vault::replace_recovery_key() {
    if (auto allowed = ctx_->require(core::Action::reveal_key); !allowed) {
        return allowed.failure();
    }
    auto& c = *ctx_;
    const auto hold = c.db->hold();
    RecoverySlot fresh = make_recovery_slot(c.keys, c.data_key);
    KeySlotFile updated = c.keys;
    std::erase_if(updated.slots, [](const KeySlot& s) { return s.kind == "recovery"; });
    updated.slots.push_back(std::move(fresh.slot));
    auto replaced =
        change_key_file(c, std::move(updated), "vault.recovery_key", "vault:" + c.keys.vault_id);
    if (!replaced) {
        return replaced.failure();
    }
    return std::move(fresh.printable_key);
}

StorageResult<SecureBytes> Vault::reveal_data_key_hex() {
    if (auto allowed = ctx_->require(core::Action::reveal_key); !allowed) {
        return allowed.failure();
    }
    auto& c = *ctx_;
    auto recorded = guard([&]() -> StorageResult<void> {
        Transaction tx(*c.db);
        c.record("vault.reveal_key", "vault:" + c.keys.vault_id, "");
        tx.commit();
        c.committed();
        return {};
    });
    if (!recorded) {
        return recorded.failure();
    }
    SecureBytes hex(c.data_key.size() * 2);
    static constexpr char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < c.data_key.size(); ++i) {
        hex.data()[2 * i] = static_cast<unsigned char>(digits[c.data_key.data()[i] >> 4U]);
        hex.data()[2 * i + 1] = static_cast<unsigned char>(digits[c.data_key.data()[i] & 15U]);
    }
    return hex;
}

StorageResult<std::unique_ptr<Vault>>
Vault::recover(const fs::path& folder, std::string_view recovery_key, std::string_view account,
               const SecureBytes& new_passphrase, const KdfParams& kdf, const core::Clock& clock) {
    if (auto rule = check_new_passphrase(new_passphrase); !rule) {
        return rule.failure();
    }
    auto keys = [&]() -> StorageResult<KeySlotFile> {
        auto lock = VaultLock::acquire(folder / lock_file);
        if (!lock) {
            return lock.failure();
        }
        return read_key_slots(folder / key_file);
    }();
    if (!keys) {
        return keys.failure();
    }
    const KeySlot* recovery = keys->find_recovery();
    auto secret = recovery != nullptr ? unwrap_with_recovery_key(*keys, *recovery, recovery_key)
                                      : std::nullopt;
    auto data_key = secret ? open_data_key(*recovery, *secret) : std::nullopt;
    if (!data_key) {
        return fail(StorageErrc::auth_failed,
                    "That recovery key does not open this vault. Check it letter by letter.");
    }
    if (keys->find_account(account) == nullptr) {
        return fail(StorageErrc::not_found,
                    "This vault has no account called '" + std::string(account) + "'.");
    }
    auto slot = make_passphrase_slot(*keys, account, new_passphrase, kdf, *data_key);
    if (!slot) {
        return fail(StorageErrc::internal, "Not enough memory to derive the key.");
    }
    KeySlotFile updated = keys.value();
    for (auto& s : updated.slots) {
        if (s.kind == "passphrase" && s.account == account) {
            s = std::move(*slot);
        }
    }
    {
        auto lock = VaultLock::acquire(folder / lock_file);
        if (!lock) {
            return lock.failure();
        }
        if (auto w = write_key_slots(folder / key_file, updated); !w) {
            return w.failure();
        }
    }
    auto vault = open(folder, account, new_passphrase, clock);
    if (vault) {
        auto& c = *vault.value()->ctx_;
        auto recorded = guard([&]() -> StorageResult<void> {
            Transaction tx(*c.db);
            c.record("account.recover", "account:" + std::to_string(c.account.id.value), "");
            tx.commit();
            c.committed();
            return {};
        });
        if (!recorded) {
            return recorded.failure();
        }
    }
    return vault;
}

} // namespace punctum::storage
