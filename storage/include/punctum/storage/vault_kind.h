#pragma once

#include <optional>
#include <string_view>

namespace punctum::storage {

/// A clinic vault holds many clients and staff accounts; a personal vault holds one
/// patient's own recovery log.
enum class VaultKind { clinic, personal };

[[nodiscard]] std::string_view to_string(VaultKind kind);
[[nodiscard]] std::optional<VaultKind> vault_kind_from_string(std::string_view text);

} // namespace punctum::storage
