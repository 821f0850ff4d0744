#pragma once
// Making and opening key slots (see key_slot_file.h for the scheme).

#include "key_slot_file.h"
#include "punctum/storage/secure_bytes.h"

#include <optional>
#include <string_view>

namespace punctum::storage {

/// A passphrase slot for `account`: a fresh key pair, its secret wrapped under
/// Argon2id(passphrase, fresh salt), `data_key` sealed to its public key.
/// nullopt when the KDF's memory cannot be had.
[[nodiscard]] std::optional<KeySlot>
make_passphrase_slot(const KeySlotFile& file, std::string_view account,
                     const SecureBytes& passphrase, const KdfParams& kdf,
                     const SecureBytes& data_key, SecureBytes* secret_out = nullptr);

/// A recovery slot and its printable key ("ABCD-EFGH-..."), shown once.
struct RecoverySlot {
    KeySlot slot;
    SecureBytes printable_key;
};
[[nodiscard]] RecoverySlot make_recovery_slot(const KeySlotFile& file, const SecureBytes& data_key);

/// The slot's X25519 secret key from a passphrase; nullopt on a wrong passphrase.
[[nodiscard]] std::optional<SecureBytes>
unwrap_with_passphrase(const KeySlotFile& file, const KeySlot& slot, const SecureBytes& passphrase);
/// The recovery slot's secret key from a typed recovery key (dashes, spaces and case do
/// not matter); nullopt when it does not fit.
[[nodiscard]] std::optional<SecureBytes>
unwrap_with_recovery_key(const KeySlotFile& file, const KeySlot& slot, std::string_view typed_key);
/// The data key sealed in a slot, given the slot's secret key.
[[nodiscard]] std::optional<SecureBytes> open_data_key(const KeySlot& slot,
                                                       const SecureBytes& secret_key);

/// Re-wraps a slot's secret key under a new passphrase (new salt, `kdf` cost). The data key
/// and every other slot stay as they are. false when the KDF's memory cannot be had.
[[nodiscard]] bool rewrap_passphrase_slot(const KeySlotFile& file, KeySlot& slot,
                                          const SecureBytes& secret_key,
                                          const SecureBytes& new_passphrase, const KdfParams& kdf);
/// Gives a slot made before signing existed its signing key (derived from `secret_key`) and
/// rewraps it under the same passphrase, so the key is bound into the slot from now on.
[[nodiscard]] bool add_signing_key(const KeySlotFile& file, KeySlot& slot,
                                   const SecureBytes& secret_key, const SecureBytes& passphrase);
/// Seals a new data key to the slot's public key (data key rotation).
void reseal_data_key(KeySlot& slot, const SecureBytes& data_key);

} // namespace punctum::storage
