// The new-client form and the consent chips: what the practitioner enters lands in the
// vault (client and consents in one batch), bad input is refused with words saying what
// to fix and leaves nothing behind, and a reviewer cannot add clients (storage refuses).

#include "clients/client_page_controller.h"
#include "clients/new_client_page_controller.h"
#include "common/vault_session.h"
#include "session_fixture.h"

#include "punctum/storage/vault.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

class ClientEditorTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    static constexpr const char* passphrase = "client editor passphrase";
    static constexpr const char* reviewer_passphrase = "reviewer passphrase 1";

    [[nodiscard]] int client_count() const {
        return f_.session->vault()->clients().count("").value();
    }

private slots:
    void initTestCase() {
        f_.open(passphrase, [&](storage::Vault& v) {
            QVERIFY(v.accounts()
                        .add("rita", "Rita Reviewer", core::Role::reviewer,
                             storage::SecureBytes::from(reviewer_passphrase),
                             storage::KdfParams::minimum_for_tests())
                        .ok());
        });
    }

    void cleanupTestCase() { f_.close(); }

    void addsClientWithConsents() {
        ui::NewClientPageController editor;
        editor.setVaultSession(f_.session.get());
        editor.setProperty("name", QStringLiteral("  Mary Seacole  "));
        editor.setProperty("dateOfBirth", QStringLiteral("1990-04-21"));
        editor.setProperty("fitzpatrick", 5);
        editor.setProperty("notes", QStringLiteral("Sensitive to fragrance"));
        editor.setProperty("inClinicDisplay", 0);
        editor.setProperty("publication", 1);
        const qint64 id = editor.save();
        QVERIFY2(id > 0, qPrintable(editor.error()));
        QVERIFY(editor.error().isEmpty());

        // As stored: trimmed name, the details, and three consent answers.
        auto client = f_.session->vault()->clients().get(core::ClientId{id});
        QVERIFY(client.ok());
        QCOMPARE(QString::fromStdString(client->display_name), QStringLiteral("Mary Seacole"));
        QCOMPARE(client->fitzpatrick.value_or(0), 5);
        QVERIFY(client->date_of_birth.has_value());

        // The client page shows them as chips: yes, no, yes (by use).
        ui::ClientPageController detail;
        detail.setVaultSession(f_.session.get());
        detail.setClientId(id);
        QVERIFY(detail.found());
        QCOMPARE(detail.age(), 36);
        const auto chips = detail.consents();
        QCOMPARE(chips.size(), 3);
        QCOMPARE(chips.at(0).toMap().value("use").toString(), QStringLiteral("medical_record"));
        QCOMPARE(chips.at(0).toMap().value("answer").toString(), QStringLiteral("granted"));
        QCOMPARE(chips.at(1).toMap().value("answer").toString(), QStringLiteral("withheld"));
        QCOMPARE(chips.at(2).toMap().value("answer").toString(), QStringLiteral("granted"));
        QVERIFY(!chips.at(2).toMap().value("recordedOn").toString().isEmpty());

        // Changing one is recorded and shows at once.
        QCOMPARE(detail.setConsent(QStringLiteral("publication"), false), QString());
        QCOMPARE(detail.consents().at(2).toMap().value("answer").toString(),
                 QStringLiteral("withheld"));
        QVERIFY(!detail.setConsent(QStringLiteral("billboards"), true).isEmpty());
    }

    void unaskedConsentStaysUnasked() {
        ui::NewClientPageController editor;
        editor.setVaultSession(f_.session.get());
        editor.setProperty("name", QStringLiteral("Not Asked"));
        const qint64 id = editor.save();
        QVERIFY2(id > 0, qPrintable(editor.error()));
        ui::ClientPageController detail;
        detail.setVaultSession(f_.session.get());
        detail.setClientId(id);
        QCOMPARE(detail.consents().at(0).toMap().value("answer").toString(),
                 QStringLiteral("granted")); // the record: asked first, yes unless changed
        QCOMPARE(detail.consents().at(1).toMap().value("answer").toString(),
                 QStringLiteral("not asked"));
        QCOMPARE(detail.consents().at(2).toMap().value("answer").toString(),
                 QStringLiteral("not asked"));
    }

    void refusesBadInputAndStoresNothing() {
        const int before = client_count();
        ui::NewClientPageController editor;
        editor.setVaultSession(f_.session.get());
        editor.setProperty("name", QStringLiteral("   "));
        QCOMPARE(editor.save(), 0);
        QVERIFY(editor.error().contains(QStringLiteral("name"), Qt::CaseInsensitive));

        editor.setProperty("name", QStringLiteral("Bad Date"));
        editor.setProperty("dateOfBirth", QStringLiteral("21/04/1990"));
        QCOMPARE(editor.save(), 0);
        QVERIFY2(editor.error().contains(QStringLiteral("year-month-day")),
                 qPrintable(editor.error()));

        editor.setProperty("dateOfBirth", QStringLiteral("2030-01-01"));
        QCOMPARE(editor.save(), 0);
        QVERIFY2(editor.error().contains(QStringLiteral("future")), qPrintable(editor.error()));
        QCOMPARE(client_count(), before);
    }

    void reviewerIsRefusedByStorage() {
        f_.session->lock();
        f_.session->unlock("rita", reviewer_passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
        const int before = client_count();
        ui::NewClientPageController editor;
        editor.setVaultSession(f_.session.get());
        editor.setProperty("name", QStringLiteral("Should Not Exist"));
        editor.setProperty("publication", 1);
        QCOMPARE(editor.save(), 0);
        QVERIFY2(editor.error().contains(QStringLiteral("not allowed")),
                 qPrintable(editor.error()));
        QCOMPARE(client_count(), before);
    }
};

QTEST_GUILESS_MAIN(ClientEditorTests)
#include "client_editor_tests.moc"
