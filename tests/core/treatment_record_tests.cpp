// Issue 11 items 5 and 6: why a session was given (indication, scar grade, course plan and
// the next due date), the treatment record, GAIS at follow-ups and the photo view. Each
// range is checked just inside and just outside.

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/model/course_plan.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/core/recovery/assessment.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace std::chrono;
namespace core = punctum::core;
using core::Indication;
using core::ModelErrc;
using core::PhotoView;

namespace {

const core::Date treated_on{year{2026}, month{3}, day{3}};

core::Date plus(core::Date d, int n) {
    return core::Date{sys_days{d} + days{n}};
}

core::TreatmentSession valid_session() {
    core::TreatmentSession s;
    s.client_id = core::ClientId{1};
    s.treated_on = treated_on;
    s.device = "SkinPen Precision";
    s.areas.push_back({"cheeks", 1.5, 3});
    return s;
}

std::string refusal(const core::TreatmentSession& s) {
    const auto r = core::validate(s);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

ModelErrc refused_with(const core::TreatmentSession& s) {
    const auto r = core::validate(s);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    return r.error().code;
}

} // namespace

TEST_CASE("core: indication keys are stable and read back", "[core][model][record]") {
    const std::vector<std::string> keys{"acne_scars", "fine_lines",    "texture_tone",
                                        "pores",      "stretch_marks", "other"};
    REQUIRE(core::all_indications().size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto indication = core::all_indications()[i];
        CHECK(core::to_string(indication) == keys[i]);
        CHECK(core::indication_from_string(keys[i]) == indication);
        CHECK_FALSE(core::indication_words(indication).empty());
    }
    CHECK_FALSE(core::indication_from_string("").has_value());
    CHECK_FALSE(core::indication_from_string("Acne scars").has_value());
}

TEST_CASE("core: a session with every new field recorded is valid", "[core][model][record]") {
    auto s = valid_session();
    s.indication = Indication::acne_scars;
    s.scar_grade = 3;
    s.course_sessions = 3;
    s.course_interval_days = 28;
    s.anaesthetic = "lidocaine 4% cream";
    s.anaesthetic_minutes = 30;
    s.skin_prep = "chlorhexidine 0.5%";
    s.cartridge_lot = "L2291";
    s.cartridge_expiry = plus(treated_on, 200);
    s.device_serial = "SP-001234";
    s.endpoint_erythema = 3;
    s.endpoint_bleeding = 1;
    s.antiviral_prophylaxis = true;
    s.consent_form = "Microneedling consent";
    s.consent_version = "v3";
    s.products.push_back({"hyaluronic serum", "HA-7", core::ProductPhase::procedure});
    s.products.push_back({"SPF 50", "", core::ProductPhase::aftercare});
    CHECK(core::validate(s).ok());
}

TEST_CASE("core: nothing of the new record is required", "[core][model][record]") {
    const auto s = valid_session();
    CHECK_FALSE(s.indication.has_value());
    CHECK_FALSE(s.scar_grade.has_value());
    CHECK_FALSE(s.antiviral_prophylaxis.has_value());
    CHECK(core::validate(s).ok());
}

TEST_CASE("core: 'other' indication needs its detail", "[core][model][record]") {
    auto s = valid_session();
    s.indication = Indication::other;
    CHECK(refused_with(s) == ModelErrc::missing_field);
    s.indication_detail = "melasma";
    CHECK(core::validate(s).ok());
}

TEST_CASE("core: scar grade 1..4, for acne scars only", "[core][model][record]") {
    auto s = valid_session();
    s.indication = Indication::acne_scars;
    for (int grade : {1, 4}) {
        s.scar_grade = grade;
        CHECK(core::validate(s).ok());
    }
    for (int grade : {0, 5}) {
        s.scar_grade = grade;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    s.scar_grade = 2;
    s.indication = Indication::fine_lines;
    CHECK(refused_with(s) == ModelErrc::out_of_range);
    CHECK(refusal(s).find("acne scars") != std::string::npos);
    s.indication.reset();
    CHECK(refused_with(s) == ModelErrc::out_of_range);
    CHECK(core::scar_grade_words(1).find("macular") != std::string_view::npos);
    CHECK(core::scar_grade_words(4).find("severe") != std::string_view::npos);
    CHECK(core::scar_grade_words(0).empty());
    CHECK(core::scar_grade_words(5).empty());
}

TEST_CASE("core: a course plan of 1..20 sessions every 1..365 days", "[core][model][record]") {
    auto s = valid_session();
    s.course_sessions = 1;
    CHECK(core::validate(s).ok()); // a single session needs no interval
    for (int n : {2, 20}) {
        s.course_sessions = n;
        s.course_interval_days = 28;
        CHECK(core::validate(s).ok());
    }
    for (int n : {0, 21}) {
        s.course_sessions = n;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    s.course_sessions = 3;
    for (int d : {1, 365}) {
        s.course_interval_days = d;
        CHECK(core::validate(s).ok());
    }
    for (int d : {0, 366}) {
        s.course_interval_days = d;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    s.course_interval_days.reset();
    CHECK(refused_with(s) == ModelErrc::missing_field); // several sessions, no interval
    s.course_sessions.reset();
    s.course_interval_days = 28;
    CHECK(refused_with(s) == ModelErrc::missing_field); // an interval without the count
}

TEST_CASE("core: anaesthetic contact time 0..240 minutes, with the anaesthetic named",
          "[core][model][record]") {
    auto s = valid_session();
    s.anaesthetic = "EMLA";
    for (int m : {0, 240}) {
        s.anaesthetic_minutes = m;
        CHECK(core::validate(s).ok());
    }
    for (int m : {-1, 241}) {
        s.anaesthetic_minutes = m;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    s.anaesthetic_minutes = 30;
    s.anaesthetic.clear();
    CHECK(refused_with(s) == ModelErrc::missing_field);
}

TEST_CASE("core: an expired cartridge is refused and the message says so",
          "[core][model][record]") {
    auto s = valid_session();
    s.cartridge_expiry = treated_on; // expires today: still in date
    CHECK(core::validate(s).ok());
    s.cartridge_expiry = plus(treated_on, -1);
    CHECK(refused_with(s) == ModelErrc::bad_date);
    const auto message = refusal(s);
    CHECK(message.find("expired") != std::string::npos);
    CHECK(message.find("2026-03-02") != std::string::npos);
    s.cartridge_expiry = core::Date{year{2026}, month{2}, day{30}};
    CHECK(refused_with(s) == ModelErrc::bad_date);
}

TEST_CASE("core: endpoint erythema 0..4 (CEA) and bleeding 0..3", "[core][model][record]") {
    auto s = valid_session();
    for (int v : {0, 4}) {
        s.endpoint_erythema = v;
        CHECK(core::validate(s).ok());
    }
    for (int v : {-1, 5}) {
        s.endpoint_erythema = v;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    s.endpoint_erythema.reset();
    for (int v : {0, 3}) {
        s.endpoint_bleeding = v;
        CHECK(core::validate(s).ok());
    }
    for (int v : {-1, 4}) {
        s.endpoint_bleeding = v;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
}

TEST_CASE("core: a consent version needs its form", "[core][model][record]") {
    auto s = valid_session();
    s.consent_version = "v3";
    CHECK(refused_with(s) == ModelErrc::missing_field);
    s.consent_form = "Microneedling consent";
    CHECK(core::validate(s).ok());
    s.consent_version.clear();
    CHECK(core::validate(s).ok());
}

TEST_CASE("core: product phases read back by key", "[core][model][record]") {
    CHECK(core::to_string(core::ProductPhase::procedure) == "procedure");
    CHECK(core::to_string(core::ProductPhase::aftercare) == "aftercare");
    CHECK(core::product_phase_from_string("aftercare") == core::ProductPhase::aftercare);
    CHECK_FALSE(core::product_phase_from_string("after").has_value());
    const core::SessionProduct p{"serum", "L1"};
    CHECK(p.phase == core::ProductPhase::procedure); // the default, as before phases
}

namespace {

core::TreatmentSession course_session(std::int64_t id, int day, Indication indication) {
    auto s = valid_session();
    s.id = core::SessionId{id};
    s.treated_on = plus(treated_on, day);
    s.indication = indication;
    return s;
}

} // namespace

TEST_CASE("core: the first session of a course is due again after its interval",
          "[core][model][course]") {
    auto s = course_session(1, 0, Indication::acne_scars);
    s.course_sessions = 3;
    s.course_interval_days = 28;
    const std::vector<core::TreatmentSession> all{s};
    const auto p = core::course_progress(s, all);
    CHECK(p.given == 1);
    CHECK(p.planned == 3);
    CHECK(p.next_due == plus(treated_on, 28));
    CHECK_FALSE(p.complete());
}

TEST_CASE("core: earlier sessions of the same indication count as given", "[core][model][course]") {
    std::vector<core::TreatmentSession> all{course_session(1, 0, Indication::acne_scars),
                                            course_session(2, 30, Indication::fine_lines),
                                            course_session(3, 28, Indication::acne_scars)};
    auto third = course_session(4, 56, Indication::acne_scars);
    third.course_sessions = 3;
    third.course_interval_days = 28;
    all.push_back(third);
    auto p = core::course_progress(third, all);
    CHECK(p.given == 3);
    CHECK(p.complete());
    CHECK_FALSE(p.next_due.has_value()); // the course is complete

    auto second = all[2];
    second.course_sessions = 3;
    second.course_interval_days = 28;
    p = core::course_progress(second, all); // later sessions do not count
    CHECK(p.given == 2);
    CHECK(p.next_due == plus(treated_on, 56));
}

TEST_CASE("core: a pause longer than twice the interval starts a new course",
          "[core][model][course]") {
    std::vector<core::TreatmentSession> all{course_session(1, 0, Indication::acne_scars),
                                            course_session(2, 28, Indication::acne_scars)};
    auto s = course_session(3, 28 + 56, Indication::acne_scars); // exactly twice: same course
    s.course_sessions = 4;
    s.course_interval_days = 28;
    CHECK(core::course_progress(s, all).given == 3);
    s.treated_on = plus(treated_on, 28 + 57); // a day more: a new course
    const auto p = core::course_progress(s, all);
    CHECK(p.given == 1);
    CHECK(p.next_due == plus(s.treated_on, 28));
}

TEST_CASE("core: an unrecorded indication or no plan gives no due date", "[core][model][course]") {
    std::vector<core::TreatmentSession> all{course_session(1, 0, Indication::acne_scars)};
    auto s = course_session(2, 28, Indication::acne_scars);
    s.indication.reset();
    s.course_sessions = 3;
    s.course_interval_days = 28;
    auto p = core::course_progress(s, all);
    CHECK(p.given == 1); // matches no earlier session
    CHECK(p.next_due == plus(s.treated_on, 28));
    s.indication = Indication::acne_scars;
    s.course_sessions.reset();
    s.course_interval_days.reset();
    p = core::course_progress(s, all);
    CHECK_FALSE(p.planned.has_value());
    CHECK_FALSE(p.next_due.has_value());
    CHECK_FALSE(p.complete());
}

TEST_CASE("core: same-day sessions count by id, an unsaved one comes last",
          "[core][model][course]") {
    std::vector<core::TreatmentSession> all{course_session(5, 0, Indication::pores),
                                            course_session(6, 0, Indication::pores)};
    auto unsaved = course_session(0, 0, Indication::pores);
    unsaved.course_sessions = 5;
    unsaved.course_interval_days = 14;
    CHECK(core::course_progress(unsaved, all).given == 3);
    auto first = all[0];
    first.course_sessions = 5;
    first.course_interval_days = 14;
    CHECK(core::course_progress(first, all).given == 1);
    // Another client's sessions never count.
    auto other_client = course_session(7, -7, Indication::pores);
    other_client.client_id = core::ClientId{2};
    all.push_back(other_client);
    CHECK(core::course_progress(first, all).given == 1);
}

TEST_CASE("core: GAIS 1..5 at a follow-up, with words", "[core][model][gais]") {
    core::RecoveryEntry e;
    e.session_id = core::SessionId{1};
    e.observed_on = plus(treated_on, 28);
    e.reporter = core::Reporter::clinician;
    CHECK_FALSE(core::validate(e, treated_on).ok()); // nothing yet
    for (int g : {1, 5}) {
        e.gais_practitioner = g;
        e.gais_patient = g;
        CHECK(core::validate(e, treated_on).ok());
    }
    for (int g : {0, 6}) {
        e.gais_practitioner = g;
        auto r = core::validate(e, treated_on);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ModelErrc::out_of_range);
        e.gais_practitioner = 2;
        e.gais_patient = g;
        r = core::validate(e, treated_on);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ModelErrc::out_of_range);
        e.gais_patient = 2;
    }
    CHECK(core::gais_words(1) == "very much improved");
    CHECK(core::gais_words(2) == "much improved");
    CHECK(core::gais_words(3) == "improved");
    CHECK(core::gais_words(4) == "no change");
    CHECK(core::gais_words(5) == "worse");
    CHECK(core::gais_words(0).empty());
    CHECK(core::gais_words(6).empty());
}

TEST_CASE("core: an entry with only GAIS is a valid follow-up but not a check-in",
          "[core][model][gais]") {
    core::RecoveryEntry e;
    e.session_id = core::SessionId{1};
    e.observed_on = plus(treated_on, 28);
    e.reporter = core::Reporter::patient;
    e.gais_patient = 3;
    CHECK_FALSE(e.empty());
    CHECK(core::validate(e, treated_on).ok());
    // GAIS is not a symptom: the flag engine sees an entry reporting nothing.
    const auto d = core::day_entry(e, treated_on);
    CHECK(d.empty());
    for (const auto& score : e.scores) {
        CHECK_FALSE(score.has_value());
    }
}

TEST_CASE("core: the practitioner's GAIS belongs to a clinician's entry", "[core][model][gais]") {
    core::RecoveryEntry e;
    e.session_id = core::SessionId{1};
    e.observed_on = plus(treated_on, 28);
    e.reporter = core::Reporter::patient;
    e.gais_practitioner = 2;
    const auto r = core::validate(e, treated_on);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("clinician") != std::string::npos);
}

TEST_CASE("core: a GAIS-only follow-up raises no logging gap", "[core][gais][recovery]") {
    // Day 0 check-in, then only a four-week GAIS review: no "no check-in" flag for days
    // 1..7, since the review reports no symptom.
    core::DayEntry first;
    first.day = 0;
    first.set(core::Symptom::erythema, 2);
    core::RecoveryEntry review;
    review.observed_on = plus(treated_on, 28);
    review.reporter = core::Reporter::clinician;
    review.gais_practitioner = 2;
    const std::vector<core::DayEntry> entries{first, core::day_entry(review, treated_on)};
    core::SessionFacts facts;
    facts.max_depth_mm = 1.0;
    const auto gap = [&](const std::vector<core::DayEntry>& list) {
        for (const auto& f : core::assess(list, facts, core::default_norms_profile())) {
            if (f.rule_id == core::rules::logging_gap) {
                return true;
            }
        }
        return false;
    };
    CHECK_FALSE(gap(entries));
    // The same review with a symptom scored is a check-in, and shows the gap.
    review.set(core::Symptom::erythema, 0);
    CHECK(gap({first, core::day_entry(review, treated_on)}));
}

TEST_CASE("core: photo views read back by key", "[core][model][photo-view]") {
    CHECK(core::to_string(PhotoView::unspecified).empty());
    CHECK(core::photo_view_from_string("") == PhotoView::unspecified);
    for (const auto v : core::recorded_photo_views()) {
        CHECK(core::photo_view_from_string(core::to_string(v)) == v);
        CHECK_FALSE(core::photo_view_words(v).empty());
    }
    CHECK(core::recorded_photo_views().size() == 4);
    CHECK_FALSE(core::photo_view_from_string("profile").has_value());
    CHECK(core::views_differ(PhotoView::front, PhotoView::left));
    CHECK_FALSE(core::views_differ(PhotoView::front, PhotoView::front));
    CHECK_FALSE(core::views_differ(PhotoView::unspecified, PhotoView::left));
}

TEST_CASE("core: the default compare pair is of one view", "[core][model][photo-view]") {
    using P = std::pair<std::size_t, std::size_t>;
    const std::vector<PhotoView> one{PhotoView::front};
    CHECK_FALSE(core::default_compare_pair(one).has_value());
    // Latest is oblique, photographed once: the front pair, earliest and latest.
    const std::vector<PhotoView> mixed{PhotoView::front, PhotoView::left, PhotoView::front,
                                       PhotoView::left, PhotoView::oblique};
    CHECK(core::default_compare_pair(mixed) == P{1, 3});
    const std::vector<PhotoView> fronts{PhotoView::front, PhotoView::left, PhotoView::front,
                                        PhotoView::oblique};
    CHECK(core::default_compare_pair(fronts) == P{0, 2});
    // No view twice: the earliest and the latest, as before views were recorded.
    const std::vector<PhotoView> all_different{PhotoView::front, PhotoView::left, PhotoView::right};
    CHECK(core::default_compare_pair(all_different) == P{0, 2});
    const std::vector<PhotoView> unrecorded(4, PhotoView::unspecified);
    CHECK(core::default_compare_pair(unrecorded) == P{0, 3});
}

TEST_CASE("core: demo sessions carry an indication, a course and a treatment record, "
          "reviews rate GAIS",
          "[core][demo][record]") {
    const core::Date today{year{2026}, month{3}, day{3}};
    int reviews = 0;
    int aftercare = 0;
    std::set<Indication> seen;
    for (int index = 0; index < 200; ++index) {
        const auto demo = core::demo_client(7, index, today);
        std::vector<core::TreatmentSession> sessions;
        for (const auto& ds : demo.sessions) {
            sessions.push_back(ds.session);
        }
        for (const auto& ds : demo.sessions) {
            const auto& s = ds.session;
            REQUIRE(s.indication.has_value());
            seen.insert(*s.indication);
            CHECK(s.course_sessions.has_value());
            CHECK(s.course_interval_days.has_value());
            CHECK_FALSE(s.cartridge_lot.empty());
            CHECK(s.endpoint_erythema.has_value());
            CHECK(s.antiviral_prophylaxis.has_value());
            for (const auto& p : s.products) {
                aftercare += p.phase == core::ProductPhase::aftercare ? 1 : 0;
            }
            for (const auto& e : ds.entries) {
                if (e.gais_practitioner || e.gais_patient) {
                    ++reviews;
                    CHECK(e.reporter == core::Reporter::clinician);
                    CHECK(core::day_entry(e, s.treated_on).empty()); // not a check-in
                }
            }
        }
    }
    CHECK(seen.size() == core::all_indications().size());
    CHECK(reviews > 100);
    CHECK(aftercare > 200);
}
