// The screening gate in storage: a session is recorded only with a stored screening of its
// client, for its day, that clears it; overrides of refer and decline need an admin; an
// absolute contraindication clears nothing; a refused session writes nothing at all.

#include "punctum/core/screening/screening_json.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::make_client;
using punctum::test::make_session;
using punctum::test::sign_in_as_new;
using punctum::test::VaultFixture;

namespace {

const core::Date today{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{3}};

core::ScreeningInput screening_of(std::vector<std::string> conditions, core::Date on = today) {
    core::ScreeningInput in;
    in.date = on;
    in.depth_mm = 1.0;
    in.conditions = std::move(conditions);
    return in;
}

core::ClientId client_in(storage::Vault& v, const std::string& name = "Ana Lima") {
    auto c = v.clients().add(make_client(name));
    REQUIRE(c.ok());
    return *c;
}

std::int64_t screened(storage::Vault& v, core::ClientId client, std::vector<std::string> conds,
                      core::Date on = today) {
    auto s = v.screenings().record(client, screening_of(std::move(conds), on));
    INFO((s ? std::string("screened") : s.error().message));
    REQUIRE(s.ok());
    return s->id;
}

core::TreatmentSession session_with(core::ClientId client, std::optional<std::int64_t> screening,
                                    core::Date on = today) {
    auto s = make_session(client, on);
    s.screening_id = screening;
    return s;
}

// What a refused session must leave unchanged: no session, no new audit event.
struct Unchanged {
    storage::Vault& v;
    std::int64_t sessions;
    std::int64_t events;
    explicit Unchanged(storage::Vault& vault)
        : v(vault), sessions(vault.stats()->sessions), events(vault.stats()->audit_events) {}
    void check() const {
        CHECK(v.stats()->sessions == sessions);
        CHECK(v.stats()->audit_events == events);
    }
};

} // namespace

TEST_CASE("storage: a session without a screening is refused and nothing is written",
          "[storage][screening][gate]") {
    VaultFixture f;
    auto& v = *f.vault;
    const auto client = client_in(v);
    const Unchanged before(v);
    auto r = v.sessions().add(session_with(client, std::nullopt));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::invalid_input);
    CHECK_THAT(r.error().message, Catch::Contains("needs a screening"));
    before.check();

    auto missing = v.sessions().add(session_with(client, 9999));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == StorageErrc::not_found);
    before.check();
}

TEST_CASE("storage: a screening clears only its own client, its own day, and one session",
          "[storage][screening][gate]") {
    VaultFixture f;
    auto& v = *f.vault;
    const auto ana = client_in(v, "Ana Lima");
    const auto ben = client_in(v, "Ben Okafor");
    const auto id = screened(v, ana, {});

    {
        const Unchanged before(v);
        auto other_client = v.sessions().add(session_with(ben, id));
        REQUIRE_FALSE(other_client.ok());
        CHECK_THAT(other_client.error().message, Catch::Contains("another client"));
        const core::Date yesterday{std::chrono::sys_days{today} - std::chrono::days{1}};
        auto other_day = v.sessions().add(session_with(ana, id, yesterday));
        REQUIRE_FALSE(other_day.ok());
        CHECK_THAT(other_day.error().message, Catch::Contains("not the treatment day"));
        before.check();
    }

    auto first = v.sessions().add(session_with(ana, id));
    INFO((first ? std::string("added") : first.error().message));
    REQUIRE(first.ok());
    // The screening now names its session, and the session is signed by its practitioner.
    auto stored = v.screenings().get(id);
    REQUIRE(stored.ok());
    CHECK(stored->session_id == *first);

    const Unchanged before(v);
    auto second = v.sessions().add(session_with(ana, id));
    REQUIRE_FALSE(second.ok());
    CHECK_THAT(second.error().message, Catch::Contains("already cleared another session"));
    before.check();
}

TEST_CASE("storage: proceed and caution clear a session, defer clears it only when overridden",
          "[storage][screening][gate]") {
    VaultFixture f;
    sign_in_as_new(f, "pat", core::Role::practitioner);
    auto& v = *f.vault;
    const auto client = client_in(v);

    CHECK(v.sessions().add(session_with(client, screened(v, client, {}))).ok());
    CHECK(v.sessions().add(session_with(client, screened(v, client, {"nsaids"}))).ok()); // caution

    const auto deferred = screened(v, client, {"pregnancy"});
    {
        const Unchanged before(v);
        auto refused = v.sessions().add(session_with(client, deferred));
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().message, Catch::Contains("defer"));
        CHECK_THAT(refused.error().message, Catch::Contains("written justification"));
        before.check();
    }
    REQUIRE(v.screenings()
                .override_verdict(deferred, "Confirmed not pregnant by test today; see notes.")
                .ok());
    CHECK(v.sessions().add(session_with(client, deferred)).ok());
}

TEST_CASE("storage: only an admin overrides a refer or a decline", "[storage][screening][gate]") {
    VaultFixture f;
    const auto client = client_in(*f.vault);
    sign_in_as_new(f, "pat", core::Role::practitioner);
    const auto referred = screened(*f.vault, client, {"skin_cancer_in_area"});

    auto by_practitioner = f.vault->screenings().override_verdict(referred, "I think it is fine.");
    REQUIRE_FALSE(by_practitioner.ok());
    CHECK(by_practitioner.error().code == StorageErrc::forbidden);
    CHECK_THAT(by_practitioner.error().message, Catch::Contains("admin"));
    CHECK_FALSE(f.vault->screenings().get(referred)->override_justification);
    CHECK_FALSE(f.vault->sessions().add(session_with(client, referred)).ok());

    // The clinic's medical lead (the admin) reviews it and overrides in writing.
    f.vault.reset();
    auto admin = f.open("admin", punctum::test::test_passphrase);
    REQUIRE(admin.ok());
    f.vault = std::move(admin.value());
    REQUIRE(f.vault->screenings()
                .override_verdict(referred, "Dermatologist letter: lesion benign, cleared.")
                .ok());
    CHECK(f.vault->sessions().add(session_with(client, referred)).ok());
}

TEST_CASE("storage: an absolute contraindication cannot be overridden, even by an admin",
          "[storage][screening][gate]") {
    VaultFixture f;
    auto& v = *f.vault;
    // The clinic's profile marks the stainless-steel allergy absolute (the shipped one may
    // already do so; this test does not depend on it).
    auto profile = nlohmann::json::parse(core::default_norms_json());
    profile["id"] = "clinic-absolute";
    for (auto& rule : profile["screening"]) {
        if (rule["item"] == "metal_allergy") {
            rule["absolute"] = true;
        }
    }
    auto adopted = v.norms().adopt(profile.dump());
    INFO((adopted ? std::string("adopted") : adopted.error().message));
    REQUIRE(adopted.ok());
    const auto client = client_in(v);
    const auto declined = screened(v, client, {"metal_allergy"});
    auto refused = v.screenings().override_verdict(declined, "Patient insists.");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::forbidden);
    CHECK_THAT(refused.error().message, Catch::Contains("absolute contraindication"));
    CHECK_FALSE(v.sessions().add(session_with(client, declined)).ok());
}

TEST_CASE("storage: a patient's own record in a personal vault needs no clinic screening",
          "[storage][screening][gate]") {
    VaultFixture f(storage::VaultKind::personal);
    auto own = f.vault->clients().own();
    REQUIRE(own.ok());
    auto added = f.vault->sessions().add(session_with(*own, std::nullopt));
    INFO((added ? std::string("added") : added.error().message));
    CHECK(added.ok());
}

TEST_CASE("storage: an entry dated after today is refused and nothing is written",
          "[storage][entries][dates]") {
    VaultFixture f; // its clock: 2026-03-03 09:00 UTC, 23:00 on the 3rd at UTC+14
    auto& v = *f.vault;
    const auto client = client_in(v);
    auto sid = punctum::test::add_session(v, make_session(client, today));
    REQUIRE(sid.ok());
    core::RecoveryEntry e;
    e.session_id = *sid;
    e.set(core::Symptom::erythema, 1);
    e.observed_on = core::Date{std::chrono::sys_days{today} + std::chrono::days{1}};
    const Unchanged before(v);
    auto refused = v.sessions().add_entry(e);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::invalid_input);
    CHECK_THAT(refused.error().message, Catch::Contains("has not happened yet"));
    CHECK(v.stats()->entries == 0);
    before.check();
    e.observed_on = today;
    CHECK(v.sessions().add_entry(e).ok());
}
