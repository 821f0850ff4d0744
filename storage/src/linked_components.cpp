#include "punctum/storage/linked_components.h"

#include "punctum/core/photo/photo_components.h"

#include <openssl/crypto.h>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

namespace punctum::storage {
namespace {

/// One PRAGMA's text answer on an in-memory database, or "" when it gives none.
std::string pragma_text(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string text;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        if (const auto* p = sqlite3_column_text(stmt, 0)) {
            text = reinterpret_cast<const char*>(p);
        }
    }
    sqlite3_finalize(stmt);
    return text;
}

/// SQLCipher's version, as the linked library reports it on a throwaway in-memory database.
std::string sqlcipher_version() {
    sqlite3* db = nullptr;
    std::string version;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        version = pragma_text(db, "PRAGMA cipher_version");
    }
    sqlite3_close(db);
    return version.empty() ? "unknown" : version;
}

/// "3.0.19": libcrypto's run-time version without its "OpenSSL " prefix and build date.
std::string libcrypto_version() {
    std::string text = OpenSSL_version(OPENSSL_VERSION); // "OpenSSL 3.0.19 27 Jan 2026"
    if (text.rfind("OpenSSL ", 0) == 0) {
        text.erase(0, 8);
    }
    return text.substr(0, text.find(' '));
}

} // namespace

std::vector<core::Component> linked_components() {
    std::vector<core::Component> all{
        {"SQLCipher", sqlcipher_version(), "BSD-3-Clause", "the encrypted vault"},
        {"SQLite", sqlite3_libversion(), "blessing", "the database inside SQLCipher"},
        {"OpenSSL (libcrypto)", libcrypto_version(), "Apache-2.0", "SQLCipher's page encryption"},
    };
    all.push_back({"libsodium", sodium_version_string(), "ISC",
                   "key derivation, key slots, signatures and sealed exchange files"});
    for (auto& c : core::photo::photo_components()) {
        all.push_back(std::move(c));
    }
    for (auto& c : core::core_components()) {
        all.push_back(std::move(c));
    }
    return all;
}

} // namespace punctum::storage
