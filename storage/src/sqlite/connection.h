#pragma once
// A thin RAII layer over the SQLCipher C API. Internal to storage: nothing else speaks SQL.
//
// Threads. One open vault is one connection, and the app uses it from the UI thread and
// from a worker (a backup, re-evaluating every session, verifying the audit chain). Two
// locks make that safe, and neither alone would:
//  - the connection is opened in SQLite's serialized mode (SQLITE_OPEN_FULLMUTEX), so
//    SQLite's own structures are never used by two threads at once; but SQLite's mutex is
//    held for one call, not for a transaction: a second thread's BEGIN would find the first
//    one's transaction open and "join" it, so one thread's ROLLBACK would undo the other's
//    acknowledged writes, and a step between another thread's bind and step would run
//    with the wrong values;
//  - so every Connection also owns a recursive mutex that a Statement holds from prepare
//    to finalize and a Transaction from BEGIN to its end (COMMIT, ROLLBACK, and the
//    bookkeeping after COMMIT such as moving the audit head). Whatever storage does inside
//    a transaction, including the C++ state beside the database (the audit log, the norms
//    cache), happens for one thread at a time; other threads wait.
// Recursive because storage nests: a transaction runs statements, a statement's reader
// calls helpers that prepare more. A lock is always taken by the thread that uses the
// connection and released by the same thread, so the order is simple and a thread never
// waits for itself. Reads outside a transaction are each consistent on their own, not as a
// group: read inside a Transaction (or under hold()) when several must agree.

#include "punctum/storage/secure_bytes.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace punctum::storage {

class Connection;

/// A prepared statement. Binding is 1-based, columns 0-based, as in SQLite.
class Statement {
public:
    Statement(Connection& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind_blob(int index, std::span<const unsigned char> blob);
    Statement& bind_null(int index);
    /// Binds text that lives in guarded memory without copying it (the caller keeps it
    /// alive until the statement is done).
    Statement& bind_secret(int index, const char* text, std::size_t size);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    /// Advances; true while a row is available. Throws SqlError on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    [[nodiscard]] bool is_null(int col) const;
    [[nodiscard]] std::int64_t int64(int col) const;
    [[nodiscard]] int integer(int col) const;
    [[nodiscard]] double real(int col) const;
    [[nodiscard]] std::string text(int col) const;
    [[nodiscard]] std::optional<std::string> optional_text(int col) const;
    [[nodiscard]] std::optional<int> optional_int(int col) const;
    [[nodiscard]] std::vector<unsigned char> blob(int col) const;
    /// A key kept in the (encrypted) database, copied straight into guarded memory.
    [[nodiscard]] SecureBytes secret_blob(int col) const;

private:
    Connection* db_;
    std::unique_lock<std::recursive_mutex> lock_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// One open database. Opening does not touch the key: callers set it before any read.
class Connection {
public:
    /// Opens an existing file (create=false) or makes a new one. Throws SqlError.
    Connection(const std::string& path, bool create);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements with no results. Throws SqlError.
    void exec(std::string_view sql);
    /// exec() for SQL that carries a secret: the text is not copied anywhere we cannot wipe.
    void exec_secret(const char* nul_terminated_sql);
    /// The single value of a one-row, one-column query, as text.
    [[nodiscard]] std::string query_text(std::string_view sql);
    [[nodiscard]] std::int64_t query_int(std::string_view sql);
    [[nodiscard]] std::int64_t last_insert_id() const;
    [[nodiscard]] int changes() const;
    /// True inside BEGIN ... COMMIT.
    [[nodiscard]] bool in_transaction() const;

    /// The raw handle. A caller that does more than one call with it (installing a
    /// progress handler around a query, say) holds hold() meanwhile.
    [[nodiscard]] sqlite3* handle() { return db_; }
    /// Throws the SqlError for an SQLite result code, naming what we were doing.
    [[noreturn]] void raise(int code, const std::string& doing) const;

    /// Keeps every other thread off this connection until the lock is released: for work
    /// that must not interleave with another thread's and is more than one transaction
    /// (a backup's export with its progress handler, a key rotation's switch of files).
    [[nodiscard]] std::unique_lock<std::recursive_mutex> hold() {
        return std::unique_lock<std::recursive_mutex>(mutex_);
    }
    /// Closes the database file and takes over `fresh`'s, in this same object, so every
    /// reference to this Connection (the audit log's, a store's) stays good across a switch
    /// of files (key rotation). Holds both locks while it swaps.
    void replace_with(Connection& fresh);
    /// Closes the database file (checkpointing its WAL) and leaves this object waiting for
    /// replace_with(): a key rotation must close the old file before renaming the new one
    /// over it, or the new file would meet the old one's WAL. Call under hold().
    void close_file();

private:
    std::recursive_mutex mutex_;
    sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception).
/// Holds the connection's lock for its whole life, so no other thread runs a statement in
/// between (see the top of this file). Inside another transaction of the same thread (the
/// only one that can have one open while we hold the lock) it joins it: the outer transaction
/// commits or rolls back the whole (Vault::batch rolls back when its body returns an error). Not a
/// savepoint: in SQLCipher 3.4.1 every savepoint encrypts its rollback pages, which made bulk
/// writes 1.5-1.8x slower than plain SQLite (tests/bench).
class Transaction {
public:
    explicit Transaction(Connection& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& db_;
    std::unique_lock<std::recursive_mutex> lock_; ///< before nested_: taken first
    bool nested_;
    bool done_ = false;
};

} // namespace punctum::storage
