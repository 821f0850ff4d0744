#pragma once
// The backup file format: a magic line, a JSON header line, the key slot file, then the
// database exported with sqlcipher_export (encrypted under the vault's data key).
//
//   PUNCTUM-BACKUP 1\n
//   {"vault_id":..., "kind":..., "created_at":..., "keys_size":N, "database_size":M,
//    "database_blake2b":"<hex>"}\n
//   <N bytes of keys.json><M bytes of database>

#include "punctum/storage/storage_error.h"

#include <string>
#include <string_view>

namespace punctum::storage {

/// The parts of a backup, as views into the bytes they were parsed from.
struct BackupParts {
    std::string_view keys;
    std::string_view database;
};

/// Builds a backup's bytes.
[[nodiscard]] std::string compose_backup(std::string_view vault_id, std::string_view kind,
                                         std::string_view created_at, std::string_view keys,
                                         std::string_view database);
/// Splits and checks a backup (magic, header, sizes, database checksum). Takes any bytes:
/// this is a parser of outside input and is fuzzed (tests/fuzz).
[[nodiscard]] StorageResult<BackupParts> parse_backup(std::string_view bytes);

} // namespace punctum::storage
