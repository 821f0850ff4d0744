#pragma once
// Writing a photo's row and BLOBs, shared by PhotoStore::add and SessionStore::add_entry so
// a photo and the entry that owns it land in one transaction. Internal to storage.

#include "punctum/core/photo/photo_import.h"
#include "punctum/storage/photo_store.h"
#include "vault_context.h"

namespace punctum::storage::detail {

/// Imports every file first (CPU work, outside any transaction); the first one refused
/// fails the whole list with core/photo's message naming which photo it was.
[[nodiscard]] StorageResult<std::vector<core::photo::ImportedPhoto>>
import_all(const std::vector<NewPhoto>& photos);

/// Inserts one imported photo for `session` (and `entry` when valid), audited. Call inside
/// a transaction. Throws SqlError; not_found when the session does not exist.
std::int64_t insert_photo(VaultContext& ctx, core::SessionId session, core::EntryId entry,
                          const core::photo::ImportedPhoto& photo, const std::string& area,
                          std::optional<core::Date> taken_on,
                          core::PhotoView view = core::PhotoView::unspecified);

} // namespace punctum::storage::detail
