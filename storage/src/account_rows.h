#pragma once
// One account row read one way, for AccountStore and for opening a vault. Internal to
// storage.

#include "punctum/storage/account.h"
#include "sqlite/connection.h"

namespace punctum::storage::detail {

/// The columns read_account expects, in order: "SELECT " + account_columns + " FROM accounts".
inline constexpr const char* account_columns = "id, name, display_name, role";

/// The account at the statement's current row (selected with account_columns).
[[nodiscard]] Account read_account(Statement& st);

} // namespace punctum::storage::detail
