#pragma once
// Reading photo files and regions from the command line, shared by the photo commands
// with and without a vault.

#include "cli_context.h"
#include "punctum/core/photo/region.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace punctum::cli {

/// The whole file, refusing anything over the import limit before reading it; nullopt
/// after reporting why.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> read_photo(CliContext& ctx,
                                                                  const std::string& path);
/// "x,y,w,h" in pixels of the upright photo; nullopt after reporting why.
[[nodiscard]] std::optional<core::photo::Region>
parse_rect(CliContext& ctx, const std::string& text, const char* option);

/// Writes `bytes` to `path` through a temporary file in the same folder, fsync and rename:
/// `path` is either untouched or complete. false after reporting why.
[[nodiscard]] bool write_atomically(CliContext& ctx, const std::string& path,
                                    const std::vector<std::uint8_t>& bytes);

} // namespace punctum::cli
