// Sign-off (issue 14 item 3): a reviewer marks a session reviewed or returns it to its
// practitioner with a finding; the practitioner sees it in Needs attention until they mark it
// addressed; storage refuses anyone else, and every step is in the audit chain. And the list
// of incomplete records, one rule at a time.

#include "punctum/storage/review_store.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::MissingItem;
using punctum::storage::SignOffState;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

/// Closes the vault and opens it as `name` (an account made with the staff passphrase).
void open_as(VaultFixture& f, const std::string& name) {
    f.vault.reset();
    auto opened = f.open(name, punctum::test::staff_passphrase);
    INFO((opened ? std::string("opened") : opened.error().message));
    REQUIRE(opened.ok());
    f.vault = std::move(opened.value());
}

void add_account(VaultFixture& f, const std::string& name, core::Role role) {
    auto added =
        f.vault->accounts().add(name, name + " (display)", role,
                                storage::SecureBytes::from(punctum::test::staff_passphrase),
                                storage::KdfParams::minimum_for_tests());
    INFO((added ? std::string("added") : added.error().message));
    REQUIRE(added.ok());
}

/// A session with everything a reviewer expects: indication, cartridge lot, a procedure
/// product with its lot (sunscreen sent home has none, which is allowed).
core::TreatmentSession complete_session(core::ClientId client, core::Date on) {
    auto s = punctum::test::make_session(client, on);
    s.indication = core::Indication::fine_lines;
    s.cartridge = "12-pin nano";
    s.cartridge_lot = "C24017";
    s.products.push_back({"hyaluronic acid serum", "HA120", core::ProductPhase::procedure});
    s.products.push_back({"mineral sunscreen SPF 50", "", core::ProductPhase::aftercare});
    return s;
}

core::SessionId treat(VaultFixture& f, const std::string& client_name,
                      core::TreatmentSession (*make)(core::ClientId, core::Date), core::Date on,
                      bool consent = true) {
    auto client = f.vault->clients().add(punctum::test::make_client(client_name));
    REQUIRE(client.ok());
    if (consent) {
        REQUIRE(
            f.vault->clients().set_consent(*client, core::PhotoUse::medical_record, false).ok());
    }
    auto session = punctum::test::add_session(*f.vault, make(*client, on));
    INFO((session ? std::string("added") : session.error().message));
    REQUIRE(session.ok());
    return *session;
}

void log_on(VaultFixture& f, core::SessionId session, int on_day) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = day(on_day);
    f.live_on(e.observed_on);
    e.set(core::Symptom::erythema, 1);
    auto added = f.vault->sessions().add_entry(e);
    INFO((added ? std::string("added") : added.error().message));
    REQUIRE(added.ok());
}

/// A clinic with a reviewer "rev" and a practitioner "pat" who treated one session; the
/// vault is left open as "pat".
core::SessionId clinic_with_pats_session(VaultFixture& f) {
    add_account(f, "rev", core::Role::reviewer);
    add_account(f, "pat", core::Role::practitioner);
    open_as(f, "pat");
    return treat(f, "Returned Client", complete_session, treated_on);
}

std::vector<std::string> review_actions(VaultFixture& f) {
    storage::AuditFilter filter;
    filter.action = "review";
    auto events = f.vault->audit().events(filter, 100, 0);
    REQUIRE(events.ok());
    std::vector<std::string> out;
    for (const auto& e : *events) {
        out.push_back(e.action + " by " + e.account + " on " + e.object);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("storage: a returned session shows in its practitioner's Needs attention until they "
          "mark it addressed, then a reviewer signs it off",
          "[storage][signoff]") {
    VaultFixture f;
    const auto session = clinic_with_pats_session(f);
    const std::string object = "session:" + std::to_string(session.value);

    open_as(f, "rev");
    auto none = f.vault->reviews().current_sign_off(session);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    REQUIRE(
        f.vault->reviews().return_to_practitioner(session, "  Add the aftercare given.\n").ok());

    open_as(f, "pat");
    auto returned = f.vault->reviews().returned_to_me();
    REQUIRE(returned.ok());
    REQUIRE(returned->size() == 1);
    CHECK(returned->front().session_id == session);
    CHECK(returned->front().client_name == "Returned Client");
    CHECK(returned->front().finding == "Add the aftercare given."); // trimmed
    CHECK(returned->front().returned_by == "rev (display)");
    CHECK(returned->front().treated_on == treated_on);
    REQUIRE(f.vault->reviews().mark_addressed(session, "Added to the notes.").ok());
    returned = f.vault->reviews().returned_to_me();
    REQUIRE(returned.ok());
    CHECK(returned->empty());

    open_as(f, "rev");
    auto waiting = f.vault->reviews().current_sign_off(session);
    REQUIRE(waiting.ok());
    REQUIRE(waiting->has_value());
    CHECK((*waiting)->state == SignOffState::addressed);
    REQUIRE(f.vault->reviews().sign_off(session, "Record complete, within the usual course.").ok());

    auto current = f.vault->reviews().current_sign_off(session);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK((*current)->state == SignOffState::reviewed);
    CHECK((*current)->note == "Record complete, within the usual course.");
    CHECK((*current)->by == "rev (display)");

    auto history = f.vault->reviews().sign_off_history(session);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3); // a later step supersedes; the earlier ones stay
    CHECK(history->at(0).state == SignOffState::returned);
    CHECK(history->at(1).state == SignOffState::addressed);
    CHECK(history->at(1).note == "Added to the notes.");
    CHECK(history->at(2).state == SignOffState::reviewed);

    auto listed = f.vault->reviews().sessions({}, 10, 0);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().sign_off == SignOffState::reviewed);

    CHECK(review_actions(f) == std::vector<std::string>{"review.addressed by pat on " + object,
                                                        "review.return by rev on " + object,
                                                        "review.signoff by rev on " + object});
    auto verified = f.vault->audit().verify();
    REQUIRE(verified.ok());
    CHECK(verified->ok);
}

TEST_CASE("storage: sign-off is refused to practitioners, to whoever treated the session, and "
          "without a comment, and a refusal writes nothing",
          "[storage][signoff]") {
    VaultFixture f;
    const auto pats = clinic_with_pats_session(f);

    // A practitioner may not sign anything off, their own work least of all.
    CHECK(f.vault->reviews().sign_off(pats, "Looks fine.").error().code == StorageErrc::forbidden);
    CHECK(f.vault->reviews().return_to_practitioner(pats, "x").error().code ==
          StorageErrc::forbidden);
    // Nothing was returned, so there is nothing to address.
    CHECK(f.vault->reviews().mark_addressed(pats, "").error().code == StorageErrc::invalid_input);

    // An admin may sign off, but not a session they treated themselves.
    f.reopen();
    const auto admins = treat(f, "Admin's Client", complete_session, treated_on);
    const auto refused = f.vault->reviews().sign_off(admins, "Mine, fine.");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::forbidden);
    CHECK_THAT(refused.error().message, Catch::Contains("someone else"));
    CHECK(f.vault->reviews().sign_off(pats, "Checked by the admin.").ok());

    open_as(f, "rev");
    const auto before = f.vault->audit().count({});
    REQUIRE(before.ok());
    for (const char* blank : {"", "   ", "\n\t "}) {
        const auto r = f.vault->reviews().sign_off(admins, blank);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::invalid_input);
        CHECK_THAT(r.error().message, Catch::Contains("needs a comment"));
        CHECK(f.vault->reviews().return_to_practitioner(admins, blank).error().code ==
              StorageErrc::invalid_input);
    }
    // The limit counts characters: 2000 two-byte letters fit, 2001 do not.
    std::string at_limit;
    for (std::size_t i = 0; i < storage::sign_off_note_limit; ++i) {
        at_limit += "\xC3\xA9"; // é
    }
    const auto too_long = f.vault->reviews().sign_off(admins, at_limit + "e");
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error().code == StorageErrc::invalid_input);
    CHECK_THAT(too_long.error().message, Catch::Contains("2000 characters"));
    CHECK(f.vault->reviews().sign_off(core::SessionId{9999}, "x").error().code ==
          StorageErrc::not_found);
    // A reviewer judges a finding; only the practitioner addresses it.
    CHECK(f.vault->reviews().mark_addressed(pats, "done").error().code == StorageErrc::forbidden);
    const auto after = f.vault->audit().count({});
    REQUIRE(after.ok());
    CHECK(*after == *before); // no refused step reached the chain

    CHECK(f.vault->reviews().sign_off(admins, at_limit).ok());
    auto history = f.vault->reviews().sign_off_history(admins);
    REQUIRE(history.ok());
    CHECK(history->size() == 1);
}

TEST_CASE("storage: incomplete records name what each session misses", "[storage][signoff]") {
    VaultFixture f;
    const auto complete = treat(f, "Complete", complete_session, treated_on);
    log_on(f, complete, 2);
    const auto bare = treat(f, "Bare", punctum::test::make_session, treated_on, /*consent=*/false);
    const auto day0_only = treat(f, "Day nought", complete_session, treated_on);
    log_on(f, day0_only, 0);
    const auto day7 = treat(f, "Day seven", complete_session, treated_on);
    log_on(f, day7, 7);
    const auto day8_only = treat(f, "Day eight", complete_session, treated_on);
    log_on(f, day8_only, 8);
    const auto product_lot = [](core::ClientId client, core::Date on) {
        auto s = complete_session(client, on);
        s.products.push_back({"growth factor serum", "", core::ProductPhase::procedure});
        return s;
    };
    const auto no_product_lot = treat(f, "No product lot", +product_lot, treated_on);
    log_on(f, no_product_lot, 1);
    f.live_on(day(12));
    // Treated four days ago: its first week is not over, so no follow-up is asked of it yet.
    const auto young = treat(f, "Young", complete_session, day(8));

    auto listed = f.vault->reviews().incomplete_records();
    INFO((listed ? std::string("listed") : listed.error().message));
    REQUIRE(listed.ok());
    auto missing = [&](core::SessionId id) {
        const auto it = std::find_if(listed->begin(), listed->end(),
                                     [&](const auto& r) { return r.session_id == id; });
        return it == listed->end() ? std::vector<MissingItem>{} : it->missing;
    };
    CHECK(missing(complete).empty());
    CHECK(missing(day7).empty());
    CHECK(missing(young).empty());
    CHECK(missing(bare) ==
          std::vector<MissingItem>{MissingItem::consent_answer, MissingItem::lot_numbers,
                                   MissingItem::first_week_follow_up, MissingItem::indication});
    CHECK(missing(day0_only) == std::vector<MissingItem>{MissingItem::first_week_follow_up});
    CHECK(missing(day8_only) == std::vector<MissingItem>{MissingItem::first_week_follow_up});
    CHECK(missing(no_product_lot) == std::vector<MissingItem>{MissingItem::lot_numbers});
    CHECK(listed->size() == 4);
    const auto bare_row = std::find_if(listed->begin(), listed->end(),
                                       [&](const auto& r) { return r.session_id == bare; });
    REQUIRE(bare_row != listed->end());
    CHECK(bare_row->client_name == "Bare");
    CHECK(bare_row->practitioner == "Test account");

    // A page at a time.
    auto page = f.vault->reviews().incomplete_records(2, 1);
    REQUIRE(page.ok());
    CHECK(page->size() == 2);
}

TEST_CASE("storage: a session with no screening on record is incomplete", "[storage][signoff]") {
    // A clinic's gate screens every session, so only a personal vault (which the gate lets
    // through: the clinic screened it) can hold a session without a screening.
    VaultFixture f(storage::VaultKind::personal);
    auto own = f.vault->clients().own();
    REQUIRE(own.ok());
    auto s = complete_session(*own, treated_on);
    auto session = f.vault->sessions().add(s);
    REQUIRE(session.ok());
    auto listed = f.vault->reviews().incomplete_records();
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().missing ==
          std::vector<MissingItem>{MissingItem::screening, MissingItem::consent_answer});
}
