#include "punctum/storage/passphrase_rule.h"

#include "passphrase_rule_for_tests.h"
#include "punctum/core/security/passphrase_strength.h"

#include <atomic>
#include <cctype>
#include <string>

namespace punctum::storage {

namespace {
std::atomic<bool> weak_accepted_for_tests{false};
} // namespace

void testing::accept_weak_passphrases_for_tests(bool accept) {
    weak_accepted_for_tests = accept;
}

StorageResult<void> check_new_passphrase(const SecureBytes& passphrase) {
    if (passphrase.empty()) {
        return fail(StorageErrc::invalid_input,
                    "Type a passphrase: four unrelated words work well.");
    }
    if (weak_accepted_for_tests) {
        return {};
    }
    const auto strength = core::assess_passphrase(passphrase.view());
    if (core::acceptable(strength)) {
        return {};
    }
    std::string level(core::to_string(strength.level));
    for (auto& ch : level) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return fail(StorageErrc::invalid_input, "This passphrase is too easy to guess to protect the "
                                            "vault (" +
                                                level + "). " + strength.advice);
}

} // namespace punctum::storage
