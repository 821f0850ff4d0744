#include "signing.h"

#include <sodium.h>

#include <string>

namespace punctum::storage::signing {

static_assert(public_key_size == crypto_sign_PUBLICKEYBYTES);
static_assert(signature_size == crypto_sign_BYTES);

SigningKey from_slot_secret(const SecureBytes& slot_secret, std::string_view vault_id) {
    // A keyed BLAKE2b of the slot secret, bound to the vault: the same slot secret in another
    // vault (never happens: slots are random) would still sign as a different key.
    const SecureBytes seed =
        crypto::derive_from_secret(slot_secret.bytes(), "punctum-signing|" + std::string(vault_id));
    SigningKey key{crypto::Bytes(crypto_sign_PUBLICKEYBYTES),
                   SecureBytes(crypto_sign_SECRETKEYBYTES)};
    crypto_sign_seed_keypair(key.public_key.data(), key.secret_key.data(), seed.data());
    return key;
}

SigningKey generate() {
    SigningKey key{crypto::Bytes(crypto_sign_PUBLICKEYBYTES),
                   SecureBytes(crypto_sign_SECRETKEYBYTES)};
    crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
    return key;
}

crypto::Bytes sign(const SecureBytes& secret_key, std::span<const unsigned char> message) {
    crypto::Bytes signature(crypto_sign_BYTES);
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                         secret_key.data());
    return signature;
}

bool verify(std::span<const unsigned char> public_key, std::span<const unsigned char> message,
            std::span<const unsigned char> signature) {
    if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
        return false;
    }
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                       public_key.data()) == 0;
}

} // namespace punctum::storage::signing
