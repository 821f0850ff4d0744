// What a reviewer reads: the audit trail (filtered, paged, its chain verified) and the
// sessions with their flags and how each recovery went; and the long work behind them
// (re-evaluating every session, backups, verifying), which reports progress and stops
// when asked without leaving anything half-done.

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/storage/demo_writer.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::storage::StorageErrc;
using punctum::test::sign_in_as_new;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

core::SessionId treat(VaultFixture& f, const std::string& name, core::Date on = treated_on) {
    auto client = f.vault->clients().add(punctum::test::make_client(name));
    REQUIRE(client.ok());
    auto session = punctum::test::add_session(*f.vault, punctum::test::make_session(*client, on));
    REQUIRE(session.ok());
    return *session;
}

void log(VaultFixture& f, core::SessionId session, int on_day,
         std::initializer_list<std::pair<Symptom, int>> scores) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = core::Date{std::chrono::sys_days(f.vault->sessions().get(session)->treated_on) +
                               std::chrono::days{on_day}};
    f.live_on(e.observed_on);
    for (const auto& [symptom, value] : scores) {
        e.set(symptom, value);
    }
    auto id = f.vault->sessions().add_entry(e);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());
}

std::vector<storage::AuditEvent> events(VaultFixture& f, const storage::AuditFilter& filter,
                                        int limit = 1000) {
    auto out = f.vault->audit().events(filter, limit, 0);
    INFO((out ? std::string("read") : out.error().message));
    REQUIRE(out.ok());
    auto n = f.vault->audit().count(filter);
    REQUIRE(n.ok());
    CHECK(*n == static_cast<std::int64_t>(out->size())); // the count matches what is listed
    return *out;
}

storage::SessionReview review_of(VaultFixture& f, core::SessionId id) {
    auto all = f.vault->reviews().sessions({}, 1000, 0);
    REQUIRE(all.ok());
    const auto it =
        std::find_if(all->begin(), all->end(), [&](const auto& r) { return r.session_id == id; });
    REQUIRE(it != all->end());
    return *it;
}

// Filters built field by field (designated initialisers trip GCC 12's
// -Wmissing-field-initializers, an error in CI).
struct Audit {
    storage::AuditFilter filter;
    Audit& account(std::string name) {
        filter.account = std::move(name);
        return *this;
    }
    Audit& action(std::string name) {
        filter.action = std::move(name);
        return *this;
    }
    Audit& client(core::ClientId id) {
        filter.client = id;
        return *this;
    }
    Audit& from(core::Date d) {
        filter.from = d;
        return *this;
    }
    Audit& to(core::Date d) {
        filter.to = d;
        return *this;
    }
    operator const storage::AuditFilter&() const { return filter; } // NOLINT: a builder
};

struct Review {
    storage::ReviewFilter filter;
    Review& client(core::ClientId id) {
        filter.client = id;
        return *this;
    }
    Review& from(core::Date d) {
        filter.from = d;
        return *this;
    }
    Review& to(core::Date d) {
        filter.to = d;
        return *this;
    }
    Review& with_flags() {
        filter.with_flags_only = true;
        return *this;
    }
    Review& open_flags() {
        filter.open_flags_only = true;
        return *this;
    }
    operator const storage::ReviewFilter&() const { return filter; } // NOLINT: a builder
};

} // namespace

TEST_CASE("storage: the audit trail reads newest first, filtered by account, action, client "
          "and day",
          "[storage][audit]") {
    VaultFixture f;
    const auto ada = treat(f, "Ada Lovelace");
    log(f, ada, 1, {{Symptom::erythema, 2}});
    const auto grace = treat(f, "Grace Hopper");
    log(f, grace, 1, {{Symptom::pus, 1}}); // urgent: raises a flag
    REQUIRE(f.vault->accounts()
                .add("rita", "Rita Reviewer", core::Role::reviewer,
                     storage::SecureBytes::from(punctum::test::staff_passphrase),
                     storage::KdfParams::minimum_for_tests())
                .ok());
    sign_in_as_new(f, "pia", core::Role::practitioner);
    log(f, grace, 2, {{Symptom::erythema, 1}});
    f.vault.reset();
    f.vault = std::move(f.open("rita", punctum::test::staff_passphrase).value());
    // The reviewer has seen the urgent flag: a second event of the flag family.
    const auto grace_flags = f.vault->flags().of_session(grace);
    REQUIRE((grace_flags.ok() && !grace_flags->empty()));
    REQUIRE(f.vault->flags().acknowledge(grace_flags->front().id).ok());

    // Everything: newest first, seq strictly falling, each with its account.
    const auto all = events(f, {});
    REQUIRE(all.size() >= 12);
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const auto& a, const auto& b) { return a.seq > b.seq; }));
    CHECK(all.back().seq == 1);
    // A new vault's first event registers its creator's signing key, then it is created.
    CHECK(all.back().action == "account.signing_key");
    CHECK(all[all.size() - 2].action == "vault.create");
    CHECK(all.back().account == "admin");

    // By action family and exact action.
    for (const auto& e : events(f, Audit().action("client"))) {
        CHECK(e.action == "client.add");
    }
    CHECK(events(f, Audit().action("client")).size() == 2);
    CHECK(events(f, Audit().action("entry.add")).size() == 3);
    CHECK(events(f, Audit().action("entry")).size() == 3);
    CHECK(events(f, Audit().action("entr")).empty()); // a family is a whole word, not a prefix
    // A family of several actions, merged newest first, paged like any other list.
    const auto flag_events = events(f, Audit().action("flag"));
    REQUIRE(flag_events.size() >= 2);
    for (const auto& e : flag_events) {
        CHECK(e.action.starts_with("flag."));
    }
    CHECK(std::is_sorted(flag_events.begin(), flag_events.end(),
                         [](const auto& a, const auto& b) { return a.seq > b.seq; }));
    auto second_flag = f.vault->audit().events(Audit().action("flag"), 1, 1);
    REQUIRE(second_flag.ok());
    REQUIRE(second_flag->size() == 1);
    CHECK(second_flag->front().seq == flag_events.at(1).seq);

    // By account: pia added one entry and nothing else clinical.
    const auto by_pia = events(f, Audit().account("pia"));
    REQUIRE_FALSE(by_pia.empty());
    for (const auto& e : by_pia) {
        CHECK(e.account == "pia");
        CHECK(e.account_display_name == "pia");
    }
    CHECK(std::count_if(by_pia.begin(), by_pia.end(),
                        [](const auto& e) { return e.action == "entry.add"; }) == 1);

    // By client: Grace's client, screening, session, entries and flags, named; none of Ada's.
    const auto grace_client = f.vault->sessions().get(grace)->client_id;
    const auto of_grace = events(f, Audit().client(grace_client));
    std::set<std::string> kinds;
    for (const auto& e : of_grace) {
        CHECK(e.client_id == grace_client);
        CHECK(e.client_name == "Grace Hopper");
        kinds.insert(e.object.substr(0, e.object.find(':')));
    }
    CHECK(kinds == std::set<std::string>{"client", "entry", "flag", "screening", "session"});
    // And the unfiltered list names the client of each clinical event too.
    for (const auto& e : all) {
        if (e.object.starts_with("entry:") || e.object.starts_with("session:")) {
            CHECK((e.client_name == "Ada Lovelace" || e.client_name == "Grace Hopper"));
        }
        if (e.object.starts_with("vault:") || e.object.starts_with("account:")) {
            CHECK_FALSE(e.client_id.valid());
        }
    }

    // By day: the fixed clock writes every event on 2026-03-03.
    const core::Date that_day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{3}};
    const core::Date next_day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{4}};
    CHECK(events(f, Audit().from(that_day).to(that_day)).size() == all.size());
    CHECK(events(f, Audit().from(next_day)).empty());
    CHECK(events(f, Audit().to(day(1))).empty());

    // Filters combine.
    CHECK(events(f, Audit().account("pia").action("entry").client(grace_client)).size() == 1);

    // Pages do not overlap and cover everything.
    auto first = f.vault->audit().events({}, 5, 0);
    auto second = f.vault->audit().events({}, 5, 5);
    REQUIRE((first.ok() && second.ok()));
    REQUIRE(first->size() == 5);
    CHECK(second->front().seq == first->back().seq - 1);
}

TEST_CASE("storage: only admins, reviewers and a patient in their own vault read the audit "
          "trail",
          "[storage][audit]") {
    VaultFixture f;
    sign_in_as_new(f, "pia", core::Role::practitioner);
    auto refused = f.vault->audit().events({}, 10, 0);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::forbidden);
    CHECK(f.vault->audit().verify().error().code == StorageErrc::forbidden);

    VaultFixture personal(storage::VaultKind::personal);
    CHECK(personal.vault->audit().events({}, 10, 0).ok());
}

TEST_CASE("storage: every action a vault records is among the known actions", "[storage][audit]") {
    VaultFixture f;
    const auto session = treat(f, "Ada Lovelace");
    const auto client = f.vault->sessions().get(session)->client_id;
    log(f, session, 1, {{Symptom::pus, 1}});
    REQUIRE(f.vault->clients().set_consent(client, core::PhotoUse::publication, false).ok());
    auto flags = f.vault->flags().of_session(session);
    REQUIRE((flags.ok() && flags->size() >= 1));
    REQUIRE(f.vault->flags().acknowledge(flags->front().id).ok());
    REQUIRE(f.vault->flags().dismiss(flags->front().id, "seen in clinic, settled").ok());
    REQUIRE(f.vault->set_setting("auto_lock_minutes", "10").ok());
    REQUIRE(f.vault->backup_to(f.tmp.path() / "one.backup").ok());
    REQUIRE(f.vault->sessions().add_review_note(session, "reviewed").ok());

    const auto known = storage::AuditStore::known_actions();
    std::set<std::string> seen;
    for (const auto& e : events(f, {})) {
        seen.insert(e.action);
        INFO(e.action);
        CHECK(std::find(known.begin(), known.end(), e.action) != known.end());
    }
    CHECK(seen.size() >= 10);
}

TEST_CASE("storage: verifying the audit trail reports progress, and stops when asked",
          "[storage][audit]") {
    VaultFixture f;
    const auto session = treat(f, "Ada Lovelace");
    // More events than one progress step (4096), so the callback runs mid-chain.
    REQUIRE(f.vault
                ->batch([&]() -> storage::StorageResult<void> {
                    for (int i = 0; i < 4200; ++i) {
                        if (auto r = f.vault->sessions().add_review_note(
                                session, "note " + std::to_string(i));
                            !r) {
                            return r.failure();
                        }
                    }
                    return {};
                })
                .ok());
    std::vector<std::int64_t> seen;
    auto report = f.vault->audit().verify([&](std::int64_t done, std::int64_t total) {
        CHECK(total == f.stats().audit_events);
        seen.push_back(done);
        return true;
    });
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == f.stats().audit_events);
    REQUIRE(seen.size() >= 2);
    CHECK(seen.back() == report->events);

    auto stopped = f.vault->audit().verify([](std::int64_t, std::int64_t) { return false; });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == StorageErrc::cancelled);
    CHECK_THAT(stopped.error().message, Catch::Contains("Stopped verifying"));
}

TEST_CASE("storage: the review list says how each recovery went against its expected course",
          "[storage][review]") {
    VaultFixture f;
    const auto none = treat(f, "No Checkins", day(0));
    const auto calm = treat(f, "Calm Recovery", day(1));
    log(f, calm, 1, {{Symptom::erythema, 2}}); // the usual day-1 redness
    const auto long_red = treat(f, "Long Redness", day(2));
    log(f, long_red, 8, {{Symptom::erythema, 2}}); // redness past day 7: watch
    const auto infected = treat(f, "Infection Signs", day(3));
    log(f, infected, 3, {{Symptom::pus, 1}, {Symptom::erythema, 3}}); // urgent

    CHECK(review_of(f, none).outcome == punctum::core::RecoveryOutcome::no_check_ins);
    CHECK(review_of(f, none).entries == 0);
    CHECK_FALSE(review_of(f, none).last_day_logged);

    const auto c = review_of(f, calm);
    CHECK(c.outcome == punctum::core::RecoveryOutcome::within_course);
    CHECK(c.entries == 1);
    CHECK(c.last_day_logged == 1);
    CHECK(c.urgent + c.watch == 0);

    const auto l = review_of(f, long_red);
    CHECK(l.outcome == punctum::core::RecoveryOutcome::beyond_course);
    CHECK(l.watch >= 1);
    CHECK(l.last_day_logged == 8);
    CHECK(l.client_name == "Long Redness");
    CHECK(l.device == "Dermapen 4");

    auto i = review_of(f, infected);
    CHECK(i.outcome == punctum::core::RecoveryOutcome::urgent);
    CHECK(i.urgent >= 1);
    CHECK(i.open == i.urgent + i.watch + i.info);
    CHECK(i.closed == 0);

    // Settling flags moves them from open to closed; the outcome still says what happened.
    auto flags = f.vault->flags().of_session(infected);
    REQUIRE(flags.ok());
    for (const auto& flag : *flags) {
        REQUIRE(f.vault->flags().dismiss(flag.id, "treated with antibiotics; settled").ok());
    }
    i = review_of(f, infected);
    CHECK(i.open == 0);
    CHECK(i.closed == static_cast<int>(flags->size()));
    CHECK(i.outcome == punctum::core::RecoveryOutcome::urgent);

    // Newest treatment first.
    auto all = f.vault->reviews().sessions({}, 10, 0);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 4);
    CHECK(all->front().session_id == infected);
    CHECK(all->back().session_id == none);

    // Filters.
    auto count = [&](const storage::ReviewFilter& filter) {
        auto rows = f.vault->reviews().sessions(filter, 100, 0);
        REQUIRE(rows.ok());
        auto n = f.vault->reviews().count(filter);
        REQUIRE(n.ok());
        CHECK(*n == static_cast<std::int64_t>(rows->size()));
        return rows->size();
    };
    CHECK(count(Review().with_flags()) == 2);
    CHECK(count(Review().open_flags()) == 1); // the long redness; infection settled
    CHECK(count(Review().from(day(1)).to(day(2))) == 2);
    CHECK(count(Review().client(f.vault->sessions().get(calm)->client_id)) == 1);

    // The client page's chips: worst open severity per session, one query.
    const auto worst =
        f.vault->reviews().worst_open_severity(f.vault->sessions().get(long_red)->client_id);
    REQUIRE(worst.ok());
    REQUIRE(worst->size() == 1);
    CHECK(worst->front().first == long_red);
    CHECK(worst->front().second == core::Severity::watch);
}

TEST_CASE("storage: re-evaluating every session applies a newly adopted profile, and stops "
          "between batches when asked",
          "[storage][flags]") {
    VaultFixture f;
    // Day-4 redness after 1.5 mm is within the default profile (resolves by day 5)...
    std::vector<core::SessionId> sessions;
    for (int n = 0; n < 260; ++n) {
        sessions.push_back(treat(f, "Client " + std::to_string(n)));
    }
    log(f, sessions.front(), 4, {{Symptom::erythema, 1}});
    log(f, sessions.back(), 4, {{Symptom::erythema, 1}});
    auto redness_flags = [&](core::SessionId s) {
        auto flags = f.vault->flags().of_session(s);
        REQUIRE(flags.ok());
        return std::count_if(flags->begin(), flags->end(), [](const auto& fl) {
            return fl.flag.symptom == "erythema" && fl.flag.severity != core::Severity::info;
        });
    };
    REQUIRE(redness_flags(sessions.front()) == 0);

    // ...but not within SkinPen's 72 hours, which a clinic may adopt.
    auto strict = nlohmann::json::parse(core::default_norms_json());
    strict["id"] = "clinic-skinpen-72h";
    strict["version"] = "1";
    for (auto& band : strict["recovery"]["redness_bands"]) {
        band["resolve_by_day"] = 3;
        band["source"] = "skinpen";
    }
    REQUIRE(f.vault->norms().adopt(strict.dump()).ok());

    // Asked to stop after the first batch: that batch is done, the rest untouched.
    std::vector<std::int64_t> seen;
    auto stopped = f.vault->flags().reassess_all([&](std::int64_t done, std::int64_t total) {
        CHECK(total == 260);
        seen.push_back(done);
        return done == 0;
    });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == StorageErrc::cancelled);
    CHECK_THAT(stopped.error().message, Catch::Contains("250 of 260"));
    CHECK(seen == std::vector<std::int64_t>{0, 250});
    CHECK(redness_flags(sessions.front()) == 1);
    CHECK(redness_flags(sessions.back()) == 0);

    // Run to the end: the rest are done, and nothing is raised twice.
    auto done = f.vault->flags().reassess_all();
    REQUIRE(done.ok());
    CHECK(done->sessions == 260);
    CHECK(done->raised == 1); // only the last session's flag was still missing
    CHECK(redness_flags(sessions.back()) == 1);
    CHECK(redness_flags(sessions.front()) == 1);

    // A reviewer may not.
    sign_in_as_new(f, "rita", core::Role::reviewer);
    CHECK(f.vault->flags().reassess_all().error().code == StorageErrc::forbidden);
}

TEST_CASE("storage: a backup reports its progress, and a cancelled one leaves no file",
          "[storage][backup]") {
    VaultFixture f;
    const auto session = treat(f, "Ada Lovelace");
    REQUIRE(f.vault
                ->batch([&]() -> storage::StorageResult<void> {
                    for (int i = 0; i < 3000; ++i) {
                        if (auto r = f.vault->sessions().add_review_note(
                                session, std::string(200, 'x') + std::to_string(i));
                            !r) {
                            return r.failure();
                        }
                    }
                    return {};
                })
                .ok());
    const auto file = f.tmp.path() / "progress.backup";
    std::vector<std::pair<std::int64_t, std::int64_t>> seen;
    REQUIRE(f.vault
                ->backup_to(file,
                            [&](std::int64_t done, std::int64_t total) {
                                seen.emplace_back(done, total);
                                return true;
                            })
                .ok());
    CHECK(std::filesystem::exists(file));
    REQUIRE(seen.size() >= 2);
    CHECK(seen.back().first == seen.back().second); // ends at 100 %
    CHECK(std::is_sorted(seen.begin(), seen.end()));

    const auto cancelled_file = f.tmp.path() / "cancelled.backup";
    auto stopped =
        f.vault->backup_to(cancelled_file, [](std::int64_t, std::int64_t) { return false; });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == StorageErrc::cancelled);
    CHECK_FALSE(std::filesystem::exists(cancelled_file));
    CHECK_FALSE(std::filesystem::exists(cancelled_file.string() + ".db.tmp"));
    CHECK_FALSE(std::filesystem::exists(cancelled_file.string() + ".tmp"));
    // The vault goes on working.
    CHECK(f.vault->sessions().add_review_note(session, "after").ok());
}

TEST_CASE("storage: a personal vault holds its patient's own record from the start",
          "[storage][vault]") {
    VaultFixture f(storage::VaultKind::personal);
    auto clients = f.vault->clients().list("", 0, 10);
    REQUIRE(clients.ok());
    REQUIRE(clients->size() == 1);
    CHECK(clients->front().display_name == "Test account");
    CHECK(events(f, Audit().action("client.add")).size() == 1);

    VaultFixture clinic;
    CHECK(clinic.vault->clients().count("").value() == 0);
}

TEST_CASE("storage: demo data in a personal vault joins the patient's own record",
          "[storage][vault]") {
    VaultFixture f(storage::VaultKind::personal);
    const auto own = f.vault->clients().own();
    REQUIRE(own.ok());
    const auto today = core::date_of(f.clock.now());
    auto added = storage::add_demo_client(*f.vault, core::demo_client(1, 0, today, 2));
    REQUIRE(added.ok());
    CHECK(*added == *own);
    CHECK(f.vault->clients().count("").value() == 1);
    CHECK(f.vault->sessions().of_client(*own)->size() == 2);

    VaultFixture clinic;
    CHECK(clinic.vault->clients().own().error().code == StorageErrc::not_found);
}
