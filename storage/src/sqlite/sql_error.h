#pragma once
// Inside storage, SQLite failures travel as exceptions so repository code reads straight;
// every public entry point catches them (see guard.h) and returns a StorageError instead.

#include "punctum/storage/storage_error.h"

#include <stdexcept>
#include <string>

namespace punctum::storage {

class SqlError : public std::runtime_error {
public:
    SqlError(StorageErrc code, int sqlite_code, const std::string& message)
        : std::runtime_error(message), code_(code), sqlite_code_(sqlite_code) {}
    [[nodiscard]] StorageErrc code() const { return code_; }
    [[nodiscard]] int sqlite_code() const { return sqlite_code_; }

private:
    StorageErrc code_;
    int sqlite_code_;
};

/// Maps an SQLite result code to the error a user can act on.
[[nodiscard]] StorageErrc classify_sqlite(int code);
/// Message for a user, from an SQLite code and what we were doing.
[[nodiscard]] std::string explain_sqlite(int code, const std::string& doing);

} // namespace punctum::storage
