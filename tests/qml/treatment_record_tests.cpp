// Issue 11 items 5 and 6 in the app's adapters over a real vault: the Treatment step's
// choices and checks, the course line with the next due date, a signed session's reason,
// course and record on the session page, GAIS at a follow-up (and in the entry list), a
// pending photo's view kept on save, and compare's pairs of the same view.

#include "common/vault_session.h"
#include "photos/photo_compare_page_controller.h"
#include "photos/photo_gallery_model.h"
#include "recovery/entry_list_model.h"
#include "recovery/log_recovery_page_controller.h"
#include "session_fixture.h"
#include "sessions/new_session_page_controller.h"
#include "sessions/session_page_controller.h"
#include "sessions/treatment_record_form.h"

#include "app/photo_tour.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/model/course_plan.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

class TreatmentRecordTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    qint64 signed_session_ = 0;

    static constexpr const char* passphrase = "treatment record tests passphrase";

    storage::Vault& vault() { return *f_.session->vault(); }
    core::Date today() const { return core::date_of(f_.clock.now()); }
    QString iso(int days_from_today) const {
        return QString::fromStdString(core::format_date(
            core::Date{std::chrono::sys_days{today()} + std::chrono::days{days_from_today}}));
    }
    qint64 first_client() {
        auto list = vault().clients().list("", 0, 1);
        return list && !list->empty() ? list->front().id.value : 0;
    }

    QVariantMap full_treatment() const {
        return {
            {"device", "SkinPen"},
            {"areas", QVariantList{QVariantMap{{"area", "Cheeks"}, {"depth", 1.5}, {"passes", 2}}}},
            {"products", QVariantList{QVariantMap{{"name", "Glide serum"}, {"lot", "G7"}}}},
            {"indication", "acne_scars"},
            {"indicationDetail", "rolling scars"},
            {"scarGrade", 3},
            {"courseSessions", 3},
            {"courseIntervalDays", 28},
            {"anaesthetic", "lidocaine 4% cream"},
            {"anaestheticMinutes", "30"},
            {"skinPrep", "chlorhexidine 0.5%"},
            {"cartridgeLot", "C24410"},
            {"cartridgeExpiry", iso(200)},
            {"deviceSerial", "SP-20418"},
            {"endpointErythema", 3},
            {"endpointBleeding", 1},
            {"antiviral", "no"},
            {"consentForm", "Microneedling consent"},
            {"consentVersion", "v3"},
            {"aftercareProducts", QVariantList{QVariantMap{{"name", "SPF 50"}, {"lot", ""}}}}};
    }

private slots:
    void initTestCase() {
        storage::NewVault options;
        options.display_name = "Dr Test";
        f_.open(
            passphrase,
            [&](storage::Vault& v) {
                for (int i = 0; i < 3; ++i) {
                    storage::DemoPhotos photos;
                    photos.enabled = i == 1;
                    QVERIFY(storage::add_demo_client(v, core::demo_client(5, i, today()), photos));
                }
            },
            options);
    }

    void cleanupTestCase() { f_.close(); }

    void formOffersChoicesInPlainWords() {
        const auto indications = ui::TreatmentRecordForm::indications();
        QCOMPARE(indications.size(), 7);
        QCOMPARE(indications.front().toMap()["key"].toString(), QString());
        QCOMPARE(indications.at(1).toMap()["key"].toString(), QStringLiteral("acne_scars"));
        QCOMPARE(indications.at(1).toMap()["label"].toString(), QStringLiteral("Acne scars"));
        const auto grades = ui::TreatmentRecordForm::scarGrades();
        QCOMPARE(grades.size(), 5);
        QVERIFY(grades.at(1).toMap()["label"].toString().startsWith("1 - macular"));
        const auto redness = ui::TreatmentRecordForm::rednessChoices();
        QCOMPARE(redness.size(), 6);
        QCOMPARE(redness.front().toMap()["value"].toInt(), -1);
        QCOMPARE(redness.at(3).toMap()["label"].toString(),
                 QStringLiteral("2 - mild, definite redness"));
        const auto bleeding = ui::TreatmentRecordForm::bleedingChoices();
        QCOMPARE(bleeding.size(), 5);
        QCOMPARE(bleeding.at(2).toMap()["label"].toString(), QStringLiteral("1 - pinpoint"));
    }

    void formChecksTheRecordAsCoreDoes() {
        ui::TreatmentRecordForm form;
        form.setVaultSession(f_.session.get());
        form.setClientId(first_client());
        QCOMPARE(form.check(full_treatment()), QString());
        QVERIFY(form.check({{"cartridgeExpiry", iso(-1)}}).contains("expired"));
        QVERIFY(form.check({{"cartridgeExpiry", "2027-02-30"}}).contains("year-month-day"));
        QVERIFY(form.check({{"indication", "other"}}).contains("other"));
        QVERIFY(form.check({{"indication", "pores"}, {"scarGrade", 2}}).contains("acne scars"));
        QVERIFY(
            form.check({{"anaesthetic", "EMLA"}, {"anaestheticMinutes", "300"}}).contains("240"));
        QVERIFY(form.check({{"anaestheticMinutes", "half an hour"}}).contains("minutes"));
        QVERIFY(form.check({{"consentVersion", "v3"}}).contains("consent form"));
        QVERIFY(form.expiryProblem(iso(-1)).contains("do not use it"));
        QCOMPARE(form.expiryProblem(iso(0)), QString()); // expires today: still in date
        QCOMPARE(form.expiryProblem(QString()), QString());
    }

    void courseTextCountsTheClientsEarlierSessions() {
        const qint64 client = first_client();
        auto sessions = vault().sessions().of_client(core::ClientId{client});
        QVERIFY(sessions && !sessions->empty());
        const auto& newest = sessions->front();
        QVERIFY(newest.indication.has_value()); // the demo records why
        ui::TreatmentRecordForm form;
        form.setVaultSession(f_.session.get());
        form.setClientId(client);
        const auto previous = form.previous();
        QCOMPARE(previous["indication"].toString(),
                 QString::fromUtf8(core::to_string(*newest.indication).data()));
        QCOMPARE(previous["courseSessions"].toInt(), newest.course_sessions.value_or(0));

        // A session today continues the course when the last one is recent enough.
        core::TreatmentSession today_session;
        today_session.client_id = core::ClientId{client};
        today_session.treated_on = today();
        today_session.indication = newest.indication;
        today_session.course_sessions = 20;
        today_session.course_interval_days = 60;
        const auto expected = core::course_progress(today_session, *sessions);
        const QString text = form.courseText(previous["indication"].toString(), 20, 60);
        QVERIFY2(text.startsWith(QStringLiteral("Session %1 of 20").arg(expected.given)),
                 qPrintable(text));
        QVERIFY2(text.contains("next session due"), qPrintable(text));
        QCOMPARE(form.courseText("fine_lines", 0, 0), QString());
    }

    void signingStoresTheRecordAndTheSessionPageShowsIt() {
        // A new client: nothing in their history stands in the way of treating today.
        core::Client fresh;
        fresh.display_name = "Record Keeping";
        auto added = vault().clients().add(fresh);
        QVERIFY(added);
        const qint64 client = added->value;
        ui::NewSessionPageController flow;
        flow.setVaultSession(f_.session.get());
        flow.setClientId(client);
        QVERIFY2(flow.screen({}, {}, 1.5), qPrintable(flow.error()));
        QVERIFY2(flow.clearsTreatment(), qPrintable(flow.verdict()));
        const auto before = vault().stats()->sessions;

        auto expired = full_treatment();
        expired["cartridgeExpiry"] = iso(-3);
        QVERIFY(!flow.sign(expired));
        QVERIFY2(flow.error().contains("expired"), qPrintable(flow.error()));
        QCOMPARE(vault().stats()->sessions, before);

        QVERIFY2(flow.sign(full_treatment()), qPrintable(flow.error()));
        signed_session_ = flow.sessionId();
        auto stored = vault().sessions().get(core::SessionId{signed_session_});
        QVERIFY(stored);
        QCOMPARE(stored->indication, std::optional(core::Indication::acne_scars));
        QCOMPARE(stored->scar_grade, std::optional(3));
        QCOMPARE(stored->course_sessions, std::optional(3));
        QCOMPARE(stored->anaesthetic_minutes, std::optional(30));
        QCOMPARE(stored->cartridge_lot, std::string("C24410"));
        QCOMPARE(stored->endpoint_bleeding, std::optional(1));
        QCOMPARE(stored->antiviral_prophylaxis, std::optional(false));
        QCOMPARE(stored->consent_version, std::string("v3"));
        QCOMPARE(stored->products.size(), std::size_t{2});
        QCOMPARE(stored->products.back().phase, core::ProductPhase::aftercare);

        ui::SessionPageController detail;
        detail.setVaultSession(f_.session.get());
        detail.setSessionId(signed_session_);
        QVERIFY(detail.found());
        QVERIFY2(detail.indication().startsWith("Acne scars (rolling scars)"),
                 qPrintable(detail.indication()));
        QVERIFY(detail.indication().contains("Goodman and Baron"));
        QVERIFY2(detail.course().contains("of 3, every 28 days"), qPrintable(detail.course()));
        QVERIFY(detail.course().contains("next session due"));
        QCOMPARE(detail.products().size(), 1); // the procedure's; post-care apart
        QCOMPARE(detail.aftercareProducts(), QStringLiteral("SPF 50"));
        QStringList labels;
        for (const auto& r : detail.record()) {
            labels << r.toMap()["label"].toString();
        }
        QCOMPARE(labels,
                 (QStringList{"Numbing cream (topical anaesthetic)", "Skin preparation",
                              "Cartridge lot and expiry", "Device serial number",
                              "Endpoint reached", "Antiviral prophylaxis", "Consent form"}));

        // The review shows the same words before signing.
        ui::TreatmentRecordForm form;
        form.setVaultSession(f_.session.get());
        form.setClientId(client);
        const auto reason = form.summary(full_treatment(), "reason");
        QCOMPARE(reason.size(), 2);
        const auto record = form.summary(full_treatment(), "record");
        QCOMPARE(record.size(), 8); // the seven parts and the post-care products
    }

    void gaisAtAFollowUpIsAnOutcomeNotACheckIn() {
        QVERIFY(signed_session_ > 0);
        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(signed_session_);
        const auto scale = log.gaisScale();
        QCOMPARE(scale["max"].toInt(), 4);
        QCOMPARE(scale["choices"].toList().at(1).toMap()["words"].toString(),
                 QStringLiteral("2 - much improved"));
        // A patient cannot give the practitioner's rating.
        QVERIFY(!log.save({}, "", "patient", {{"gaisPractitioner", 2}}));
        QVERIFY2(log.error().contains("clinician"), qPrintable(log.error()));
        QVERIFY2(log.save({}, "", "clinician", {{"gaisPractitioner", 2}, {"gaisPatient", 3}}),
                 qPrintable(log.error()));
        QVERIFY2(log.waitUntilSaved(), qPrintable(log.error()));
        QVERIFY(log.resultFlags().isEmpty());
        auto entries = vault().sessions().entries(core::SessionId{signed_session_});
        QVERIFY(entries && entries->size() == 1);
        QCOMPARE(entries->front().gais_practitioner, std::optional(2));
        QCOMPARE(entries->front().gais_patient, std::optional(3));

        ui::EntryListModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessionId(signed_session_);
        QCOMPARE(model.rowCount(), 1);
        const QString summary =
            model.data(model.index(0), ui::EntryListModel::SummaryRole).toString();
        QVERIFY2(summary.contains("practitioner: much improved (GAIS 2)"), qPrintable(summary));
        QVERIFY2(summary.contains("client: improved (GAIS 3)"), qPrintable(summary));
    }

    void aPendingPhotoKeepsItsView() {
        QVERIFY(signed_session_ > 0);
        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(signed_session_);
        QCOMPARE(log.photoViews().size(), 5);
        core::photo::SyntheticPhotoSpec spec;
        spec.width = 640;
        spec.height = 480;
        QVERIFY(log.addPhotoBytes("cheek.jpg", core::photo::synthetic_skin_photo(spec)));
        const int key = log.pendingPhotos().front().toMap()["key"].toInt();
        QCOMPARE(log.pendingPhotos().front().toMap()["view"].toString(), QString());
        log.setPhotoView(key, "left");
        QCOMPARE(log.pendingPhotos().front().toMap()["view"].toString(), QStringLiteral("left"));
        log.setPhotoView(key, "profile"); // not a view: ignored
        QCOMPARE(log.pendingPhotos().front().toMap()["view"].toString(), QStringLiteral("left"));
        QVERIFY2(log.save({{"erythema", 1}}, "", "clinician"), qPrintable(log.error()));
        QVERIFY2(log.waitUntilSaved(), qPrintable(log.error()));
        auto photos = vault().photos().of_session(core::SessionId{signed_session_});
        QVERIFY(photos && photos->size() == 1);
        QCOMPARE(photos->front().view, core::PhotoView::left);

        ui::PhotoGalleryModel gallery;
        gallery.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&gallery,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        gallery.setSessionId(signed_session_);
        QCOMPARE(gallery.data(gallery.index(0), ui::PhotoGalleryModel::ViewRole).toString(),
                 QStringLiteral("left side"));
        QVERIFY(gallery.data(gallery.index(0), ui::PhotoGalleryModel::DescriptionRole)
                    .toString()
                    .contains("left side view"));
    }

    void compareOffersPairsOfTheSameView() {
        const qint64 session = ui::session_with_photos(vault());
        QVERIFY(session > 0);
        auto photos = vault().photos().of_session(core::SessionId{session});
        QVERIFY(photos && photos->size() == 3);
        // The demo: front, left side, front.
        QCOMPARE(photos->at(0).view, core::PhotoView::front);
        QCOMPARE(photos->at(1).view, core::PhotoView::left);
        ui::PhotoComparePageController pair;
        pair.setVaultSession(f_.session.get());
        pair.setSessionId(session);
        QCOMPARE(pair.beforeIndex(), 0);
        QCOMPARE(pair.afterIndex(), 2);
        QVERIFY(pair.viewNote().isEmpty());
        QVERIFY(pair.photos().at(1).toMap()["label"].toString().endsWith("left side"));
        pair.setAfterId(photos->at(1).id);
        QVERIFY2(pair.viewNote().contains("different views (front and left side)"),
                 qPrintable(pair.viewNote()));
        QVERIFY(pair.canMatchView());
        pair.matchView();
        QCOMPARE(pair.afterId(), photos->at(2).id);
        QVERIFY(pair.viewNote().isEmpty());
        QVERIFY(!pair.canMatchView());
        QVERIFY(pair.waitUntilIdle(60000));
    }
};

QTEST_MAIN(TreatmentRecordTests)
#include "treatment_record_tests.moc"
