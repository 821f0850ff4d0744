#pragma once
// Making and opening key slots: a slot wraps the data key under a key-encryption key.

#include "key_slot_file.h"
#include "punctum/storage/secure_bytes.h"

#include <optional>
#include <string_view>

namespace punctum::storage {

/// A passphrase slot for `account`: Argon2id(passphrase, fresh salt) wraps `data_key`.
[[nodiscard]] std::optional<KeySlot> make_passphrase_slot(const KeySlotFile& file,
                                                          std::string_view account,
                                                          const SecureBytes& passphrase,
                                                          const KdfParams& kdf,
                                                          const SecureBytes& data_key);
/// A recovery slot and its printable key ("ABCD-EFGH-..."), shown once.
struct RecoverySlot {
    KeySlot slot;
    SecureBytes printable_key;
};
[[nodiscard]] RecoverySlot make_recovery_slot(const KeySlotFile& file, const SecureBytes& data_key);

/// The data key from a passphrase slot; nullopt on a wrong passphrase.
[[nodiscard]] std::optional<SecureBytes> open_passphrase_slot(const KeySlotFile& file,
                                                              const KeySlot& slot,
                                                              const SecureBytes& passphrase);
/// The data key from the recovery slot and a typed recovery key (dashes, spaces and
/// case do not matter); nullopt when it does not fit.
[[nodiscard]] std::optional<SecureBytes> open_recovery_slot(const KeySlotFile& file,
                                                            const KeySlot& slot,
                                                            std::string_view typed_key);

} // namespace punctum::storage
