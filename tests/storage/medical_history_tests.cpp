// A client's lasting medical history: stored, audited, refused when it cannot be right, and
// re-confirmed at screening; and the interval since the last microneedling taken from the
// vault's own sessions rather than from memory.

#include "punctum/core/screening/screening_json.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::sign_in_as_new;
using punctum::test::VaultFixture;

namespace {

core::Date day(const char* text) {
    return *core::parse_date(text);
}

// The screening day of these tests: the fixture's clock says 2026-03-03.
const core::Date today = day("2026-03-03");

// A session on `on`, screened first as storage requires (and, when sessions are close
// together, overridden: these tests are about the screening after them).
core::SessionId treated(storage::Vault& vault, core::ClientId client, const char* on) {
    core::ScreeningInput in;
    in.date = day(on);
    auto screening = vault.screenings().record(client, in);
    REQUIRE(screening.ok());
    if (!screening->clears_treatment()) {
        REQUIRE(vault.screenings()
                    .override_verdict(screening->id, "Test: an earlier session to count from.")
                    .ok());
    }
    auto s = punctum::test::make_session(client, day(on));
    s.screening_id = screening->id;
    auto id = vault.sessions().add(s);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());
    return *id;
}

core::ScreeningInput input(std::map<std::string, core::Date> recent = {}) {
    core::ScreeningInput in;
    in.date = today;
    in.depth_mm = 1.0;
    in.recent = std::move(recent);
    return in;
}

std::vector<storage::AuditEvent> history_events(VaultFixture& f) {
    storage::AuditFilter filter;
    filter.action = "client.history";
    auto events = f.vault->audit().events(filter, 100, 0);
    REQUIRE(events.ok());
    return events.value();
}

} // namespace

TEST_CASE("storage: a client's medical history is kept, stamped and audited",
          "[storage][history]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Hana Mori"));
    REQUIRE(client.ok());

    auto none = f.vault->clients().history(*client);
    REQUIRE(none.ok());
    CHECK(none->empty());
    CHECK_FALSE(none->updated_at);

    core::MedicalHistory h;
    h.allergies = "Lidocaine (hives)";
    h.sensitivities = "Fragrance";
    h.medications = "Levothyroxine 50 mcg\nFish oil";
    h.conditions = "Hypothyroidism, treated";
    auto saved = f.vault->clients().set_history(*client, h);
    REQUIRE(saved.ok());
    CHECK(saved->updated_at == punctum::test::test_time());

    auto& v = f.reopen();
    auto read = v.clients().history(*client);
    REQUIRE(read.ok());
    CHECK(read->allergies == h.allergies);
    CHECK(read->sensitivities == h.sensitivities);
    CHECK(read->medications == h.medications);
    CHECK(read->conditions == h.conditions);
    CHECK(read->updated_at == punctum::test::test_time());

    auto events = history_events(f);
    REQUIRE(events.size() == 1);
    CHECK(events[0].object == "client:" + std::to_string(client->value));
    CHECK(events[0].account == "admin");

    // Saving it unchanged writes nothing; a change (clearing a field) is a second event.
    REQUIRE(v.clients().set_history(*client, *read).ok());
    CHECK(history_events(f).size() == 1);
    auto cleared = *read;
    cleared.sensitivities.clear();
    REQUIRE(v.clients().set_history(*client, cleared).ok());
    CHECK(v.clients().history(*client)->sensitivities.empty());
    CHECK(history_events(f).size() == 2);

    const auto known = storage::AuditStore::known_actions();
    CHECK(std::find(known.begin(), known.end(), "client.history") != known.end());
}

TEST_CASE("storage: a medical history is refused when too long, for an unknown client, or "
          "from a reviewer",
          "[storage][history]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Refused"));
    REQUIRE(client.ok());
    core::MedicalHistory h;
    h.medications = std::string(core::medical_history_max_chars + 1, 'x');
    auto long_one = f.vault->clients().set_history(*client, h);
    REQUIRE_FALSE(long_one.ok());
    CHECK(long_one.error().code == StorageErrc::invalid_input);
    CHECK_THAT(long_one.error().message, Catch::Contains("Medications"));
    h.medications = "ok";
    h.allergies = std::string("nuts\x01");
    CHECK(f.vault->clients().set_history(*client, h).error().code == StorageErrc::invalid_input);
    h.allergies = "nuts";
    auto nobody = f.vault->clients().set_history(core::ClientId{9999}, h);
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().code == StorageErrc::not_found);
    CHECK(f.vault->clients().history(core::ClientId{9999}).error().code == StorageErrc::not_found);
    CHECK(history_events(f).empty());
    REQUIRE(f.vault->clients().set_history(*client, h).ok());

    sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    CHECK(f.vault->clients().history(*client)->allergies == "nuts"); // reviewers read
    auto forbidden = f.vault->clients().set_history(*client, core::MedicalHistory{});
    REQUIRE_FALSE(forbidden.ok());
    CHECK(forbidden.error().code == StorageErrc::forbidden);
}

TEST_CASE("storage: a screening records that the medical history was re-confirmed",
          "[storage][history][screening]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Confirmed"));
    REQUIRE(client.ok());
    auto checked = input();
    checked.history_confirmed = true;
    auto with = f.vault->screenings().record(*client, checked);
    REQUIRE(with.ok());
    auto without = f.vault->screenings().record(*client, input());
    REQUIRE(without.ok());

    auto& v = f.reopen();
    auto a = v.screenings().get(with->id);
    auto b = v.screenings().get(without->id);
    REQUIRE((a.ok() && b.ok()));
    CHECK(a->history_confirmed);
    CHECK(a->input.history_confirmed);
    CHECK_FALSE(b->history_confirmed);
    CHECK_FALSE(b->input.history_confirmed);
}

TEST_CASE("storage: the interval since the last microneedling comes from the vault's own "
          "sessions",
          "[storage][screening]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Interval"));
    auto other = f.vault->clients().add(punctum::test::make_client("Someone else"));
    REQUIRE((client.ok() && other.ok()));
    auto& screenings = f.vault->screenings();

    // No session in the vault: the date given is used as given; none given, nothing to say.
    auto nothing = screenings.record(*client, input());
    REQUIRE(nothing.ok());
    CHECK(nothing->result.reasons.empty());
    auto given = screenings.record(*client, input({{"microneedling", day("2026-02-25")}}));
    REQUIRE(given.ok());
    CHECK(given->result.verdict == core::Outcome::defer);
    CHECK_THAT(given->result.reasons.at(0).message, Catch::Contains("as given at screening"));
    CHECK(given->input.recent_from_vault.empty());

    // Another client's session and a session 14 days before: the interval has passed.
    treated(*f.vault, *other, "2026-03-01");
    treated(*f.vault, *client, "2026-02-17");
    auto fourteen = screenings.record(*client, input());
    REQUIRE(fourteen.ok());
    CHECK(fourteen->result.verdict == core::Outcome::proceed);
    REQUIRE(fourteen->result.reasons.size() == 1);
    CHECK(fourteen->result.reasons[0].item == "microneedling");
    CHECK_THAT(fourteen->result.reasons[0].message, Catch::Contains("2026-02-17"));
    CHECK_THAT(fourteen->result.reasons[0].message, Catch::Contains("this vault's records"));
    CHECK(fourteen->input.recent.at("microneedling") == day("2026-02-17"));
    CHECK(fourteen->input.recent_from_vault == std::vector<std::string>{"microneedling"});

    // 13 days before: defer until the 14th day, counted from the vault's date even when an
    // older date was given.
    treated(*f.vault, *client, "2026-02-18");
    auto thirteen = screenings.record(*client, input({{"microneedling", day("2026-01-10")}}));
    REQUIRE(thirteen.ok());
    CHECK(thirteen->result.verdict == core::Outcome::defer);
    CHECK(thirteen->result.earliest_date == day("2026-03-04"));
    CHECK_THAT(thirteen->result.reasons.at(0).message, Catch::Contains("2026-02-18"));
    CHECK_THAT(thirteen->result.reasons.at(0).message, Catch::Contains("this vault's records"));

    // A later date given (treated elsewhere since) is kept, and said to be as given.
    auto elsewhere = screenings.record(*client, input({{"microneedling", day("2026-02-27")}}));
    REQUIRE(elsewhere.ok());
    CHECK(elsewhere->input.recent.at("microneedling") == day("2026-02-27"));
    CHECK(elsewhere->input.recent_from_vault.empty());
    CHECK(elsewhere->result.earliest_date == day("2026-03-13"));
    CHECK_THAT(elsewhere->result.reasons.at(0).message, Catch::Contains("as given at screening"));

    // Only the vault says what came from the vault.
    auto claimed = input({{"microneedling", day("2026-02-27")}});
    claimed.recent_from_vault = {"microneedling"};
    auto stored = screenings.record(*client, claimed);
    REQUIRE(stored.ok());
    CHECK(stored->input.recent_from_vault.empty());

    // A session on the screening day itself is not "the last one before": screening again
    // that day still counts from the one before.
    treated(*f.vault, *client, "2026-03-03");
    auto same_day = screenings.record(*client, input());
    REQUIRE(same_day.ok());
    CHECK(same_day->input.recent.at("microneedling") == day("2026-02-18"));

    // What was stored reads back and re-screens to the same verdict.
    auto& v = f.reopen();
    auto again = v.screenings().get(thirteen->id);
    REQUIRE(again.ok());
    CHECK(again->input.recent_from_vault == std::vector<std::string>{"microneedling"});
    auto rerun = core::screen(again->input, core::default_norms_profile());
    REQUIRE(rerun.ok());
    CHECK(rerun->verdict == again->result.verdict);
    CHECK(rerun->reasons.at(0).message == again->result.reasons.at(0).message);
}
