#include "vault_database.h"

#include "crypto.h"
#include "sqlite/sql_error.h"

#include <cstring>
#include <fstream>
#include <sqlcipher/sqlite3.h>

namespace punctum::storage {

bool has_plaintext_header(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

std::unique_ptr<Connection> open_vault_database(const std::filesystem::path& file,
                                                const SecureBytes& key, int cipher_page_size,
                                                bool create) {
    // Debian ships a plain libsqlite3 with the same symbols; make sure we got SQLCipher's.
    if (std::strncmp(sqlite3_libversion(), "3.15.", 5) != 0) {
        throw SqlError(StorageErrc::internal, 0,
                       std::string("Punctum is linked against the wrong SQLite (") +
                           sqlite3_libversion() + "); the vault would not be encrypted. Reinstall Punctum.");
    }
    if (!create && has_plaintext_header(file)) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "The vault database is not encrypted, which Punctum never writes. It may "
                       "have been replaced; restore a backup.");
    }
    auto db = std::make_unique<Connection>(file.string(), create);

    // PRAGMA key = "x'<64 hex>'": a raw key skips SQLCipher 3's weak PBKDF2. The SQL text
    // holds the key, so it is built in guarded memory and wiped when this scope ends.
    static constexpr std::string_view prefix = "PRAGMA key = \"x'";
    static constexpr std::string_view suffix = "'\";";
    SecureBytes sql(prefix.size() + key.size() * 2 + suffix.size() + 1);
    std::memcpy(sql.data(), prefix.data(), prefix.size());
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < key.size(); ++i) {
        sql.data()[prefix.size() + 2 * i] = static_cast<unsigned char>(hex[key.data()[i] >> 4U]);
        sql.data()[prefix.size() + 2 * i + 1] = static_cast<unsigned char>(hex[key.data()[i] & 15U]);
    }
    std::memcpy(sql.data() + prefix.size() + key.size() * 2, suffix.data(), suffix.size());
    sql.data()[sql.size() - 1] = '\0';
    db->exec_secret(reinterpret_cast<const char*>(sql.data()));

    db->exec("PRAGMA cipher_page_size = " + std::to_string(cipher_page_size));
    if (db->query_text("PRAGMA cipher_version").empty()) {
        throw SqlError(StorageErrc::internal, 0,
                       "SQLCipher did not answer; refusing to write an unencrypted vault.");
    }
    // The first read is where a wrong key or damaged first page shows (SQLITE_NOTADB).
    (void)db->query_int("SELECT count(*) FROM sqlite_master");
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    // Decrypted pages stay in this process's cache: the lever for speed (vault-security.md).
    db->exec("PRAGMA cache_size = -65536");
    return db;
}

} // namespace punctum::storage
