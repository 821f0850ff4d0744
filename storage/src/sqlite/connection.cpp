#include "sqlite/connection.h"

#include "sqlite/sql_error.h"

#include <algorithm>
#include <cerrno>
#include <sqlcipher/sqlite3.h>

namespace punctum::storage {

Statement::Statement(Connection& db, std::string_view sql) : db_(&db), lock_(db.hold()) {
    const int rc =
        sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        db.raise(rc, "preparing a query");
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_); // before lock_ is released (members go in reverse order)
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), lock_(std::move(other.lock_)), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    // An empty view may have no data pointer, which SQLite would store as NULL, not ''.
    const char* data = text.data() != nullptr ? text.data() : "";
    sqlite3_bind_text(stmt_, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind_blob(int index, std::span<const unsigned char> blob) {
    sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind_secret(int index, const char* text, std::size_t size) {
    sqlite3_bind_text(stmt_, index, text, static_cast<int>(size), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    db_->raise(rc, "a database query");
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Statement::int64(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
int Statement::integer(int col) const {
    return sqlite3_column_int(stmt_, col);
}
double Statement::real(int col) const {
    return sqlite3_column_double(stmt_, col);
}
std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr
               ? std::string{}
               : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}
std::optional<std::string> Statement::optional_text(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::string>(text(col));
}
std::optional<int> Statement::optional_int(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int>(integer(col));
}
std::vector<unsigned char> Statement::blob(int col) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::vector<unsigned char>{} : std::vector<unsigned char>(p, p + n);
}

SecureBytes Statement::secret_blob(int col) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, col));
    SecureBytes out(static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
    if (p != nullptr && !out.empty()) {
        std::copy(p, p + out.size(), out.data());
    }
    return out;
}

Connection::Connection(const std::string& path, bool create) {
    // Serialized mode: SQLite's own mutex around every call (see connection.h for why our
    // lock is needed as well). A library built without threads would ignore the flag.
    if (sqlite3_threadsafe() == 0) {
        throw SqlError(StorageErrc::internal, 0,
                       "This SQLCipher library was built without thread support; Punctum uses "
                       "the vault from more than one thread. Reinstall Punctum.");
    }
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqlError(classify_sqlite(rc), rc, explain_sqlite(rc, "opening the vault"));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
}

Connection::~Connection() {
    sqlite3_close(db_);
}

void Connection::replace_with(Connection& fresh) {
    const std::scoped_lock both(mutex_, fresh.mutex_);
    std::swap(db_, fresh.db_);
    sqlite3_close(fresh.db_); // ours, now fresh's
    fresh.db_ = nullptr;
}

void Connection::close_file() {
    const auto lock = hold();
    sqlite3_close(db_);
    db_ = nullptr;
}

void Connection::exec(std::string_view sql) {
    const auto lock = hold();
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        raise(rc, "a database update");
    }
}

void Connection::exec_secret(const char* nul_terminated_sql) {
    const auto lock = hold();
    const int rc = sqlite3_exec(db_, nul_terminated_sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        raise(rc, "setting the vault key"); // never echo the SQL: it holds the key
    }
}

std::string Connection::query_text(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.text(0) : std::string{};
}

std::int64_t Connection::query_int(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.int64(0) : 0;
}

std::int64_t Connection::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}
int Connection::changes() const {
    return sqlite3_changes(db_);
}
bool Connection::in_transaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

void Connection::raise(int code, const std::string& doing) const {
    // SQLite reports every failed write as an I/O error; the system's errno says which.
    if ((code & 0xff) == SQLITE_IOERR) {
        switch (sqlite3_system_errno(db_)) {
        case ENOSPC:
        case EDQUOT:
            code = SQLITE_FULL;
            break;
        case EROFS:
        case EPERM:
        case EACCES:
            code = SQLITE_READONLY;
            break;
        default:
            break;
        }
    }
    std::string message = explain_sqlite(code, doing);
    if (classify_sqlite(code) == StorageErrc::internal ||
        classify_sqlite(code) == StorageErrc::invalid_input) {
        message += std::string(" (") + sqlite3_errmsg(db_) + ")";
    }
    throw SqlError(classify_sqlite(code), code, message);
}

Transaction::Transaction(Connection& db)
    : db_(db), lock_(db.hold()), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    if (!nested_) {
        db_.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (!done_ && !nested_) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    if (!nested_) {
        db_.exec("COMMIT");
    }
    done_ = true;
}

} // namespace punctum::storage
