#pragma once
// A thin RAII layer over the SQLCipher C API. Internal to storage: nothing else speaks SQL.

#include <cstdint>
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

private:
    Connection* db_;
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

    [[nodiscard]] sqlite3* handle() { return db_; }
    /// Throws the SqlError for an SQLite result code, naming what we were doing.
    [[noreturn]] void raise(int code, const std::string& doing) const;

private:
    sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception).
/// Inside another transaction it joins it: the outer transaction commits or rolls back the
/// whole (Vault::batch rolls back when its body returns an error). Not a savepoint: in
/// SQLCipher 3.4.1 every savepoint encrypts its rollback pages, which made bulk writes
/// 1.5-1.8x slower than plain SQLite (tests/bench).
class Transaction {
public:
    explicit Transaction(Connection& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& db_;
    bool nested_;
    bool done_ = false;
};

} // namespace punctum::storage
