// Key management tells the truth (issue 12, item 4): a passphrase change that fails (a full
// disk) leaves the old passphrase working and records nothing, and a data key rotation that
// fails at any step leaves an open vault that goes on working and opens again afterwards.
// The failures are injected through storage's test-only seam (key_change_fault.h).

#include "key_change_fault.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

namespace storage = punctum::storage;
using punctum::test::VaultFixture;
using storage::testing::KeyFault;

namespace {

struct InjectedFault {
    explicit InjectedFault(KeyFault where) { storage::testing::inject_key_fault_for_tests(where); }
    ~InjectedFault() { storage::testing::inject_key_fault_for_tests(KeyFault::none); }
    InjectedFault(const InjectedFault&) = delete;
    InjectedFault& operator=(const InjectedFault&) = delete;
};

std::int64_t events_named(storage::Vault& v, const std::string& action) {
    storage::AuditFilter filter;
    filter.action = action;
    auto n = v.audit().count(filter);
    REQUIRE(n.ok());
    return n.value();
}

} // namespace

TEST_CASE("storage: a passphrase change that fails leaves the old passphrase working and "
          "records nothing",
          "[storage][keys]") {
    const auto where = GENERATE(KeyFault::key_file_write, KeyFault::key_file_commit);
    CAPTURE(static_cast<int>(where));
    VaultFixture f;
    {
        InjectedFault fault(where);
        auto changed = f.vault->change_passphrase(storage::SecureBytes::from("a new passphrase 2"),
                                                  storage::KdfParams::minimum_for_tests());
        REQUIRE_FALSE(changed.ok());
        CHECK(changed.error().code == storage::StorageErrc::disk_full);
        CHECK_THAT(changed.error().message, Catch::Contains("not changed"));
    }
    // The session goes on.
    REQUIRE(f.vault->clients().add(punctum::test::make_client("After the failure")).ok());
    f.vault.reset();
    CHECK_FALSE(f.open(f.account, "a new passphrase 2").ok());
    auto& v = f.reopen(); // the old passphrase
    CHECK(events_named(v, "account.passphrase") == 0);
    auto check = v.check();
    REQUIRE(check.ok());
    INFO(check->audit.message);
    CHECK(check->ok());
}

TEST_CASE("storage: a data key rotation that fails at any step leaves a working vault",
          "[storage][keys]") {
    const auto where = GENERATE(KeyFault::rotate_export, KeyFault::rotate_keys_write,
                                KeyFault::rotate_db_switch, KeyFault::rotate_keys_switch);
    CAPTURE(static_cast<int>(where));
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Before")).ok());
    {
        InjectedFault fault(where);
        auto rotated = f.vault->rotate_data_key();
        REQUIRE_FALSE(rotated.ok());
        INFO(rotated.error().message);
    }
    // The same open vault reads and writes on.
    REQUIRE(f.vault->clients().add(punctum::test::make_client("After")).ok());
    auto listed = f.vault->clients().list("", 0, 10);
    REQUIRE(listed.ok());
    CHECK(listed->size() == 2);
    // And it opens again, with both clients, its history whole.
    auto& v = f.reopen();
    listed = v.clients().list("", 0, 10);
    REQUIRE(listed.ok());
    CHECK(listed->size() == 2);
    auto check = v.check();
    REQUIRE(check.ok());
    INFO(check->audit.message);
    CHECK(check->ok());
    CHECK(events_named(v, "vault.rotate_key") == 1);
    // A rotation afterwards, with nothing in the way, succeeds.
    REQUIRE(v.rotate_data_key().ok());
    REQUIRE(v.clients().add(punctum::test::make_client("Rotated")).ok());
    auto& again = f.reopen();
    listed = again.clients().list("", 0, 10);
    REQUIRE(listed.ok());
    CHECK(listed->size() == 3);
}

TEST_CASE("storage: a replaced recovery key stops working and the new one recovers",
          "[storage][keys]") {
    VaultFixture f;
    const std::string old_key = f.recovery_key;
    auto replaced = f.vault->replace_recovery_key();
    REQUIRE(replaced.ok());
    const std::string new_key(replaced->view());
    CHECK(new_key != old_key);
    CHECK(new_key.size() == old_key.size());
    CHECK(events_named(*f.vault, "vault.recovery_key") == 1);
    f.vault.reset();

    const auto pass = storage::SecureBytes::from("recovered passphrase 9");
    auto refused = storage::Vault::recover(f.folder, old_key, f.account, pass,
                                           storage::KdfParams::minimum_for_tests(), f.clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == storage::StorageErrc::auth_failed);
    auto recovered = storage::Vault::recover(f.folder, new_key, f.account, pass,
                                             storage::KdfParams::minimum_for_tests(), f.clock);
    REQUIRE(recovered.ok());
    auto check = (*recovered)->check();
    REQUIRE(check.ok());
    INFO(check->audit.message);
    CHECK(check->ok());
}

TEST_CASE("storage: only who may reveal the key may replace the recovery key", "[storage][keys]") {
    VaultFixture f;
    REQUIRE(f.vault->accounts()
                .add("pat", "Pat", punctum::core::Role::practitioner,
                     storage::SecureBytes::from("pat passphrase 1"),
                     storage::KdfParams::minimum_for_tests())
                .ok());
    f.vault.reset();
    auto pat = f.open("pat", "pat passphrase 1");
    REQUIRE(pat.ok());
    auto refused = (*pat)->replace_recovery_key();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == storage::StorageErrc::forbidden);
}

TEST_CASE("storage: a recovery key replacement that fails leaves the old recovery key working",
          "[storage][keys]") {
    const auto where = GENERATE(KeyFault::key_file_write, KeyFault::key_file_commit);
    CAPTURE(static_cast<int>(where));
    VaultFixture f;
    {
        InjectedFault fault(where);
        auto replaced = f.vault->replace_recovery_key();
        REQUIRE_FALSE(replaced.ok());
        CHECK(replaced.error().code == storage::StorageErrc::disk_full);
    }
    CHECK(events_named(*f.vault, "vault.recovery_key") == 0);
    f.vault.reset();
    auto recovered = storage::Vault::recover(f.folder, f.recovery_key, f.account,
                                             storage::SecureBytes::from("recovered passphrase 9"),
                                             storage::KdfParams::minimum_for_tests(), f.clock);
    REQUIRE(recovered.ok());
    auto check = (*recovered)->check();
    REQUIRE(check.ok());
    INFO(check->audit.message);
    CHECK(check->ok());
}
