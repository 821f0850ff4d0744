// Flags through the vault: raised by the norms engine when an entry is added (the same flags
// core::assess gives), traced to the profile row in force, and moved through their life by
// the people allowed to, each step attributed and audited.

#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::storage::FlagState;
using punctum::storage::StorageErrc;
using punctum::test::sign_in_as_new;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

struct Clinic {
    core::ClientId client;
    core::SessionId session;
};

Clinic treated(VaultFixture& f, const std::string& name, std::optional<int> fitzpatrick = {}) {
    auto c = punctum::test::make_client(name);
    c.fitzpatrick = fitzpatrick;
    auto client = f.vault->clients().add(c);
    REQUIRE(client.ok());
    auto session =
        punctum::test::add_session(*f.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(session.ok());
    return {*client, *session};
}

core::EntryId log(VaultFixture& f, core::SessionId session, int on_day,
                  std::initializer_list<std::pair<Symptom, int>> scores) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = day(on_day);
    f.live_on(e.observed_on);
    for (const auto& [symptom, value] : scores) {
        e.set(symptom, value);
    }
    auto id = f.vault->sessions().add_entry(e);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());
    return *id;
}

std::vector<storage::StoredFlag> flags_of(VaultFixture& f, core::SessionId session) {
    auto flags = f.vault->flags().of_session(session);
    REQUIRE(flags.ok());
    return *flags;
}

} // namespace

TEST_CASE("storage: adding entries raises the flags the norms engine gives, with their norm",
          "[storage][flags]") {
    VaultFixture f;
    const auto c = treated(f, "Flagged Client", 5);
    log(f, c.session, 1, {{Symptom::erythema, 3}, {Symptom::edema, 2}});
    CHECK(flags_of(f, c.session).empty()); // day 1 redness after 1.5 mm is the usual course
    const auto day3 =
        log(f, c.session, 3, {{Symptom::erythema, 3}, {Symptom::pus, 1}, {Symptom::warmth, 1}});
    log(f, c.session, 12, {{Symptom::erythema, 2}, {Symptom::hyperpigmentation, 1}});

    // What core says for the same entries, from scratch.
    auto entries = f.vault->sessions().entries(c.session);
    REQUIRE(entries.ok());
    std::vector<core::DayEntry> days;
    for (const auto& e : *entries) {
        days.push_back(core::day_entry(e, treated_on));
    }
    auto session = f.vault->sessions().get(c.session);
    REQUIRE(session.ok());
    const auto expected =
        core::assess(days, core::session_facts(*session, 5), core::default_norms_profile());
    REQUIRE(expected.size() >= 3);

    const auto stored = flags_of(f, c.session);
    REQUIRE(stored.size() == expected.size());
    // Stored flags come back in core's order (by day, then as the rules raised them).
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i, expected[i].rule_id, expected[i].symptom, expected[i].day);
        CHECK(stored[i].flag.rule_id == expected[i].rule_id);
        CHECK(stored[i].flag.severity == expected[i].severity);
        CHECK(stored[i].flag.symptom == expected[i].symptom);
        CHECK(stored[i].flag.day == expected[i].day);
        CHECK(stored[i].flag.message == expected[i].message);
        CHECK(stored[i].flag.source == expected[i].source);
        CHECK(stored[i].flag.profile_id == core::default_norms_profile().id);
        CHECK(stored[i].flag.profile_version == core::default_norms_profile().version);
        CHECK(stored[i].state == FlagState::open);
        CHECK(stored[i].client_name == "Flagged Client");
        CHECK(stored[i].treated_on == treated_on);
    }
    // Pus with warmth on day 3 is an urgent infection flag, raised by the day-3 entry.
    const auto infection = std::find_if(stored.begin(), stored.end(), [](const auto& s) {
        return s.flag.rule_id == core::rules::infection_signs;
    });
    REQUIRE(infection != stored.end());
    CHECK(infection->flag.severity == core::Severity::urgent);
    CHECK(infection->flag.day == 3);
    CHECK(infection->entry_id == day3);
    CHECK_FALSE(infection->flag.source.empty());

    // Stored whole: reopening shows the same flags, and the audit chain holds.
    auto& v = f.reopen();
    CHECK(v.flags().of_session(c.session)->size() == stored.size());
    CHECK(f.stats().flags == static_cast<std::int64_t>(stored.size()));
    CHECK(f.stats().open_flags == static_cast<std::int64_t>(stored.size()));
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK(check->ok());
}

TEST_CASE("storage: a flag goes open -> acknowledged -> resolved, or dismissed with a reason",
          "[storage][flags]") {
    VaultFixture f;
    const auto c = treated(f, "Lifecycle");
    log(f, c.session, 2, {{Symptom::blisters, 1}});
    log(f, c.session, 3, {{Symptom::fever, 1}});
    auto flags = flags_of(f, c.session);
    REQUIRE(flags.size() >= 2);
    const auto first = flags[0].id;
    const auto second = flags[1].id;
    const auto events_before = f.stats().audit_events;
    const auto start = f.clock.now(); // the day of the last entry (logged on its day)

    f.clock.advance(std::chrono::minutes{10});
    REQUIRE(f.vault->flags().acknowledge(first).ok());
    f.clock.advance(std::chrono::minutes{10});
    REQUIRE(f.vault->flags().resolve(first, "Seen in clinic; antiviral started.").ok());

    auto resolved = f.vault->flags().get(first);
    REQUIRE(resolved.ok());
    CHECK(resolved->state == FlagState::resolved);
    CHECK(resolved->changed_by == "Test account");
    CHECK(resolved->reason == "Seen in clinic; antiviral started.");
    REQUIRE(resolved->changed_at.has_value());
    CHECK(*resolved->changed_at == start + std::chrono::minutes{20});

    auto history = f.vault->flags().history(first);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3);
    CHECK((*history)[0].state == FlagState::open);
    CHECK((*history)[1].state == FlagState::acknowledged);
    CHECK((*history)[2].state == FlagState::resolved);
    CHECK((*history)[2].account == "Test account");

    // A dismissal needs a reason; a settled flag cannot move again.
    auto no_reason = f.vault->flags().dismiss(second, "   ");
    REQUIRE_FALSE(no_reason.ok());
    CHECK(no_reason.error().code == StorageErrc::invalid_input);
    CHECK(f.vault->flags().get(second)->state == FlagState::open);
    REQUIRE(f.vault->flags().dismiss(second, "Fever was from a cold, not the skin.").ok());
    CHECK(f.vault->flags().get(second)->reason == "Fever was from a cold, not the skin.");
    auto again = f.vault->flags().acknowledge(first);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == StorageErrc::invalid_input);
    CHECK_THAT(again.error().message, Catch::Contains("already resolved"));
    auto missing = f.vault->flags().resolve(987654);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == StorageErrc::not_found);

    // Three moves, three audit events; the chain verifies.
    CHECK(f.stats().audit_events == events_before + 3);
    CHECK(f.stats().open_flags == static_cast<std::int64_t>(flags.size()) - 2);
    auto check = f.vault->check();
    REQUIRE(check.ok());
    CHECK(check->ok());
}

TEST_CASE("storage: who may move a flag is decided in storage", "[storage][flags][roles]") {
    VaultFixture f;
    const auto c = treated(f, "Roles");
    log(f, c.session, 2, {{Symptom::pus, 1}});
    const auto flag = flags_of(f, c.session).at(0).id;

    sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    auto dismissed = f.vault->flags().dismiss(flag, "Looks fine to me.");
    REQUIRE_FALSE(dismissed.ok());
    CHECK(dismissed.error().code == StorageErrc::forbidden);
    auto resolved = f.vault->flags().resolve(flag);
    REQUIRE_FALSE(resolved.ok());
    CHECK(resolved.error().code == StorageErrc::forbidden);
    CHECK(f.vault->flags().get(flag)->state == FlagState::open);
    REQUIRE(f.vault->flags().acknowledge(flag).ok()); // seeing it is annotation
    CHECK(f.vault->flags().get(flag)->changed_by == "rita.reviewer");

    f.reopen();
    sign_in_as_new(f, "pat.practitioner", core::Role::practitioner);
    REQUIRE(f.vault->flags().resolve(flag, "Drained and dressed.").ok());
}

TEST_CASE("storage: a patient's check-in raises flags in a personal vault, which the patient "
          "can acknowledge but not settle",
          "[storage][flags][roles]") {
    VaultFixture f(storage::VaultKind::personal);
    const auto c = treated(f, "Me");
    log(f, c.session, 2, {{Symptom::blisters, 1}});
    const auto flags = flags_of(f, c.session);
    const auto blisters = std::find_if(flags.begin(), flags.end(), [](const auto& s) {
        return s.flag.rule_id == core::rules::blisters;
    });
    REQUIRE(blisters != flags.end());
    CHECK(blisters->flag.severity == core::Severity::urgent);
    auto dismissed = f.vault->flags().dismiss(blisters->id, "It is only a spot.");
    REQUIRE_FALSE(dismissed.ok());
    CHECK(dismissed.error().code == StorageErrc::forbidden);
    REQUIRE(f.vault->flags().acknowledge(blisters->id).ok());
    CHECK(f.vault->flags().get(blisters->id)->state == FlagState::acknowledged);
}

TEST_CASE("storage: the needs-attention queue puts the most urgent first across clients",
          "[storage][flags]") {
    VaultFixture f;
    const auto a = treated(f, "Alpha");
    const auto b = treated(f, "Bravo");
    log(f, a.session, 1, {{Symptom::erythema, 1}});
    log(f, a.session, 5, {{Symptom::erythema, 1}}); // a logging gap: info
    f.clock.advance(std::chrono::minutes{1});
    log(f, b.session, 2, {{Symptom::pus, 1}}); // urgent, raised later
    auto queue = f.vault->flags().needing_attention();
    REQUIRE(queue.ok());
    REQUIRE(queue->size() >= 2);
    CHECK(queue->front().client_name == "Bravo");
    CHECK(queue->front().flag.severity == core::Severity::urgent);
    CHECK(queue->back().flag.severity == core::Severity::info);
    for (std::size_t i = 1; i < queue->size(); ++i) {
        CHECK((*queue)[i - 1].flag.severity >= (*queue)[i].flag.severity);
    }
    CHECK(*f.vault->flags().count_needing_attention() == static_cast<std::int64_t>(queue->size()));

    // Settled flags leave the queue.
    REQUIRE(f.vault->flags().resolve(queue->front().id).ok());
    CHECK(*f.vault->flags().count_needing_attention() ==
          static_cast<std::int64_t>(queue->size()) - 1);
}

TEST_CASE("storage: a late entry that fills a logging gap settles the gap's flag",
          "[storage][flags]") {
    VaultFixture f;
    const auto c = treated(f, "Late Logger");
    log(f, c.session, 1, {{Symptom::erythema, 2}});
    log(f, c.session, 4, {{Symptom::erythema, 1}});
    auto before = flags_of(f, c.session);
    REQUIRE(before.size() == 1);
    CHECK(before[0].flag.rule_id == core::rules::logging_gap);
    CHECK(before[0].flag.day == 2);

    log(f, c.session, 2, {{Symptom::erythema, 2}}); // entered late, for day 2
    log(f, c.session, 3, {{Symptom::erythema, 1}});
    const auto after = flags_of(f, c.session);
    const auto gap = std::find_if(after.begin(), after.end(),
                                  [&](const auto& s) { return s.id == before[0].id; });
    REQUIRE(gap != after.end());
    CHECK(gap->state == FlagState::resolved);
    CHECK_THAT(gap->reason, Catch::Contains("No longer raised"));
    for (const auto& s : after) {
        if (s.id != before[0].id) {
            CHECK(s.state == FlagState::resolved); // the day-3 gap, raised then filled
        }
    }
    CHECK(*f.vault->flags().count_needing_attention() == 0);
}
