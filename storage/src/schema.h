#pragma once
// The vault's schema, as a list of forward migrations. Version N is what you get after
// running migrations 1..N in order, each in its own transaction. SQL fits SQLite 3.15.2:
// no UPSERT, window functions, RETURNING, JSON1, or ALTER ... DROP/RENAME COLUMN.

#include "sqlite/connection.h"

namespace punctum::storage {

/// The first schema with stored session outcomes (migration 7): a vault opened from before
/// has them computed once (Vault::open).
inline constexpr int outcomes_schema = 7;
/// The schema version this build writes.
[[nodiscard]] int current_schema_version();
/// The schema version of an open database (PRAGMA user_version).
[[nodiscard]] int schema_version(Connection& db);
/// Runs every migration from the database's version up to `target`. Throws SqlError.
void migrate(Connection& db, int target);

} // namespace punctum::storage
