#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace punctum::storage {

/// Argon2id cost, stored with each key slot so a later build can still open it.
struct KdfParams {
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0; ///< bytes

    /// The default for passphrases: libsodium MODERATE (3 passes, 256 MiB), measured at
    /// about 0.65 s per unlock on our 2-core machines (vault-security.md).
    [[nodiscard]] static KdfParams moderate();
    /// libsodium INTERACTIVE (2 passes, 64 MiB), about 0.1 s: for tests and old laptops.
    [[nodiscard]] static KdfParams interactive();
    /// libsodium SENSITIVE (4 passes, 1 GiB), about 7 s.
    [[nodiscard]] static KdfParams sensitive();
    /// The cheapest Argon2id libsodium accepts. Only for unit tests of the vault itself.
    [[nodiscard]] static KdfParams minimum_for_tests();
    /// "interactive" | "moderate" | "sensitive" -> params.
    [[nodiscard]] static std::optional<KdfParams> named(std::string_view name);
};

} // namespace punctum::storage
