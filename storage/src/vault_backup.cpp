// Backups: one encrypted file holding a sqlcipher_export copy of the database and the key
// slots, written to a temporary file, fsynced and renamed; restore verifies everything in a
// staging folder before it replaces anything.

#include "punctum/storage/vault.h"

#include "audit_head_file.h"
#include "crypto.h"
#include "file_io.h"
#include "guard.h"
#include "key_slots.h"
#include "vault_context.h"
#include "vault_database.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sys/stat.h>
#include <system_error>

namespace punctum::storage {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view backup_magic = "PUNCTUM-BACKUP 1\n";
constexpr std::size_t max_header = 4096;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string blake2b_hex(std::string_view data) {
    std::vector<unsigned char> out(32);
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), nullptr, 0);
    return crypto::to_hex(out);
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
        const std::string keys = serialize_key_slots(c.keys);
        const nlohmann::json header{{"vault_id", c.keys.vault_id},
                                    {"kind", std::string(to_string(c.keys.kind))},
                                    {"created_at", core::format_timestamp(c.clock.now())},
                                    {"keys_size", keys.size()},
                                    {"database_size", database.size()},
                                    {"database_blake2b", blake2b_hex(database)}};
        return write_file_atomically(file, std::string(backup_magic) + header.dump() + "\n" + keys +
                                               database);
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
    if (bytes.compare(0, backup_magic.size(), backup_magic) != 0) {
        return Failure<StorageError>{
            {StorageErrc::not_a_vault, backup_file.string() + " is not a Punctum backup."}};
    }
    const auto header_end = bytes.find('\n', backup_magic.size());
    if (header_end == std::string::npos || header_end - backup_magic.size() > max_header) {
        return Failure<StorageError>{bad_backup("its header is damaged")};
    }
    const auto header = nlohmann::json::parse(
        bytes.substr(backup_magic.size(), header_end - backup_magic.size()), nullptr, false);
    if (header.is_discarded() || !header.is_object() || !header.contains("keys_size") ||
        !header["keys_size"].is_number_unsigned() || !header.contains("database_size") ||
        !header["database_size"].is_number_unsigned() || !header.contains("database_blake2b") ||
        !header["database_blake2b"].is_string()) {
        return Failure<StorageError>{bad_backup("its header is damaged")};
    }
    const auto keys_size = header["keys_size"].get<std::size_t>();
    const auto db_size = header["database_size"].get<std::size_t>();
    const std::size_t body = header_end + 1;
    if (bytes.size() < body || bytes.size() - body != keys_size + db_size) {
        return Failure<StorageError>{bad_backup("it is truncated or has extra bytes")};
    }
    const std::string_view keys_text(bytes.data() + body, keys_size);
    const std::string_view database(bytes.data() + body + keys_size, db_size);
    if (blake2b_hex(database) != header["database_blake2b"].get<std::string>()) {
        return Failure<StorageError>{bad_backup("its database does not match its checksum")};
    }
    auto keys = parse_key_slots(keys_text);
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
