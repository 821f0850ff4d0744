#include "crypto.h"

#include <sodium.h>

namespace punctum::storage::crypto {

bool ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

SecureBytes random_secret(std::size_t size) {
    SecureBytes out(size);
    randombytes_buf(out.data(), size);
    return out;
}

Bytes random_bytes(std::size_t size) {
    Bytes out(size);
    randombytes_buf(out.data(), size);
    return out;
}

std::optional<SecureBytes> derive_from_passphrase(std::string_view passphrase,
                                                  std::span<const unsigned char> salt,
                                                  const KdfParams& params) {
    if (salt.size() != crypto_pwhash_argon2id_SALTBYTES) {
        return std::nullopt;
    }
    SecureBytes key(data_key_size);
    // An empty passphrase may arrive with a null data(); crypto_pwhash wants a pointer.
    const char* text = passphrase.empty() ? "" : passphrase.data();
    if (crypto_pwhash(key.data(), key.size(), text, passphrase.size(), salt.data(), params.opslimit,
                      params.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return std::nullopt;
    }
    return key;
}

SecureBytes derive_from_secret(std::span<const unsigned char> secret, std::string_view context) {
    SecureBytes key(data_key_size);
    crypto_generichash(key.data(), key.size(),
                       reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                       secret.data(), secret.size());
    return key;
}

SecureBytes subkey(const SecureBytes& key, std::uint64_t id, const char (&context)[9]) {
    SecureBytes out(crypto_auth_KEYBYTES);
    crypto_kdf_derive_from_key(out.data(), out.size(), id, context, key.data());
    return out;
}

Bytes seal(const SecureBytes& key, std::span<const unsigned char> plain,
           std::string_view associated) {
    Bytes out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() +
              crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned char* nonce = out.data();
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written, plain.data(), plain.size(),
        reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), nullptr,
        nonce, key.data());
    return out;
}

std::optional<SecureBytes> unseal(const SecureBytes& key, std::span<const unsigned char> sealed,
                                  std::string_view associated) {
    constexpr std::size_t overhead =
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < overhead || key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
        return std::nullopt;
    }
    SecureBytes plain(sealed.size() - overhead);
    unsigned long long written = 0;
    const unsigned char* nonce = sealed.data();
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &written, nullptr, nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            sealed.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), nonce,
            key.data()) != 0) {
        return std::nullopt;
    }
    return plain;
}

BoxKeyPair box_keypair() {
    BoxKeyPair pair{Bytes(crypto_box_PUBLICKEYBYTES), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_keypair(pair.public_key.data(), pair.secret_key.data());
    return pair;
}

Bytes seal_to(std::span<const unsigned char> public_key, std::span<const unsigned char> plain) {
    Bytes out(plain.size() + crypto_box_SEALBYTES);
    crypto_box_seal(out.data(), plain.data(), plain.size(), public_key.data());
    return out;
}

std::optional<SecureBytes> open_sealed(std::span<const unsigned char> public_key,
                                       const SecureBytes& secret_key,
                                       std::span<const unsigned char> sealed) {
    if (sealed.size() < crypto_box_SEALBYTES || public_key.size() != crypto_box_PUBLICKEYBYTES ||
        secret_key.size() != crypto_box_SECRETKEYBYTES) {
        return std::nullopt;
    }
    SecureBytes plain(sealed.size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), public_key.data(),
                             secret_key.data()) != 0) {
        return std::nullopt;
    }
    return plain;
}

Bytes mac(const SecureBytes& key, std::span<const unsigned char> message) {
    Bytes out(crypto_auth_BYTES);
    crypto_auth(out.data(), message.data(), message.size(), key.data());
    return out;
}

Bytes digest(std::string_view message) {
    Bytes out(32);
    crypto_generichash(out.data(), out.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       nullptr, 0);
    return out;
}

std::string to_hex(std::span<const unsigned char> bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

std::optional<Bytes> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    if (hex.empty()) {
        return Bytes{}; // an empty vector's data() is null, which sodium_hex2bin may not take
    }
    Bytes out(hex.size() / 2);
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) !=
            0 ||
        written != out.size() || end != hex.data() + hex.size()) {
        return std::nullopt;
    }
    return out;
}

} // namespace punctum::storage::crypto
