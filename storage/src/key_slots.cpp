#include "key_slots.h"

#include "crypto.h"
#include "signing.h"

namespace punctum::storage {
namespace {

constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t recovery_bytes = 20; // 160 bits: 32 base32 characters

std::string new_slot_id() {
    return crypto::to_hex(crypto::random_bytes(8));
}

SecureBytes recovery_kek(const KeySlotFile& file, const SecureBytes& raw) {
    // The recovery key is 160 random bits, so a fast keyed hash is as strong as Argon2id.
    return crypto::derive_from_secret(raw.bytes(), "punctum-recovery|" + file.vault_id);
}

// Fills a slot's key pair: secret wrapped under `kek`, data key sealed to the public key.
// Returns the secret, for the caller who must sign as the slot's account right away.
SecureBytes fill_slot(const KeySlotFile& file, KeySlot& slot, const SecureBytes& kek,
                      const SecureBytes& data_key) {
    auto pair = crypto::box_keypair();
    slot.public_key = std::move(pair.public_key);
    if (slot.kind == "passphrase") {
        slot.signing_key = signing::from_slot_secret(pair.secret_key, file.vault_id).public_key;
    }
    slot.wrapped_secret = crypto::seal(kek, pair.secret_key.bytes(), file.associated_data(slot));
    slot.sealed_key = crypto::seal_to(slot.public_key, data_key.bytes());
    return std::move(pair.secret_key);
}

SecureBytes to_base32_groups(const SecureBytes& raw) {
    SecureBytes printable(32 + 7);
    std::size_t out = 0;
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        buffer = (buffer << 8U) | raw.data()[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (out > 0 && (out + 1) % 5 == 0) {
                printable.data()[out++] = '-';
            }
            printable.data()[out++] = static_cast<unsigned char>(
                base32_alphabet[(buffer >> static_cast<unsigned>(bits)) & 31U]);
        }
    }
    return printable;
}

std::optional<SecureBytes> from_base32(std::string_view typed) {
    SecureBytes raw(recovery_bytes);
    std::size_t out = 0;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : typed) {
        if (c == '-' || c == ' ') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        const auto pos = base32_alphabet.find(c);
        if (pos == std::string_view::npos || out >= recovery_bytes) {
            return std::nullopt;
        }
        buffer = (buffer << 5U) | static_cast<unsigned>(pos);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            raw.data()[out++] =
                static_cast<unsigned char>((buffer >> static_cast<unsigned>(bits)) & 0xffU);
        }
    }
    if (out != recovery_bytes) {
        return std::nullopt;
    }
    return raw;
}

} // namespace

std::optional<KeySlot> make_passphrase_slot(const KeySlotFile& file, std::string_view account,
                                            const SecureBytes& passphrase, const KdfParams& kdf,
                                            const SecureBytes& data_key, SecureBytes* secret_out) {
    KeySlot slot;
    slot.id = new_slot_id();
    slot.kind = "passphrase";
    slot.account = std::string(account);
    slot.kdf = kdf;
    slot.salt = crypto::random_bytes(crypto::salt_size);
    auto kek = crypto::derive_from_passphrase(passphrase.view(), slot.salt, kdf);
    if (!kek) {
        return std::nullopt;
    }
    SecureBytes secret = fill_slot(file, slot, *kek, data_key);
    if (secret_out != nullptr) {
        *secret_out = std::move(secret);
    }
    return slot;
}

RecoverySlot make_recovery_slot(const KeySlotFile& file, const SecureBytes& data_key) {
    const SecureBytes raw = crypto::random_secret(recovery_bytes);
    RecoverySlot result{{}, to_base32_groups(raw)};
    result.slot.id = new_slot_id();
    result.slot.kind = "recovery";
    (void)fill_slot(file, result.slot, recovery_kek(file, raw), data_key);
    return result;
}

std::optional<SecureBytes> unwrap_with_passphrase(const KeySlotFile& file, const KeySlot& slot,
                                                  const SecureBytes& passphrase) {
    auto kek = crypto::derive_from_passphrase(passphrase.view(), slot.salt, slot.kdf);
    if (!kek) {
        return std::nullopt;
    }
    return crypto::unseal(*kek, slot.wrapped_secret, file.associated_data(slot));
}

std::optional<SecureBytes> unwrap_with_recovery_key(const KeySlotFile& file, const KeySlot& slot,
                                                    std::string_view typed_key) {
    auto raw = from_base32(typed_key);
    if (!raw) {
        return std::nullopt;
    }
    return crypto::unseal(recovery_kek(file, *raw), slot.wrapped_secret,
                          file.associated_data(slot));
}

std::optional<SecureBytes> open_data_key(const KeySlot& slot, const SecureBytes& secret_key) {
    return crypto::open_sealed(slot.public_key, secret_key, slot.sealed_key);
}

bool rewrap_passphrase_slot(const KeySlotFile& file, KeySlot& slot, const SecureBytes& secret_key,
                            const SecureBytes& new_passphrase, const KdfParams& kdf) {
    KeySlot updated = slot;
    updated.kdf = kdf;
    updated.salt = crypto::random_bytes(crypto::salt_size);
    auto kek = crypto::derive_from_passphrase(new_passphrase.view(), updated.salt, kdf);
    if (!kek) {
        return false;
    }
    updated.wrapped_secret = crypto::seal(*kek, secret_key.bytes(), file.associated_data(updated));
    slot = std::move(updated);
    return true;
}

bool add_signing_key(const KeySlotFile& file, KeySlot& slot, const SecureBytes& secret_key,
                     const SecureBytes& passphrase) {
    KeySlot updated = slot;
    updated.signing_key = signing::from_slot_secret(secret_key, file.vault_id).public_key;
    if (!rewrap_passphrase_slot(file, updated, secret_key, passphrase, updated.kdf)) {
        return false;
    }
    slot = std::move(updated);
    return true;
}

void reseal_data_key(KeySlot& slot, const SecureBytes& data_key) {
    slot.sealed_key = crypto::seal_to(slot.public_key, data_key.bytes());
}

} // namespace punctum::storage
