#include "backup_file.h"

#include "crypto.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace punctum::storage {

namespace {

constexpr std::string_view backup_magic = "PUNCTUM-BACKUP 1\n";
constexpr std::size_t max_header = 4096;

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

std::string compose_backup(std::string_view vault_id, std::string_view kind,
                           std::string_view created_at, std::string_view keys,
                           std::string_view database) {
    const nlohmann::json header{{"vault_id", vault_id},
                                {"kind", kind},
                                {"created_at", created_at},
                                {"keys_size", keys.size()},
                                {"database_size", database.size()},
                                {"database_blake2b", blake2b_hex(database)}};
    std::string out(backup_magic);
    out += header.dump();
    out += '\n';
    out += keys;
    out += database;
    return out;
}

StorageResult<BackupParts> parse_backup(std::string_view bytes) {
    if (bytes.substr(0, backup_magic.size()) != backup_magic) {
        return fail(StorageErrc::not_a_vault, "This file is not a Punctum backup.");
    }
    const auto header_end = bytes.find('\n', backup_magic.size());
    if (header_end == std::string_view::npos || header_end - backup_magic.size() > max_header) {
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
    const auto keys_size = header["keys_size"].get<std::uint64_t>();
    const auto db_size = header["database_size"].get<std::uint64_t>();
    const std::size_t body = header_end + 1;
    const std::uint64_t rest = bytes.size() - body;
    if (keys_size > rest || db_size > rest || keys_size + db_size != rest) {
        return Failure<StorageError>{bad_backup("it is truncated or has extra bytes")};
    }
    BackupParts parts{bytes.substr(body, keys_size), bytes.substr(body + keys_size, db_size)};
    if (blake2b_hex(parts.database) != header["database_blake2b"].get<std::string>()) {
        return Failure<StorageError>{bad_backup("its database does not match its checksum")};
    }
    return parts;
}

} // namespace punctum::storage
