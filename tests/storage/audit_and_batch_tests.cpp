// Every write leaves exactly one audit event; a write that fails leaves none, and a batch
// lands whole or not at all. Roles are enforced by storage, not only hidden by the UI.

#include "vault_fixture.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{year{2026}, month{3}, day{1}};

core::RecoveryEntry entry_for(core::SessionId sid) {
    core::RecoveryEntry e;
    e.session_id = sid;
    e.observed_on = treated_on;
    e.set(Symptom::erythema, 2);
    return e;
}

} // namespace

TEST_CASE("storage: every add writes exactly one audit event", "[storage][audit]") {
    VaultFixture f;
    auto& v = *f.vault;
    std::int64_t events = f.stats().audit_events;
    REQUIRE(events == 4); // account.signing_key, vault.create, account.add, norms.adopt

    auto client = v.clients().add(punctum::test::make_client("Audited"));
    REQUIRE(client.ok());
    CHECK(f.stats().audit_events == ++events);

    // A clinic screens before it treats: the screening is its own write.
    const auto session =
        punctum::test::screened(v, punctum::test::make_session(*client, treated_on));
    CHECK(f.stats().audit_events == ++events);

    auto sid = v.sessions().add(session);
    REQUIRE(sid.ok());
    CHECK(f.stats().audit_events == ++events);

    REQUIRE(v.sessions().add_entry(entry_for(*sid)).ok());
    CHECK(f.stats().audit_events == ++events);

    // Reads are not audited.
    REQUIRE(v.clients().get(*client).ok());
    REQUIRE(v.clients().list("", 0, 10).ok());
    REQUIRE(v.sessions().entries(*sid).ok());
    CHECK(f.stats().audit_events == events);

    // The events are still there after reopening.
    f.reopen();
    CHECK(f.stats().audit_events == events);
}

TEST_CASE("storage: a failed write adds no rows and no audit event", "[storage][audit]") {
    VaultFixture f;
    auto& v = *f.vault;
    auto client = v.clients().add(punctum::test::make_client("Existing"));
    REQUIRE(client.ok());
    const auto later = punctum::test::screened(v, punctum::test::make_session(*client, treated_on));
    const auto before = f.stats();

    auto r = v.sessions().add(punctum::test::make_session(core::ClientId{4242}, treated_on));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::not_found);

    const auto after = f.stats();
    CHECK(after.sessions == before.sessions);
    CHECK(after.audit_events == before.audit_events);
    // And the vault still takes writes afterwards: no transaction was left open.
    REQUIRE(v.sessions().add(later).ok());
    CHECK(f.stats().audit_events == before.audit_events + 1);
    f.reopen();
    CHECK(f.stats().sessions == 1);
}

TEST_CASE("storage: batch rolls back everything when its body returns an error",
          "[storage][batch]") {
    VaultFixture f;
    auto& v = *f.vault;
    const auto before = f.stats();

    auto r = v.batch([&]() -> storage::StorageResult<void> {
        auto a = v.clients().add(punctum::test::make_client("Batch A"));
        auto b = v.clients().add(punctum::test::make_client("Batch B"));
        if (!a || !b) {
            return punctum::fail(StorageErrc::internal, "setup failed");
        }
        auto sid = punctum::test::add_session(v, punctum::test::make_session(*a, treated_on));
        if (!sid) {
            return sid.failure();
        }
        if (!v.sessions().add_entry(entry_for(*sid))) {
            return punctum::fail(StorageErrc::internal, "setup failed");
        }
        // Inside the batch the writes are visible...
        if (v.clients().count("Batch").value() != 2) {
            return punctum::fail(StorageErrc::internal, "writes not visible inside the batch");
        }
        // ...and then the body gives up.
        return punctum::fail(StorageErrc::invalid_input, "stop here");
    });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::invalid_input);
    CHECK(r.error().message == "stop here");

    auto check_nothing_landed = [&] {
        const auto after = f.stats();
        CHECK(after.clients == before.clients);
        CHECK(after.sessions == before.sessions);
        CHECK(after.entries == before.entries);
        CHECK(after.audit_events == before.audit_events);
        CHECK(f.vault->clients().count("Batch").value() == 0);
    };
    check_nothing_landed();
    f.reopen();
    check_nothing_landed();
}

TEST_CASE("storage: a failing store call inside a batch undoes the batch's earlier writes",
          "[storage][batch]") {
    VaultFixture f;
    auto& v = *f.vault;
    const auto before = f.stats();
    auto r = v.batch([&]() -> storage::StorageResult<void> {
        if (auto a = v.clients().add(punctum::test::make_client("Half Done")); !a) {
            return a.failure();
        }
        auto missing =
            v.sessions().add(punctum::test::make_session(core::ClientId{777}, treated_on));
        if (!missing) {
            return missing.failure();
        }
        return {};
    });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::not_found);
    const auto after = f.stats();
    CHECK(after.clients == before.clients);
    CHECK(after.audit_events == before.audit_events);
    // The vault is usable afterwards.
    CHECK(v.clients().add(punctum::test::make_client("After")).ok());
    CHECK(f.stats().clients == before.clients + 1);
}

TEST_CASE("storage: a batch keeps writes whose inner failure the body handled",
          "[storage][batch]") {
    // A store call that fails inside a batch undoes only itself (a savepoint), so a body
    // that chooses to carry on commits the rest.
    VaultFixture f;
    auto& v = *f.vault;
    const auto before = f.stats();
    auto r = v.batch([&]() -> storage::StorageResult<void> {
        auto a = v.clients().add(punctum::test::make_client("Kept"));
        if (!a) {
            return a.failure();
        }
        auto bad = v.clients().add(punctum::test::make_client(""));
        if (bad) {
            return punctum::fail(StorageErrc::internal, "an empty name was accepted");
        }
        auto missing =
            v.sessions().add(punctum::test::make_session(core::ClientId{777}, treated_on));
        if (missing) {
            return punctum::fail(StorageErrc::internal,
                                 "a session for a missing client was accepted");
        }
        auto sid = punctum::test::add_session(v, punctum::test::make_session(*a, treated_on));
        return sid ? storage::StorageResult<void>{} : sid.failure();
    });
    REQUIRE(r.ok());
    f.reopen();
    const auto after = f.stats();
    CHECK(after.clients == before.clients + 1);
    CHECK(after.sessions == before.sessions + 1);
    // The client, the screening the session needs (the gate), and the session.
    CHECK(after.audit_events == before.audit_events + 3);
}

TEST_CASE("storage: a successful batch commits every write", "[storage][batch]") {
    VaultFixture f;
    auto& v = *f.vault;
    const auto before = f.stats();
    auto r = v.batch([&]() -> storage::StorageResult<void> {
        for (const char* name : {"One", "Two", "Three"}) {
            if (auto id = v.clients().add(punctum::test::make_client(name)); !id) {
                return id.failure();
            }
        }
        return {};
    });
    REQUIRE(r.ok());
    f.reopen();
    const auto after = f.stats();
    CHECK(after.clients == before.clients + 3);
    CHECK(after.audit_events == before.audit_events + 3);
}

TEST_CASE("storage: a patient keeps their own record but cannot manage accounts",
          "[storage][roles]") {
    VaultFixture f(storage::VaultKind::personal);
    auto& v = *f.vault;
    REQUIRE(v.account().role == core::Role::patient);
    const auto before = f.stats();

    // At home the patient records the treatment they had, to follow their recovery.
    auto c = v.clients().add(punctum::test::make_client("Me"));
    REQUIRE(c.ok());
    auto s = punctum::test::add_session(v, punctum::test::make_session(*c, treated_on));
    REQUIRE(s.ok());

    auto added = v.accounts().add("someone", "Someone", core::Role::practitioner,
                                  storage::SecureBytes::from("a passphrase 123"),
                                  storage::KdfParams::minimum_for_tests());
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == StorageErrc::forbidden);
    CHECK_THAT(added.error().message, Catch::Contains("patient"));

    const auto after = f.stats();
    CHECK(after.clients == before.clients + 1);
    CHECK(after.sessions == before.sessions + 1);
    CHECK(after.audit_events == before.audit_events + 2);
    CHECK(after.accounts == before.accounts);
}
