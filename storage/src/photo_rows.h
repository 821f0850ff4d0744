#pragma once
// Writing a photo's row and BLOBs, shared by PhotoStore::add and SessionStore::add_entry so
// a photo and the entry that owns it land in one transaction. Internal to storage.

#include "punctum/core/photo/photo_import.h"
#include "punctum/storage/photo_store.h"
#include "vault_context.h"

namespace punctum::storage::detail {

/// Inserts one imported photo for `session` (and `entry` when valid), audited. Call inside
/// a transaction. Throws SqlError; not_found when the session does not exist.
std::int64_t insert_photo(VaultContext& ctx, core::SessionId session, core::EntryId entry,
                          const NewPhoto& photo);

} // namespace punctum::storage::detail
