#include "punctum/storage/kdf_params.h"

#include <sodium.h>

namespace punctum::storage {

KdfParams KdfParams::moderate() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}
KdfParams KdfParams::interactive() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}
KdfParams KdfParams::sensitive() {
    return {crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE};
}
KdfParams KdfParams::minimum_for_tests() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, 8U * 1024U};
}
std::optional<KdfParams> KdfParams::named(std::string_view name) {
    if (name == "interactive") {
        return interactive();
    }
    if (name == "moderate") {
        return moderate();
    }
    if (name == "sensitive") {
        return sensitive();
    }
    return std::nullopt;
}

} // namespace punctum::storage
