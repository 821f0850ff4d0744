// The demo writer stores each synthetic client whole: client, sessions and entries.

#include "punctum/storage/demo_writer.h"
#include "vault_fixture.h"

#include <algorithm>

#include <catch2/catch.hpp>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

TEST_CASE("storage: demo writer stores clients with their sessions and entries",
          "[storage][demo]") {
    VaultFixture f;
    const core::Date today = core::date_of(f.clock.now());
    constexpr int n = 6;
    std::int64_t sessions = 0;
    std::int64_t entries = 0;
    std::vector<core::ClientId> ids;
    for (int i = 0; i < n; ++i) {
        const auto demo = core::demo_client(11, i, today);
        sessions += static_cast<std::int64_t>(demo.sessions.size());
        for (const auto& ds : demo.sessions) {
            entries += static_cast<std::int64_t>(ds.entries.size());
        }
        auto id = storage::add_demo_client(*f.vault, demo);
        INFO("demo client " << i);
        REQUIRE(id.ok());
        ids.push_back(*id);
    }
    REQUIRE(entries > 0);

    f.reopen();
    const auto s = f.stats();
    CHECK(s.clients == n);
    CHECK(s.sessions == sessions);
    CHECK(s.entries == entries);
    // Creation's 4 events, one per record (each session with the screening that cleared it,
    // the gate), and one per flag the entries raised.
    CHECK(s.flags > 0); // the demo clinic has abnormal courses
    CHECK(s.audit_events == 4 + n + 2 * sessions + entries + s.flags);

    // Each stored client matches its demo, record for record.
    for (int i = 0; i < n; ++i) {
        INFO("demo client " << i);
        const auto demo = core::demo_client(11, i, today);
        auto client = f.vault->clients().get(ids.at(static_cast<std::size_t>(i)));
        REQUIRE(client.ok());
        CHECK(client->display_name == demo.client.display_name);
        CHECK(client->fitzpatrick == demo.client.fitzpatrick);
        CHECK(client->date_of_birth == demo.client.date_of_birth);
        auto stored = f.vault->sessions().of_client(client->id);
        REQUIRE(stored.ok());
        REQUIRE(stored->size() == demo.sessions.size());
        for (const auto& ds : demo.sessions) {
            const auto match =
                std::find_if(stored->begin(), stored->end(), [&](const core::TreatmentSession& t) {
                    return t.treated_on == ds.session.treated_on;
                });
            REQUIRE(match != stored->end());
            CHECK(match->device == ds.session.device);
            CHECK(match->areas.size() == ds.session.areas.size());
            auto stored_entries = f.vault->sessions().entries(match->id);
            REQUIRE(stored_entries.ok());
            REQUIRE(stored_entries->size() == ds.entries.size());
            for (std::size_t k = 0; k < ds.entries.size(); ++k) {
                CHECK((*stored_entries)[k].observed_on == ds.entries[k].observed_on);
                CHECK((*stored_entries)[k].scores == ds.entries[k].scores);
            }
        }
    }
}

TEST_CASE("storage: a demo client that cannot be stored leaves nothing behind", "[storage][demo]") {
    // A reviewer may not add clients: the whole demo client is refused.
    VaultFixture f;
    punctum::test::sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    const auto before = f.stats();
    auto id =
        storage::add_demo_client(*f.vault, core::demo_client(1, 0, core::date_of(f.clock.now())));
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == storage::StorageErrc::forbidden);
    const auto after = f.stats();
    CHECK(after.clients == before.clients);
    CHECK(after.sessions == before.sessions);
    CHECK(after.audit_events == before.audit_events);
}

TEST_CASE("storage: a demo client with photos gets analysed, colour-corrected photos of their "
          "latest session",
          "[storage][demo][photos]") {
    VaultFixture f;
    const auto demo = core::demo_client(5, 0, core::date_of(f.clock.now()));
    storage::DemoPhotos photos;
    photos.enabled = true;
    auto id = storage::add_demo_client(*f.vault, demo, photos);
    REQUIRE(id.ok());
    auto sessions = f.vault->sessions().of_client(*id);
    REQUIRE(sessions.ok());
    REQUIRE_FALSE(sessions->empty());
    const auto latest = sessions->front(); // newest first
    auto stored = f.vault->photos().of_session(latest.id);
    REQUIRE(stored.ok());
    const auto expected = std::min<std::size_t>(demo.sessions.back().entries.size(), 3);
    REQUIRE(stored->size() == expected);
    auto entries = f.vault->sessions().entries(latest.id);
    REQUIRE(entries.ok());
    for (std::size_t i = 0; i < stored->size(); ++i) {
        const auto& p = (*stored)[i];
        CHECK(p.entry_id.valid());
        auto analyses = f.vault->photos().analyses(p.id);
        REQUIRE(analyses.ok());
        REQUIRE(analyses->size() == 1);
        const auto& v = analyses->front().values;
        CHECK(v.calibrated); // the demo photos carry a ColorChecker
        // Redness follows the logged erythema: about 2.5 units of delta a* per scale step.
        const auto entry = std::find_if(entries->begin(), entries->end(),
                                        [&](const auto& e) { return e.id == p.entry_id; });
        REQUIRE(entry != entries->end());
        const double expected_delta = 2.5 * entry->score(core::Symptom::erythema).value_or(0);
        CHECK(v.delta_a_star == Approx(expected_delta).margin(2.0));
    }
    CHECK(f.stats().photos == static_cast<std::int64_t>(expected));
}
