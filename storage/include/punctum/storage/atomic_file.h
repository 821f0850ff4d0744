#pragma once
// The one way Punctum writes a file: whole or not at all, readable by its owner only. Used
// beside the vault (key slots, audit head) and by every front end that writes an export.

#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <string_view>

namespace punctum::storage {

/// Writes `contents` to a temporary file beside `path` (mode 0600), fsyncs it, renames it
/// over `path` and fsyncs the folder: after a crash there is the old file or the new one,
/// and what it holds (a face photo, a record) is never readable by other users.
[[nodiscard]] StorageResult<void> write_file_atomically(const std::filesystem::path& path,
                                                        std::string_view contents);

} // namespace punctum::storage
