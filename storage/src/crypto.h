#pragma once
// The few libsodium operations the vault needs, with the algorithms named explicitly.

#include "punctum/storage/kdf_params.h"
#include "punctum/storage/secure_bytes.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage::crypto {

using Bytes = std::vector<unsigned char>;

constexpr std::size_t data_key_size = 32;
constexpr std::size_t salt_size = 16; // crypto_pwhash_argon2id_SALTBYTES

/// Makes sure libsodium is initialised; false only if the system has no randomness.
[[nodiscard]] bool ready();
[[nodiscard]] SecureBytes random_secret(std::size_t size);
[[nodiscard]] Bytes random_bytes(std::size_t size);

/// Argon2id13 (named explicitly: the library default may change) -> 32-byte key.
/// nullopt when the memory limit cannot be allocated.
[[nodiscard]] std::optional<SecureBytes> derive_from_passphrase(std::string_view passphrase,
                                                                std::span<const unsigned char> salt,
                                                                const KdfParams& params);
/// BLAKE2b keyed hash: a 32-byte key from a high-entropy secret (the recovery key).
[[nodiscard]] SecureBytes derive_from_secret(std::span<const unsigned char> secret,
                                             std::string_view context);
/// A subkey of the data key for one purpose (audit MACs, ...), crypto_kdf.
[[nodiscard]] SecureBytes subkey(const SecureBytes& key, std::uint64_t id,
                                 const char (&context)[9]);

/// XChaCha20-Poly1305 with associated data; nonce is prepended to the result.
[[nodiscard]] Bytes seal(const SecureBytes& key, std::span<const unsigned char> plain,
                         std::string_view associated);
/// Reverses seal(); nullopt when the key is wrong or anything was altered.
[[nodiscard]] std::optional<SecureBytes>
unseal(const SecureBytes& key, std::span<const unsigned char> sealed, std::string_view associated);

/// An X25519 key pair for sealed boxes: the secret half in guarded memory.
struct BoxKeyPair {
    Bytes public_key;
    SecureBytes secret_key;
};
[[nodiscard]] BoxKeyPair box_keypair();
/// crypto_box_seal: anyone with the public key can seal; only the secret key opens.
[[nodiscard]] Bytes seal_to(std::span<const unsigned char> public_key,
                            std::span<const unsigned char> plain);
[[nodiscard]] std::optional<SecureBytes> open_sealed(std::span<const unsigned char> public_key,
                                                     const SecureBytes& secret_key,
                                                     std::span<const unsigned char> sealed);

/// HMAC-SHA-512/256 (crypto_auth) of a message.
[[nodiscard]] Bytes mac(const SecureBytes& key, std::span<const unsigned char> message);
/// BLAKE2b-256 digest of a message, unkeyed.
[[nodiscard]] Bytes digest(std::string_view message);

[[nodiscard]] std::string to_hex(std::span<const unsigned char> bytes);
[[nodiscard]] std::optional<Bytes> from_hex(std::string_view hex);

} // namespace punctum::storage::crypto
