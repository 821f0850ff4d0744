#pragma once

#include "punctum/storage/secure_bytes.h"
#include "sqlite/connection.h"

#include <filesystem>
#include <memory>

namespace punctum::storage {

/// Opens (or creates) the SQLCipher database with a raw 32-byte key and the vault's pragmas:
/// WAL, synchronous=FULL, foreign keys. Refuses to go on unless SQLCipher (not the system
/// SQLite, which would silently ignore the key) is the library answering. The connection is
/// in serialized mode and locks itself per statement and transaction (sqlite/connection.h),
/// so one Vault may be used from several threads. Throws SqlError.
[[nodiscard]] std::unique_ptr<Connection> open_vault_database(const std::filesystem::path& file,
                                                              const SecureBytes& key,
                                                              int cipher_page_size, bool create);

/// Copies the whole database into a new file with `sqlcipher_export` (never the backup API,
/// which writes plaintext in SQLCipher 3.4.1): encrypted with `key`, or, when `key` is
/// null, as a plaintext SQLite file (only for an explicit plaintext export). The schema
/// version is carried over. Holds the connection's lock throughout. Throws SqlError.
void export_database(Connection& db, const std::filesystem::path& target, const SecureBytes* key,
                     int cipher_page_size);

/// "x'<64 hex>'" in guarded memory, NUL-terminated: SQLCipher's raw-key syntax.
[[nodiscard]] SecureBytes raw_key_literal(const SecureBytes& key);

/// True when the file begins with SQLite's plaintext header: an unencrypted database.
[[nodiscard]] bool has_plaintext_header(const std::filesystem::path& file);

} // namespace punctum::storage
