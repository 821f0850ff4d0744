#pragma once
// audit-head.json, beside keys.json: the newest audit event's seq and MAC, tagged with the
// audit key. A chain inside the database cannot see its own truncation, or the whole file
// swapped for an older copy; this copy outside it can.

#include "audit_log.h"
#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <optional>

namespace punctum::storage {

inline constexpr const char* audit_head_file = "audit-head.json";

/// Writes the head atomically.
[[nodiscard]] StorageResult<void> write_audit_head(const std::filesystem::path& folder,
                                                   const AuditLog& log, const AuditHead& head);
/// Reads the head; nullopt when there is none yet. A head whose tag does not verify is an
/// error (corrupt): it was edited or belongs to another vault.
[[nodiscard]] StorageResult<std::optional<AuditHead>>
read_audit_head(const std::filesystem::path& folder, const AuditLog& log);

} // namespace punctum::storage
