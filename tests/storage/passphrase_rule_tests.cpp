// The passphrase rule lives in storage (issue 12, item 7): every new passphrase, wherever it
// is chosen, rates "good" or better, or is refused with the reason and nothing is written.
// The test-only opt-out (passphrase_rule_for_tests.h) lifts it and nothing else does.

#include "passphrase_rule_for_tests.h"
#include "punctum/storage/passphrase_rule.h"
#include "support/files.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

namespace storage = punctum::storage;
using punctum::test::VaultFixture;

namespace {

constexpr const char* weak = "password1";
constexpr const char* strong = "lantern otter gravel mosaic";

template <typename T> void check_refused(const storage::StorageResult<T>& r) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == storage::StorageErrc::invalid_input);
    CHECK_THAT(r.error().message, Catch::Contains("too easy to guess"));
}

} // namespace

TEST_CASE("storage: the passphrase rule refuses weak passphrases with the reason and accepts "
          "good ones",
          "[storage][passphrase]") {
    check_refused(storage::check_new_passphrase(storage::SecureBytes::from(weak)));
    check_refused(storage::check_new_passphrase(storage::SecureBytes::from("qwertyuiop")));
    check_refused(storage::check_new_passphrase(storage::SecureBytes::from("abc12345")));
    const auto empty = storage::check_new_passphrase(storage::SecureBytes{});
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().message, Catch::Contains("Type a passphrase"));
    CHECK(storage::check_new_passphrase(storage::SecureBytes::from(strong)).ok());
}

TEST_CASE("storage: a weak passphrase is refused at every place one is chosen, and nothing is "
          "written",
          "[storage][passphrase]") {
    VaultFixture f;
    const auto kdf = storage::KdfParams::minimum_for_tests();
    const auto w = storage::SecureBytes::from(weak);

    SECTION("creating a vault") {
        const auto folder = f.folder.parent_path() / "weak vault";
        check_refused(storage::Vault::create(
            folder, w, VaultFixture::options(storage::VaultKind::clinic), f.clock));
        CHECK_FALSE(std::filesystem::exists(folder));
    }
    SECTION("adding an account, changing a passphrase, recovering") {
        f.vault.reset();
        const auto before = punctum::test::snapshot(f.folder);
        auto& v = f.reopen();
        check_refused(v.accounts().add("pat", "Pat", punctum::core::Role::practitioner, w, kdf));
        check_refused(v.change_passphrase(w, kdf));
        f.vault.reset();
        check_refused(
            storage::Vault::recover(f.folder, f.recovery_key, f.account, w, kdf, f.clock));
        CHECK(punctum::test::snapshot(f.folder) == before);
        CHECK(f.open(f.account, punctum::test::test_passphrase).ok());
    }
}

TEST_CASE("storage: only the test-only opt-out lifts the passphrase rule",
          "[storage][passphrase]") {
    const auto w = storage::SecureBytes::from(weak);
    storage::testing::accept_weak_passphrases_for_tests(true);
    const bool lifted = storage::check_new_passphrase(w).ok();
    const bool empty_still_refused = !storage::check_new_passphrase(storage::SecureBytes{}).ok();
    storage::testing::accept_weak_passphrases_for_tests(false);
    CHECK(lifted);
    CHECK(empty_still_refused);
    check_refused(storage::check_new_passphrase(w));
}
