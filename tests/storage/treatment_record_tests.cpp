// Issue 11 items 5 and 6 in the vault: a session's indication, course plan and treatment
// record, post-care products, GAIS at follow-ups and photo views round-trip field by field,
// "not recorded" stays not recorded, and the audit digest carries what was recorded.

#include "crypto.h"
#include "schema.h"
#include "session_rows.h"
#include "vault_database.h"

#include "punctum/core/model/course_plan.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "support/imported_photo.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace core = punctum::core;
namespace photo = punctum::core::photo;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::add_session;
using punctum::test::make_client;
using punctum::test::make_session;
using punctum::test::VaultFixture;

namespace {

// Three days before the fixture's clock (2026-03-03), so follow-ups can be logged.
const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{28}};

core::Date plus(core::Date d, int n) {
    return core::Date{std::chrono::sys_days{d} + std::chrono::days{n}};
}

core::TreatmentSession full_record(core::ClientId client) {
    auto s = make_session(client, treated_on);
    s.indication = core::Indication::acne_scars;
    s.indication_detail = "rolling scars on both cheeks";
    s.scar_grade = 3;
    s.course_sessions = 3;
    s.course_interval_days = 28;
    s.anaesthetic = "lidocaine 4% cream";
    s.anaesthetic_minutes = 30;
    s.skin_prep = "chlorhexidine 0.5% in alcohol";
    s.cartridge_lot = "L2291";
    s.cartridge_expiry =
        core::Date{std::chrono::year{2027}, std::chrono::month{6}, std::chrono::day{30}};
    s.device_serial = "SP-001234";
    s.endpoint_erythema = 3;
    s.endpoint_bleeding = 1;
    s.antiviral_prophylaxis = true;
    s.consent_form = "Microneedling consent";
    s.consent_version = "v3 (2026-01)";
    s.products.push_back({"hyaluronic serum", "HA-7", core::ProductPhase::procedure});
    s.products.push_back({"SPF 50", "", core::ProductPhase::aftercare});
    s.products.push_back({"cica balm", "CB-12", core::ProductPhase::aftercare});
    return s;
}

void check_same_record(const core::TreatmentSession& got, const core::TreatmentSession& want) {
    CHECK(got.indication == want.indication);
    CHECK(got.indication_detail == want.indication_detail);
    CHECK(got.scar_grade == want.scar_grade);
    CHECK(got.course_sessions == want.course_sessions);
    CHECK(got.course_interval_days == want.course_interval_days);
    CHECK(got.anaesthetic == want.anaesthetic);
    CHECK(got.anaesthetic_minutes == want.anaesthetic_minutes);
    CHECK(got.skin_prep == want.skin_prep);
    CHECK(got.cartridge_lot == want.cartridge_lot);
    CHECK(got.cartridge_expiry == want.cartridge_expiry);
    CHECK(got.device_serial == want.device_serial);
    CHECK(got.endpoint_erythema == want.endpoint_erythema);
    CHECK(got.endpoint_bleeding == want.endpoint_bleeding);
    CHECK(got.antiviral_prophylaxis == want.antiviral_prophylaxis);
    CHECK(got.consent_form == want.consent_form);
    CHECK(got.consent_version == want.consent_version);
    CHECK(got.products == want.products);
}

} // namespace

TEST_CASE("storage: every field of the treatment record round-trips", "[storage][record]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Recorded"));
    REQUIRE(client.ok());
    const auto want = full_record(*client);
    auto id = add_session(*f.vault, want);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());

    auto got = f.vault->sessions().get(*id);
    REQUIRE(got.ok());
    check_same_record(*got, want);
    CHECK(got->areas.size() == want.areas.size());

    // After closing and opening again, and through of_client too.
    f.reopen();
    auto listed = f.vault->sessions().of_client(*client);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    check_same_record(listed->front(), want);
}

TEST_CASE("storage: a session without the new fields reads them as not recorded",
          "[storage][record]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Plain"));
    REQUIRE(client.ok());
    auto s = make_session(*client, treated_on);
    s.products.push_back({"serum", "L1"});
    auto id = add_session(*f.vault, s);
    REQUIRE(id.ok());
    auto got = f.vault->sessions().get(*id);
    REQUIRE(got.ok());
    CHECK_FALSE(got->indication.has_value());
    CHECK_FALSE(got->scar_grade.has_value());
    CHECK_FALSE(got->course_sessions.has_value());
    CHECK_FALSE(got->course_interval_days.has_value());
    CHECK_FALSE(got->anaesthetic_minutes.has_value());
    CHECK_FALSE(got->cartridge_expiry.has_value());
    CHECK_FALSE(got->endpoint_erythema.has_value());
    CHECK_FALSE(got->endpoint_bleeding.has_value());
    CHECK_FALSE(got->antiviral_prophylaxis.has_value());
    CHECK(got->anaesthetic.empty());
    CHECK(got->consent_form.empty());
    REQUIRE(got->products.size() == 1);
    CHECK(got->products.front().phase == core::ProductPhase::procedure);
}

TEST_CASE("storage: antiviral prophylaxis 'no' is kept apart from not recorded",
          "[storage][record]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("No antiviral"));
    REQUIRE(client.ok());
    auto s = make_session(*client, treated_on);
    s.antiviral_prophylaxis = false;
    s.endpoint_erythema = 0;
    s.endpoint_bleeding = 0;
    s.anaesthetic = "none";
    s.anaesthetic_minutes = 0;
    auto id = add_session(*f.vault, s);
    REQUIRE(id.ok());
    auto got = f.vault->sessions().get(*id);
    REQUIRE(got.ok());
    CHECK(got->antiviral_prophylaxis == false);
    CHECK(got->endpoint_erythema == 0);
    CHECK(got->endpoint_bleeding == 0);
    CHECK(got->anaesthetic_minutes == 0);
}

TEST_CASE("storage: a session with an expired cartridge is refused and nothing is stored",
          "[storage][record]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Expired"));
    REQUIRE(client.ok());
    auto s = full_record(*client);
    s.cartridge_expiry = plus(treated_on, -1);
    const auto before = f.stats();
    auto id = add_session(*f.vault, s);
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == StorageErrc::invalid_input);
    CHECK(id.error().message.find("expired") != std::string::npos);
    CHECK(f.stats().sessions == before.sessions);
}

TEST_CASE("storage: stored sessions give the course progress and next due date",
          "[storage][record][course]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Course"));
    REQUIRE(client.ok());
    auto first = full_record(*client);
    first.treated_on = plus(treated_on, -56);
    first.cartridge_expiry.reset();
    auto second = first;
    second.treated_on = plus(treated_on, -28);
    REQUIRE(add_session(*f.vault, first).ok());
    REQUIRE(add_session(*f.vault, second).ok());
    auto third_id = add_session(*f.vault, full_record(*client));
    REQUIRE(third_id.ok());
    auto all = f.vault->sessions().of_client(*client);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    // of_client is newest first: the third session, the course complete.
    const auto third = core::course_progress(all->at(0), *all);
    CHECK(third.given == 3);
    CHECK(third.complete());
    CHECK_FALSE(third.next_due.has_value());
    const auto middle = core::course_progress(all->at(1), *all);
    CHECK(middle.given == 2);
    CHECK(middle.next_due == treated_on);
}

TEST_CASE("storage: GAIS at a follow-up round-trips and raises no flag",
          "[storage][record][gais]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Improved"));
    REQUIRE(client.ok());
    auto session = add_session(*f.vault, full_record(*client));
    REQUIRE(session.ok());

    core::RecoveryEntry first;
    first.session_id = *session;
    first.observed_on = treated_on;
    first.set(core::Symptom::erythema, 2);
    REQUIRE(f.vault->sessions().add_entry(first).ok());

    core::RecoveryEntry review; // GAIS only: a valid follow-up, not a check-in
    review.session_id = *session;
    review.observed_on = plus(treated_on, 3);
    review.reporter = core::Reporter::clinician;
    review.gais_practitioner = 2;
    review.gais_patient = 3;
    auto id = f.vault->sessions().add_entry(review);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());

    core::RecoveryEntry home;
    home.session_id = *session;
    home.observed_on = plus(treated_on, 3);
    home.gais_patient = 1;
    REQUIRE(f.vault->sessions().add_entry(home).ok());

    auto entries = f.vault->sessions().entries(*session);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 3);
    CHECK_FALSE(entries->at(0).gais_practitioner.has_value());
    CHECK_FALSE(entries->at(0).gais_patient.has_value());
    CHECK(entries->at(1).gais_practitioner == 2);
    CHECK(entries->at(1).gais_patient == 3);
    CHECK(entries->at(1).reporter == core::Reporter::clinician);
    CHECK(entries->at(2).gais_patient == 1);
    CHECK_FALSE(entries->at(2).gais_practitioner.has_value());
    for (const auto& score : entries->at(1).scores) {
        CHECK_FALSE(score.has_value()); // GAIS never lands among the symptom scores
    }
    auto flags = f.vault->flags().of_session(*session);
    REQUIRE(flags.ok());
    CHECK(flags->empty()); // no logging gap for days 1..2: the reviews report no symptom
}

TEST_CASE("storage: a patient's entry cannot carry the practitioner's GAIS",
          "[storage][record][gais]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Self-rated"));
    REQUIRE(client.ok());
    auto session = add_session(*f.vault, full_record(*client));
    REQUIRE(session.ok());
    core::RecoveryEntry e;
    e.session_id = *session;
    e.observed_on = plus(treated_on, 1);
    e.gais_practitioner = 2;
    auto id = f.vault->sessions().add_entry(e);
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == StorageErrc::invalid_input);
    e.gais_practitioner.reset();
    e.gais_patient = 6;
    id = f.vault->sessions().add_entry(e);
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == StorageErrc::invalid_input);
}

TEST_CASE("storage: a photo keeps its view, added alone or with its entry",
          "[storage][record][photos]") {
    VaultFixture f;
    auto client = f.vault->clients().add(make_client("Viewed"));
    REQUIRE(client.ok());
    auto session = add_session(*f.vault, make_session(*client, treated_on));
    REQUIRE(session.ok());
    photo::SyntheticPhotoSpec spec;
    spec.width = 640;
    spec.height = 480;
    const auto file = punctum::test::imported(photo::synthetic_skin_photo(spec));

    auto front =
        f.vault->photos().add(*session, {file, "cheeks", treated_on, core::PhotoView::front});
    REQUIRE(front.ok());
    CHECK(front->view == core::PhotoView::front);
    auto unset = f.vault->photos().add(*session, {file, "cheeks", plus(treated_on, 1)});
    REQUIRE(unset.ok());
    CHECK(unset->view == core::PhotoView::unspecified);

    core::RecoveryEntry e;
    e.session_id = *session;
    e.observed_on = plus(treated_on, 2);
    e.set(core::Symptom::erythema, 1);
    auto entry =
        f.vault->sessions().add_entry(e, {{file, "cheeks", std::nullopt, core::PhotoView::oblique},
                                          {file, "cheeks", std::nullopt, core::PhotoView::left}});
    REQUIRE(entry.ok());

    auto photos = f.vault->photos().of_session(*session);
    REQUIRE(photos.ok());
    REQUIRE(photos->size() == 4);
    std::vector<core::PhotoView> views;
    for (const auto& p : *photos) {
        views.push_back(p.view);
    }
    CHECK(views == std::vector<core::PhotoView>{core::PhotoView::front,
                                                core::PhotoView::unspecified,
                                                core::PhotoView::oblique, core::PhotoView::left});
    CHECK(f.vault->photos().get(photos->at(3).id)->view == core::PhotoView::left);
}

TEST_CASE("storage: the audit digest of a session carries its treatment record",
          "[storage][record][audit]") {
    punctum::test::TempDir tmp;
    REQUIRE(storage::crypto::ready());
    const auto key = storage::crypto::random_secret(storage::crypto::data_key_size);
    auto db = storage::open_vault_database(tmp.path() / "vault.db", key, 4096, true);
    storage::migrate(*db, storage::current_schema_version());
    db->exec("INSERT INTO accounts (id, name, display_name, role, created_at) VALUES "
             "(1, 'a', 'A', 'practitioner', '2026-03-01T08:00:00Z');"
             "INSERT INTO clients (id, display_name, created_at, created_by) VALUES "
             "(1, 'C', '2026-03-01T08:00:00Z', 1);"
             "INSERT INTO sessions (id, client_id, treated_on, device, notes, practitioner_id, "
             "created_at) VALUES (1, 1, '2026-02-28', 'd', '', 1, '2026-03-01T08:00:00Z');");

    std::ostringstream empty;
    storage::detail::write_treatment_record(*db, core::SessionId{1},
                                            make_session(core::ClientId{1}, treated_on), empty);
    CHECK(empty.str().empty()); // nothing recorded: the digest reads as before migration 5

    std::ostringstream change;
    const auto s = full_record(core::ClientId{1});
    storage::detail::write_treatment_record(*db, core::SessionId{1}, s, change);
    const std::string text = change.str();
    for (const char* part :
         {"|indication:acne_scars", "|indication_detail:rolling scars on both cheeks",
          "|scar_grade:3", "|course_sessions:3", "|course_interval_days:28",
          "|anaesthetic:lidocaine 4% cream", "|anaesthetic_minutes:30",
          "|skin_prep:chlorhexidine 0.5% in alcohol", "|cartridge_lot:L2291",
          "|cartridge_expiry:2027-06-30", "|device_serial:SP-001234", "|endpoint_erythema:3",
          "|endpoint_bleeding:1", "|antiviral_prophylaxis:yes",
          "|consent_form:Microneedling consent", "|consent_version:v3 (2026-01)"}) {
        INFO(part << " in " << text);
        CHECK(text.find(part) != std::string::npos);
    }
    core::TreatmentSession read;
    read.id = core::SessionId{1};
    storage::detail::read_treatment_record(*db, read);
    auto want = s;
    want.products.clear(); // products are written by SessionStore, not here
    check_same_record(read, want);
}
