// The medical history on the client page and at screening: what is saved lands in the
// vault and shows at once, bad input is refused in words, a reviewer only reads; the
// screening step records the re-confirmation and the planned add-ons with the screening,
// and every condition and recent item it lists reads as plain words.

#include "clients/medical_history_detail.h"
#include "common/vault_session.h"
#include "session_fixture.h"
#include "sessions/new_session_page_controller.h"

#include "punctum/core/screening/screening.h"
#include "punctum/storage/vault.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

class MedicalHistoryTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    qint64 client_ = 0;
    static constexpr const char* passphrase = "medical history passphrase";
    static constexpr const char* reviewer_passphrase = "reviewer passphrase 1";

    storage::Vault& vault() { return *f_.session->vault(); }

private slots:
    void initTestCase() {
        f_.open(passphrase, [&](storage::Vault& v) {
            QVERIFY(v.accounts()
                        .add("rita", "Rita Reviewer", core::Role::reviewer,
                             storage::SecureBytes::from(reviewer_passphrase),
                             storage::KdfParams::minimum_for_tests())
                        .ok());
            core::Client c;
            c.display_name = "Hana Mori";
            auto id = v.clients().add(c);
            QVERIFY(id.ok());
            client_ = id->value;
        });
    }

    void cleanupTestCase() { f_.close(); }

    void savesAndShowsEverywhere() {
        ui::MedicalHistoryDetail page;
        page.setVaultSession(f_.session.get());
        ui::MedicalHistoryDetail screening; // the same history, open at screening
        screening.setVaultSession(f_.session.get());
        page.setClientId(client_);
        screening.setClientId(client_);
        QVERIFY(page.loaded());
        QVERIFY(page.empty());
        QCOMPARE(page.updatedText(), QStringLiteral("Never recorded"));

        QSignalSpy changed(&screening, &ui::MedicalHistoryDetail::changed);
        QVERIFY2(page.save("  Lidocaine (hives) ", "Fragrance", "Levothyroxine", ""),
                 qPrintable(page.error()));
        QCOMPARE(page.allergies(), QStringLiteral("Lidocaine (hives)")); // trimmed
        QVERIFY(!page.empty());
        QVERIFY2(page.updatedText().startsWith(QStringLiteral("Last updated")),
                 qPrintable(page.updatedText()));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(screening.medications(), QStringLiteral("Levothyroxine"));

        auto stored = vault().clients().history(core::ClientId{client_});
        QVERIFY(stored.ok());
        QCOMPARE(QString::fromStdString(stored->sensitivities), QStringLiteral("Fragrance"));
    }

    void refusesInWords() {
        ui::MedicalHistoryDetail page;
        page.setVaultSession(f_.session.get());
        page.setClientId(client_);
        QVERIFY(!page.save(QString(5000, QLatin1Char('x')), "", "", ""));
        QVERIFY2(page.error().contains(QStringLiteral("too long")), qPrintable(page.error()));
        QCOMPARE(page.allergies(), QStringLiteral("Lidocaine (hives)")); // unchanged
    }

    void screeningRecordsTheCheckAndTheAddOns() {
        ui::NewSessionPageController flow;
        flow.setVaultSession(f_.session.get());
        flow.setClientId(client_);
        flow.setProperty("historyConfirmed", true);
        flow.setProperty("plannedAddOns", QStringList{QStringLiteral("rf")});
        QVERIFY2(flow.screen({"gold_threads"}, {}, 1.0), qPrintable(flow.error()));
        QCOMPARE(flow.verdict(), QStringLiteral("decline"));
        QCOMPARE(flow.reasons().front().toMap().value("label").toString(),
                 QStringLiteral("Gold threads, with RF planned"));
        auto stored = vault().screenings().of_client(core::ClientId{client_});
        QVERIFY(stored.ok() && !stored->empty());
        QVERIFY(stored->front().history_confirmed);
        QCOMPARE(stored->front().input.add_ons, std::vector<std::string>{"rf"});

        flow.setProperty("historyConfirmed", false);
        flow.setProperty("plannedAddOns", QStringList{});
        QVERIFY(flow.screen({"gold_threads"}, {}, 1.0));
        QCOMPARE(flow.verdict(), QStringLiteral("caution"));
        stored = vault().screenings().of_client(core::ClientId{client_});
        QVERIFY(!stored->front().history_confirmed);

        flow.setProperty("plannedAddOns", QStringList{QStringLiteral("laser")});
        QVERIFY(!flow.screen({}, {}, 1.0));
        QVERIFY2(flow.error().contains(QStringLiteral("laser")), qPrintable(flow.error()));
    }

    void everyItemReadsAsWords() {
        for (const auto* list : {&core::screening_conditions(), &core::screening_recent_items(),
                                 &core::screening_add_on_variants()}) {
            for (const auto& key : *list) {
                const QString label =
                    ui::NewSessionPageController::itemLabel(QString::fromStdString(key));
                QVERIFY2(!label.contains(QLatin1Char('_')), qPrintable(label));
                QVERIFY2(label != QString::fromStdString(key).replace(QLatin1Char('_'), ' '),
                         qPrintable(QStringLiteral("%1 has no label of its own").arg(label)));
            }
        }
    }

    void reviewerOnlyReads() {
        f_.session->lock();
        f_.session->unlock("rita", reviewer_passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
        ui::MedicalHistoryDetail page;
        page.setVaultSession(f_.session.get());
        page.setClientId(client_);
        QCOMPARE(page.allergies(), QStringLiteral("Lidocaine (hives)"));
        QVERIFY(!page.save("", "", "", ""));
        QVERIFY(!page.error().isEmpty());
        QCOMPARE(page.allergies(), QStringLiteral("Lidocaine (hives)"));
    }
};

QTEST_GUILESS_MAIN(MedicalHistoryTests)
#include "medical_history_tests.moc"
