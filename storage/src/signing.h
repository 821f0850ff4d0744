#pragma once
// Per-account Ed25519 signing keys for the audit chain.
//
// The chain's MACs use a key stored inside the database, so anyone holding the raw data key
// (any account, through any slot) can drop the triggers and recompute them. Signatures close
// that: each account signs its own events with a key only its slot can produce. The signing
// key is derived from the slot's X25519 secret (itself wrapped under the account's
// passphrase), so the slot keeps one secret, a passphrase change keeps the signing key, and a
// recovery (a fresh slot) gives the account a fresh one, registered in the history.

#include "crypto.h"
#include "punctum/storage/secure_bytes.h"

#include <span>
#include <string_view>

namespace punctum::storage::signing {

constexpr std::size_t public_key_size = 32;
constexpr std::size_t signature_size = 64;

struct SigningKey {
    crypto::Bytes public_key; ///< Ed25519, 32 bytes
    SecureBytes secret_key;   ///< Ed25519 secret (seed || public), 64 bytes, guarded
};

/// The account's signing key, derived from its slot's X25519 secret and bound to the vault.
[[nodiscard]] SigningKey from_slot_secret(const SecureBytes& slot_secret,
                                          std::string_view vault_id);

/// A fresh random Ed25519 key pair (exchange files: one per care plan, so reports to two
/// clinics cannot be linked by their key).
[[nodiscard]] SigningKey generate();

/// A detached Ed25519 signature of `message`.
[[nodiscard]] crypto::Bytes sign(const SecureBytes& secret_key,
                                 std::span<const unsigned char> message);
/// True when `signature` is `public_key`'s signature of `message`.
[[nodiscard]] bool verify(std::span<const unsigned char> public_key,
                          std::span<const unsigned char> message,
                          std::span<const unsigned char> signature);

} // namespace punctum::storage::signing
