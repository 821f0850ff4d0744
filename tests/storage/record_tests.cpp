// Clients, sessions and recovery entries survive closing and reopening the vault exactly,
// and records the model refuses never reach it.

#include "vault_fixture.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {
core::Date date(int y, unsigned m, unsigned d) {
    return core::Date{year{y}, month{m}, day{d}};
}
} // namespace

TEST_CASE("storage: a client round trips through close and reopen", "[storage][records]") {
    VaultFixture f;
    core::Client c;
    c.display_name = "Ines Castillo-Øberg";
    c.date_of_birth = date(1984, 2, 29);
    c.fitzpatrick = 6;
    c.notes = "Prefers mornings.\nAllergic to lidocaine; use a topical alternative.";
    f.clock.advance(minutes{5});
    auto id = f.vault->clients().add(c);
    REQUIRE(id.ok());
    CHECK(id->valid());

    core::Client bare;
    bare.display_name = "Ben Unknown";
    auto bare_id = f.vault->clients().add(bare);
    REQUIRE(bare_id.ok());
    CHECK(*bare_id != *id);

    auto& v = f.reopen();
    auto got = v.clients().get(*id);
    REQUIRE(got.ok());
    CHECK(got->id == *id);
    CHECK(got->display_name == c.display_name);
    CHECK(got->date_of_birth == c.date_of_birth);
    CHECK(got->fitzpatrick == std::optional<int>{6});
    CHECK(got->notes == c.notes);
    CHECK(got->created_at == punctum::test::test_time() + minutes{5});

    auto got_bare = v.clients().get(*bare_id);
    REQUIRE(got_bare.ok());
    CHECK(got_bare->display_name == "Ben Unknown");
    CHECK(got_bare->fitzpatrick == std::nullopt); // unknown, not 0
    CHECK(got_bare->date_of_birth == std::nullopt);
    CHECK(got_bare->notes.empty());
}

TEST_CASE("storage: a client that is not there is not_found", "[storage][records]") {
    VaultFixture f;
    auto r = f.vault->clients().get(core::ClientId{12345});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == StorageErrc::not_found);
}

TEST_CASE("storage: a session with two areas round trips in order", "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Area Owner"));
    REQUIRE(client.ok());
    core::TreatmentSession s;
    s.client_id = *client;
    s.treated_on = date(2026, 2, 20);
    s.device = "SkinPen Precision";
    s.notes = "Numbing cream 30 min.";
    s.areas = {{"forehead", 0.25, 2}, {"cheeks", 1.75, 4}};
    auto sid = punctum::test::add_session(*f.vault, s);
    REQUIRE(sid.ok());

    auto& v = f.reopen();
    auto got = v.sessions().get(*sid);
    REQUIRE(got.ok());
    CHECK(got->id == *sid);
    CHECK(got->client_id == *client);
    CHECK(got->treated_on == date(2026, 2, 20));
    CHECK(got->device == "SkinPen Precision");
    CHECK(got->notes == "Numbing cream 30 min.");
    CHECK(got->practitioner == v.account().id);
    CHECK(got->created_at == punctum::test::test_time());
    REQUIRE(got->areas.size() == 2);
    CHECK(got->areas[0].area == "forehead");
    CHECK(got->areas[0].depth_mm == 0.25);
    CHECK(got->areas[0].passes == 2);
    CHECK(got->areas[1].area == "cheeks");
    CHECK(got->areas[1].depth_mm == 1.75);
    CHECK(got->areas[1].passes == 4);
}

TEST_CASE("storage: a client's sessions come newest first", "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("History"));
    auto other = f.vault->clients().add(punctum::test::make_client("Other"));
    REQUIRE((client.ok() && other.ok()));
    auto middle = punctum::test::add_session(
        *f.vault, punctum::test::make_session(*client, date(2026, 1, 15)));
    auto oldest = punctum::test::add_session(
        *f.vault, punctum::test::make_session(*client, date(2025, 12, 1)));
    auto newest = punctum::test::add_session(
        *f.vault, punctum::test::make_session(*client, date(2026, 2, 28)));
    REQUIRE(
        punctum::test::add_session(*f.vault, punctum::test::make_session(*other, date(2026, 3, 1)))
            .ok());
    REQUIRE((middle.ok() && oldest.ok() && newest.ok()));

    auto list = f.vault->sessions().of_client(*client);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3);
    CHECK((*list)[0].id == *newest);
    CHECK((*list)[1].id == *middle);
    CHECK((*list)[2].id == *oldest);
    CHECK((*list)[0].areas.size() == 1);
}

TEST_CASE("storage: entry scores keep unknown as unknown and 0 as 0", "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Scores"));
    REQUIRE(client.ok());
    auto sid = punctum::test::add_session(*f.vault,
                                          punctum::test::make_session(*client, date(2026, 3, 1)));
    REQUIRE(sid.ok());

    core::RecoveryEntry e;
    e.session_id = *sid;
    e.observed_on = date(2026, 3, 2);
    e.reporter = core::Reporter::clinician;
    e.note = "Redness gone, some swelling.";
    e.set(Symptom::erythema, 0);
    e.set(Symptom::edema, 2);
    e.set(Symptom::pain, 10);
    e.set(Symptom::bleeding, 0);
    e.set(Symptom::warmth, 1);
    e.set(Symptom::pus, 0);
    // itching, bruising, scabbing, dryness, fever, blisters, hyperpigmentation: not reported
    f.clock.advance(hours{26});
    auto eid = f.vault->sessions().add_entry(e);
    REQUIRE(eid.ok());

    auto& v = f.reopen();
    auto entries = v.sessions().entries(*sid);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 1);
    const auto& got = entries->front();
    CHECK(got.id == *eid);
    CHECK(got.session_id == *sid);
    CHECK(got.observed_on == date(2026, 3, 2));
    CHECK(got.reporter == core::Reporter::clinician);
    CHECK(got.note == e.note);
    CHECK(got.recorded_by == v.account().id);
    CHECK(got.created_at == punctum::test::test_time() + hours{26});
    for (const auto& scale : core::all_scales()) {
        INFO(scale.key);
        CHECK(got.score(scale.symptom) == e.score(scale.symptom));
    }
    CHECK(got.score(Symptom::erythema) == std::optional<int>{0});
    CHECK(got.score(Symptom::itching) == std::nullopt);
    CHECK(got.score(Symptom::hyperpigmentation) == std::nullopt);
}

TEST_CASE("storage: a session's entries come oldest day first", "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Days"));
    REQUIRE(client.ok());
    auto sid = punctum::test::add_session(*f.vault,
                                          punctum::test::make_session(*client, date(2026, 3, 1)));
    REQUIRE(sid.ok());
    f.live_on(date(2026, 3, 4));
    for (unsigned d : {4U, 1U, 3U}) {
        core::RecoveryEntry e;
        e.session_id = *sid;
        e.observed_on = date(2026, 3, d);
        e.set(Symptom::erythema, 1);
        REQUIRE(f.vault->sessions().add_entry(e).ok());
    }
    auto entries = f.vault->sessions().entries(*sid);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 3);
    CHECK((*entries)[0].observed_on == date(2026, 3, 1));
    CHECK((*entries)[1].observed_on == date(2026, 3, 3));
    CHECK((*entries)[2].observed_on == date(2026, 3, 4));
}

TEST_CASE("storage: records the model refuses are not stored", "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Valid"));
    REQUIRE(client.ok());
    auto sid = punctum::test::add_session(*f.vault,
                                          punctum::test::make_session(*client, date(2026, 3, 1)));
    REQUIRE(sid.ok());
    const auto before = f.stats();

    SECTION("a client without a name") {
        auto r = f.vault->clients().add(punctum::test::make_client("  "));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
        CHECK_THAT(r.error().message, Catch::Contains("name"));
    }
    SECTION("a client with Fitzpatrick type 7") {
        auto c = punctum::test::make_client("Seven");
        c.fitzpatrick = 7;
        auto r = f.vault->clients().add(c);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
    }
    SECTION("a session 3.1 mm deep") {
        auto s = punctum::test::make_session(*client, date(2026, 3, 2));
        s.areas.front().depth_mm = 3.1;
        auto r = f.vault->sessions().add(s); // refused by the model, before the gate
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
    }
    SECTION("an entry with redness 5") {
        core::RecoveryEntry e;
        e.session_id = *sid;
        e.observed_on = date(2026, 3, 2);
        e.set(Symptom::erythema, 5);
        auto r = f.vault->sessions().add_entry(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
    }
    SECTION("an entry dated before its treatment") {
        core::RecoveryEntry e;
        e.session_id = *sid;
        e.observed_on = date(2026, 2, 28);
        e.set(Symptom::erythema, 1);
        auto r = f.vault->sessions().add_entry(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
    }
    SECTION("an entry for a session that does not exist") {
        core::RecoveryEntry e;
        e.session_id = core::SessionId{999};
        e.observed_on = date(2026, 3, 2);
        e.set(Symptom::erythema, 1);
        auto r = f.vault->sessions().add_entry(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::not_found);
    }
    const auto after = f.stats();
    CHECK(after.clients == before.clients);
    CHECK(after.sessions == before.sessions);
    CHECK(after.entries == before.entries);
    CHECK(after.audit_events == before.audit_events);
}
