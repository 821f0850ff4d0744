#pragma once

#include "punctum/storage/secure_bytes.h"
#include "sqlite/connection.h"

#include <filesystem>
#include <memory>

namespace punctum::storage {

/// Opens (or creates) the SQLCipher database with a raw 32-byte key and the vault's pragmas:
/// WAL, synchronous=FULL, foreign keys. Refuses to go on unless SQLCipher (not the system
/// SQLite, which would silently ignore the key) is the library answering. Throws SqlError.
[[nodiscard]] std::unique_ptr<Connection> open_vault_database(const std::filesystem::path& file,
                                                              const SecureBytes& key,
                                                              int cipher_page_size, bool create);

/// True when the file begins with SQLite's plaintext header: an unencrypted database.
[[nodiscard]] bool has_plaintext_header(const std::filesystem::path& file);

} // namespace punctum::storage
