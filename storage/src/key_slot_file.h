#pragma once
// keys.json: the vault's key slots. Each slot holds an X25519 key pair: the secret half
// wrapped under a key derived from one account's passphrase (or the recovery key), and the
// data key sealed to the public half. A passphrase change rewraps one secret key and
// rewrites no data; rotating the data key reseals it to every public key, so an admin can
// rotate without knowing anyone's passphrase.

#include "crypto.h"
#include "punctum/storage/storage_error.h"
#include "punctum/storage/vault_kind.h"

#include <filesystem>
#include <string>
#include <vector>

namespace punctum::storage {

/// One wrapped copy of the data key.
struct KeySlot {
    std::string id;      ///< random, also bound into the wrapping as associated data
    std::string kind;    ///< "passphrase" or "recovery"
    std::string account; ///< account name for passphrase slots; empty for recovery
    KdfParams kdf;       ///< Argon2id cost (passphrase slots)
    crypto::Bytes salt;
    crypto::Bytes public_key;     ///< X25519
    crypto::Bytes wrapped_secret; ///< nonce || XChaCha20-Poly1305(KEK, X25519 secret key)
    crypto::Bytes sealed_key;     ///< crypto_box_seal(public_key, data key)
    /// Ed25519 public key the account signs its audit events with (passphrase slots; empty in
    /// slots made before signing existed). Bound into the wrapping: replacing it here makes
    /// the slot fail to open, so a forged key cannot be slipped in beside a real slot.
    crypto::Bytes signing_key;
};

/// The whole file.
struct KeySlotFile {
    /// 2: passphrase slots carry a signing key, bound into their associated data; a build
    /// that reads only format 1 would fail to open them, so it is told the file is newer.
    static constexpr int current_format = 2;
    int format = current_format;
    std::string vault_id;
    VaultKind kind = VaultKind::clinic;
    int cipher_page_size = 4096;
    std::vector<KeySlot> slots;

    [[nodiscard]] const KeySlot* find_account(std::string_view account) const;
    [[nodiscard]] const KeySlot* find_recovery() const;
    /// What the slot's wrapping is bound to: swapping slots between vaults or accounts fails.
    [[nodiscard]] std::string associated_data(const KeySlot& slot) const;
};

[[nodiscard]] StorageResult<KeySlotFile> read_key_slots(const std::filesystem::path& path);
/// The file's JSON text, and back (backups carry the key slots inside them).
[[nodiscard]] std::string serialize_key_slots(const KeySlotFile& file);
[[nodiscard]] StorageResult<KeySlotFile> parse_key_slots(std::string_view text);
[[nodiscard]] StorageResult<void> write_key_slots(const std::filesystem::path& path,
                                                  const KeySlotFile& file);

} // namespace punctum::storage
