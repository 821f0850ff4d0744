#include "vault_database.h"

#include "crypto.h"
#include "sqlite/sql_error.h"

#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

namespace punctum::storage {

SecureBytes raw_key_literal(const SecureBytes& key) {
    static constexpr char hex[] = "0123456789abcdef";
    SecureBytes out(2 + key.size() * 2 + 1 + 1);
    out.data()[0] = 'x';
    out.data()[1] = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        out.data()[2 + 2 * i] = static_cast<unsigned char>(hex[key.data()[i] >> 4U]);
        out.data()[2 + 2 * i + 1] = static_cast<unsigned char>(hex[key.data()[i] & 15U]);
    }
    out.data()[out.size() - 2] = '\'';
    out.data()[out.size() - 1] = '\0';
    return out;
}

void export_database(Connection& db, const std::filesystem::path& target, const SecureBytes* key,
                     int cipher_page_size) {
    // ATTACH ... DETACH is one piece: another thread's statement in between would see the
    // copy attached, and its transaction would make DETACH fail.
    const auto lock = db.hold();
    const int version = static_cast<int>(db.query_int("PRAGMA user_version"));
    // ATTACH opens with the main connection's flags, which do not include CREATE: make the
    // (empty, owner-only) file first. An empty file is an empty database.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw SqlError(StorageErrc::io, 0,
                       "Cannot create " + target.string() +
                           ": it exists or the folder is not writable.");
    }
    ::close(fd);
    {
        Statement attach(db, "ATTACH DATABASE ? AS export KEY ?");
        attach.bind(1, target.string());
        const SecureBytes literal = key != nullptr ? raw_key_literal(*key) : SecureBytes{};
        if (key != nullptr) {
            attach.bind_secret(2, reinterpret_cast<const char*>(literal.data()),
                               literal.size() - 1);
        } else {
            attach.bind(2, std::string_view{});
        }
        attach.run();
    }
    try {
        if (key != nullptr) {
            db.exec("PRAGMA export.cipher_page_size = " + std::to_string(cipher_page_size));
        }
        (void)db.query_int("SELECT sqlcipher_export('export')");
        db.exec("PRAGMA export.user_version = " + std::to_string(version));
        db.exec("DETACH DATABASE export");
    } catch (...) {
        try {
            db.exec("DETACH DATABASE export");
        } catch (...) {
        }
        throw;
    }
}

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
                           sqlite3_libversion() +
                           "); the vault would not be encrypted. Reinstall Punctum.");
    }
    if (!create && has_plaintext_header(file)) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "The vault database is not encrypted, which Punctum never writes. It may "
                       "have been replaced; restore a backup.");
    }
    auto db = std::make_unique<Connection>(file.string(), create);

    // PRAGMA key = "x'<64 hex>'": a raw key skips SQLCipher 3's weak PBKDF2. The SQL text
    // holds the key, so it is built in guarded memory and wiped when this scope ends.
    const SecureBytes literal = raw_key_literal(key);
    static constexpr std::string_view prefix = "PRAGMA key = \"";
    static constexpr std::string_view suffix = "\";";
    const std::size_t literal_size = literal.size() - 1;
    SecureBytes sql(prefix.size() + literal_size + suffix.size() + 1);
    std::memcpy(sql.data(), prefix.data(), prefix.size());
    std::memcpy(sql.data() + prefix.size(), literal.data(), literal_size);
    std::memcpy(sql.data() + prefix.size() + literal_size, suffix.data(), suffix.size());
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
    // Sorts and temporary tables stay in memory: never a decrypted temporary file on disk,
    // whatever the build's default (Debian's is 2, MEMORY, but it is set, not assumed).
    db->exec("PRAGMA temp_store = MEMORY");
    // Decrypted pages stay in this process's cache: the lever for speed (vault-security.md).
    db->exec("PRAGMA cache_size = -65536");
    return db;
}

} // namespace punctum::storage
