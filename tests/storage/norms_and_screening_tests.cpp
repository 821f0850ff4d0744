// The profile in force is stored and recorded with what it decided; a clinic's own profile
// is checked before it is adopted; screenings are computed, stored and overridden only with
// a written justification; a session's details round trip.

#include "punctum/core/screening/screening_json.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::sign_in_as_new;
using punctum::test::VaultFixture;

namespace {

const core::Date today{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{3}};

// The shipped profile with a new version and a stricter pus rule message, as a clinic
// would edit it.
std::string clinic_profile(const std::string& version) {
    auto j = nlohmann::json::parse(core::default_norms_json());
    j["id"] = "clinic-example";
    j["version"] = version;
    return j.dump();
}

core::ScreeningInput input_with(std::vector<std::string> conditions,
                                std::map<std::string, core::Date> recent = {}) {
    core::ScreeningInput in;
    in.date = today;
    in.depth_mm = 1.0;
    in.conditions = std::move(conditions);
    in.recent = std::move(recent);
    return in;
}

} // namespace

TEST_CASE("storage: the default profile is in force until a clinic adopts its own",
          "[storage][norms]") {
    VaultFixture f;
    auto active = f.vault->norms().active();
    REQUIRE(active.ok());
    CHECK(active->id == core::default_norms_profile().id);

    const auto json = clinic_profile("2026.1");
    auto adopted = f.vault->norms().adopt(json);
    INFO((adopted ? std::string("adopted") : adopted.error().message));
    REQUIRE(adopted.ok());
    CHECK(adopted->id == "clinic-example");
    CHECK(adopted->version == "2026.1");
    CHECK(adopted->active);
    CHECK(adopted->adopted_by == "Test account");

    // It survives reopening and is what new flags cite.
    auto& v = f.reopen();
    CHECK(v.norms().active()->id == "clinic-example");
    auto client = v.clients().add(punctum::test::make_client("Cited"));
    REQUIRE(client.ok());
    auto session = punctum::test::add_session(v, punctum::test::make_session(*client, today));
    REQUIRE(session.ok());
    core::RecoveryEntry e;
    e.session_id = *session;
    e.observed_on = today;
    e.set(core::Symptom::pus, 1);
    REQUIRE(v.sessions().add_entry(e).ok());
    auto flags = v.flags().of_session(*session);
    REQUIRE(flags.ok());
    REQUIRE_FALSE(flags->empty());
    CHECK(flags->front().flag.profile_id == "clinic-example");
    CHECK(flags->front().flag.profile_version == "2026.1");

    // History: the default (recorded when first used) and the clinic's, newest first.
    auto history = v.norms().history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).id == "clinic-example");
    CHECK(history->at(1).id == core::default_norms_profile().id);
    CHECK_FALSE(history->at(1).active);

    // Back to the default: the same row is reactivated, not a copy.
    auto back = v.norms().adopt_default();
    REQUIRE(back.ok());
    CHECK(back->row == history->at(1).row);
    CHECK(v.norms().history()->size() == 2);
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK(check->ok());
}

TEST_CASE("storage: a profile that does not check out is refused and changes nothing",
          "[storage][norms]") {
    VaultFixture f;
    const auto before = f.stats().audit_events;
    auto bad = nlohmann::json::parse(core::default_norms_json());
    bad["surprise"] = true;
    auto unknown = f.vault->norms().adopt(bad.dump());
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == StorageErrc::invalid_input);
    CHECK_THAT(unknown.error().message, Catch::Contains("surprise"));
    auto garbage = f.vault->norms().adopt("{not json");
    REQUIRE_FALSE(garbage.ok());
    CHECK(f.stats().audit_events == before);
    CHECK(f.vault->norms().active()->id == core::default_norms_profile().id);

    // Same id and version, different content: a version must not silently change meaning.
    REQUIRE(f.vault->norms().adopt(clinic_profile("1")).ok());
    auto changed = nlohmann::json::parse(clinic_profile("1"));
    changed["title"] = "Quietly different";
    auto clash = f.vault->norms().adopt(changed.dump());
    REQUIRE_FALSE(clash.ok());
    CHECK(clash.error().code == StorageErrc::invalid_input);
    CHECK_THAT(clash.error().message, Catch::Contains("new version"));
    CHECK(f.vault->norms().active()->title != "Quietly different");
}

TEST_CASE("storage: only an admin changes the norms profile", "[storage][norms][roles]") {
    VaultFixture f;
    sign_in_as_new(f, "pat.practitioner", core::Role::practitioner);
    auto adopted = f.vault->norms().adopt(clinic_profile("2"));
    REQUIRE_FALSE(adopted.ok());
    CHECK(adopted.error().code == StorageErrc::forbidden);
}

TEST_CASE("storage: a screening is computed with the profile in force and stored with it",
          "[storage][screening]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Screened"));
    REQUIRE(client.ok());
    const core::Date botox{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{27}};
    auto stored = f.vault->screenings().record(
        *client, input_with({"cold_sore_history"}, {{"botulinum_toxin", botox}}));
    INFO((stored ? std::string("stored") : stored.error().message));
    REQUIRE(stored.ok());

    const auto expected =
        core::screen(input_with({"cold_sore_history"}, {{"botulinum_toxin", botox}}),
                     core::default_norms_profile());
    REQUIRE(expected.ok());
    CHECK(stored->result.verdict == expected->verdict);
    CHECK(stored->result.verdict == core::Outcome::defer);
    CHECK(stored->result.earliest_date == expected->earliest_date);
    REQUIRE(stored->result.reasons.size() == expected->reasons.size());
    for (std::size_t i = 0; i < expected->reasons.size(); ++i) {
        CHECK(stored->result.reasons[i].item == expected->reasons[i].item);
        CHECK(stored->result.reasons[i].source == expected->reasons[i].source);
        CHECK(stored->result.reasons[i].until == expected->reasons[i].until);
    }
    CHECK(stored->result.profile_id == core::default_norms_profile().id);
    CHECK(stored->input.conditions == std::vector<std::string>{"cold_sore_history"});
    CHECK(stored->created_by == "Test account");
    CHECK_FALSE(stored->clears_treatment());

    // Overriding needs words; then it is kept, attributed, and clears treatment.
    auto blank = f.vault->screenings().override_verdict(stored->id, "  ");
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().code == StorageErrc::invalid_input);
    REQUIRE(f.vault->screenings()
                .override_verdict(stored->id, "Toxin was to the forehead only; treating cheeks.")
                .ok());
    auto& v = f.reopen();
    auto again = v.screenings().get(stored->id);
    REQUIRE(again.ok());
    CHECK(again->override_justification ==
          std::optional<std::string>{"Toxin was to the forehead only; treating cheeks."});
    CHECK(again->overridden_by == "Test account");
    CHECK(again->clears_treatment());
    auto twice = v.screenings().override_verdict(stored->id, "Again.");
    REQUIRE_FALSE(twice.ok());

    // A proceed verdict needs no override; attach links it to the session it cleared.
    auto clear = v.screenings().record(*client, input_with({}));
    REQUIRE(clear.ok());
    CHECK(clear->result.verdict == core::Outcome::proceed);
    auto pointless = v.screenings().override_verdict(clear->id, "Just because.");
    REQUIRE_FALSE(pointless.ok());
    CHECK_THAT(pointless.error().message, Catch::Contains("proceed"));
    auto cleared = punctum::test::make_session(*client, today);
    cleared.screening_id = clear->id;
    auto session = v.sessions().add(cleared);
    REQUIRE(session.ok());
    REQUIRE(v.screenings().attach(clear->id, *session).ok());
    CHECK(v.screenings().get(clear->id)->session_id == *session);
    CHECK(v.screenings().of_client(*client)->size() == 2);
}

TEST_CASE("storage: screening refuses unknown items and reviewers", "[storage][screening]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Refused"));
    REQUIRE(client.ok());
    auto unknown = f.vault->screenings().record(*client, input_with({"sunburnt"}));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == StorageErrc::invalid_input);
    CHECK_THAT(unknown.error().message, Catch::Contains("sunburnt"));
    CHECK(f.vault->screenings().of_client(*client)->empty());

    sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    auto forbidden = f.vault->screenings().record(*client, input_with({}));
    REQUIRE_FALSE(forbidden.ok());
    CHECK(forbidden.error().code == StorageErrc::forbidden);
}

TEST_CASE("storage: a session's cartridge, products, add-ons and aftercare round trip",
          "[storage][records]") {
    VaultFixture f;
    auto client = f.vault->clients().add(punctum::test::make_client("Detailed"));
    REQUIRE(client.ok());
    auto s = punctum::test::make_session(*client, today);
    s.cartridge = "36-pin nano";
    s.products = {{"Hyaluronic serum", "HA-2291"}, {"Numbing cream", ""}};
    s.add_ons = {{core::AddOn::prp, "10 ml draw"}, {core::AddOn::rf, ""}};
    s.immediate_response = "Even pink erythema, pinpoint bleeding on the forehead.";
    s.aftercare_given = "Printed aftercare sheet; SPF 50 from day 2.";
    auto id = punctum::test::add_session(*f.vault, s);
    REQUIRE(id.ok());
    auto& v = f.reopen();
    auto got = v.sessions().get(*id);
    REQUIRE(got.ok());
    CHECK(got->cartridge == s.cartridge);
    CHECK(got->products == s.products);
    CHECK(got->add_ons.size() == 2);
    CHECK(got->add_ons[0] == s.add_ons[0]);
    CHECK(got->add_ons[1] == s.add_ons[1]);
    CHECK(got->immediate_response == s.immediate_response);
    CHECK(got->aftercare_given == s.aftercare_given);

    auto twice = s;
    twice.add_ons = {{core::AddOn::rf, ""}, {core::AddOn::rf, "again"}};
    auto refused = punctum::test::add_session(v, twice);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::invalid_input);
    CHECK_THAT(refused.error().message, Catch::Contains("twice"));
}

TEST_CASE("storage: a vault on an older shipped profile moves on to this build's at open, a "
          "clinic's own profile stays",
          "[storage][norms]") {
    VaultFixture f;
    // As a vault made by the previous release would be: the shipped profile, older version.
    auto older = nlohmann::json::parse(core::default_norms_json());
    older["version"] = "2026.1";
    REQUIRE(f.vault->norms().adopt(older.dump()).ok());
    REQUIRE(f.vault->norms().active()->version == "2026.1");
    const auto events = f.stats().audit_events;

    auto& v = f.reopen();
    CHECK(v.norms().active()->id == core::default_norms_profile().id);
    CHECK(v.norms().active()->version == core::default_norms_profile().version);
    CHECK(f.stats().audit_events == events + 1); // the move is audited
    // Once on it, reopening writes nothing.
    f.reopen();
    CHECK(f.stats().audit_events == events + 1);

    // A clinic's own profile is theirs: never replaced.
    REQUIRE(f.vault->norms().adopt(clinic_profile("2026.1")).ok());
    auto& again = f.reopen();
    CHECK(again.norms().active()->id == "clinic-example");
}
