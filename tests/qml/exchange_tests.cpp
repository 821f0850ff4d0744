// Issue 15 in the app: a clinic vault and a patient's personal vault, each in a VaultSession,
// meet only through files, driven through the app's own controllers. The clinic issues a care
// plan (CarePlanTasks), the patient opens it with the code typed loosely
// (CarePlansPageController), checks in (LogRecoveryPageController) and sends a report into
// the outbox, which is the clinic's inbox folder; the running ExchangeInbox imports it, moves
// it to done/, refuses an altered copy into refused/ with its reason, and takes a replay as
// already imported. Every model runs under QAbstractItemModelTester.

#include "exchange/care_plan_list_model.h"
#include "exchange/care_plan_tasks.h"
#include "exchange/care_plans_page_controller.h"
#include "exchange/exchange_inbox.h"
#include "exchange/exchange_settings.h"
#include "exchange/inbox_files.h"
#include "exchange/pairing_list_model.h"
#include "exchange/recent_imports_model.h"
#include "recovery/log_recovery_page_controller.h"
#include "session_fixture.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

namespace {
constexpr const char* clinic_passphrase = "exchange tests clinic passphrase";
constexpr const char* patient_passphrase = "exchange tests patient passphrase";

void write_file(const QString& path, const QByteArray& bytes) {
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
}

QByteArray read_file(const QString& path) {
    QFile in(path);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}
} // namespace

class ExchangeTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture clinic_;
    test::SessionFixture patient_;
    QTemporaryDir shared_; ///< the folder a sync app keeps in step: clinic inbox, patient outbox
    core::SessionId session_;

    [[nodiscard]] QString inbox() const { return shared_.filePath("inbox"); }

private slots:
    void initTestCase() {
        QVERIFY(shared_.isValid());
        QVERIFY(QDir().mkpath(inbox()));
        clinic_.open(clinic_passphrase, [&](storage::Vault& v) {
            QVERIFY(storage::add_demo_client(v, core::demo_client(7, 0, clinic_.today())));
            auto sessions = v.sessions().of_client(core::ClientId{1});
            QVERIFY(sessions && !sessions->empty());
            session_ = sessions->front().id;
        });
        QVERIFY(!QTest::currentTestFailed());
        storage::NewVault personal;
        personal.kind = storage::VaultKind::personal;
        personal.account_name = "me";
        personal.display_name = "Alex Morgan";
        patient_.account = QStringLiteral("me");
        patient_.open(patient_passphrase, {}, personal);
    }

    void reportNamesSkipPartialFiles() {
        using ui::inbox::is_report_name;
        QVERIFY(is_report_name("recovery-2026-11-24T10-12.punctum-report"));
        QVERIFY(!is_report_name(".syncthing.recovery.punctum-report.tmp"));
        QVERIFY(!is_report_name(".~recovery.punctum-report"));
        QVERIFY(!is_report_name("recovery.punctum-report.part"));
        QVERIFY(!is_report_name(".recovery.punctum-report"));
        QVERIFY(!is_report_name("~recovery.punctum-report"));
        QVERIFY(!is_report_name(".punctum-report"));
        QVERIFY(!is_report_name("care.punctum-careplan"));
    }

    void movesNeverOverwrite() {
        QTemporaryDir dir;
        const QString a = dir.filePath("r.punctum-report");
        write_file(a, "one");
        const QString first = ui::inbox::move_into(a, dir.filePath("done"), nullptr);
        QCOMPARE(QFileInfo(first).fileName(), QStringLiteral("r.punctum-report"));
        write_file(a, "two");
        const QString second = ui::inbox::move_into(a, dir.filePath("done"), nullptr);
        QCOMPARE(QFileInfo(second).fileName(), QStringLiteral("r-2.punctum-report"));
        QCOMPARE(read_file(first), QByteArray("one"));
        QVERIFY(ui::inbox::write_reason(second, "why"));
        QVERIFY(QFile::exists(second + ".reason.txt"));
    }

    void recentImportsKeepTheNewest() {
        ui::RecentImportsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < ui::RecentImportsModel::capacity + 3; ++i) {
            ui::RecentImportsModel::Row row;
            row.file = QStringLiteral("%1.punctum-report").arg(i);
            row.outcome = QStringLiteral("imported");
            model.prepend(row);
        }
        QCOMPARE(model.rowCount(), ui::RecentImportsModel::capacity);
        QCOMPARE(model.at(0).file,
                 QStringLiteral("%1.punctum-report").arg(ui::RecentImportsModel::capacity + 2));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void codesAreForgiving() {
        using ui::CarePlansPageController;
        QVERIFY(CarePlansPageController::codeProblem("abcde fghjk").isEmpty());
        QVERIFY(CarePlansPageController::codeProblem(" ABCDE-FGHJK ").isEmpty());
        QVERIFY(!CarePlansPageController::codeProblem("ABCD").isEmpty());
    }

    // Clinic: a care plan for the session, its code, and the session's list of care plans.
    void clinicIssuesACarePlan();
    // Patient: a wrong code is refused with nothing opened; the right one, typed loosely, opens.
    void patientOpensItWithTheCode();
    // Patient checks in (an urgent sign), then sends the report into the outbox while the
    // clinic's inbox runs: imported, moved to done/, the entries in the clinic's session.
    void inboxImportsAReportDroppedIn();
    // An altered copy is refused into refused/ with its reason; a replay changes nothing.
    void alteredCopiesAreRefusedAndReplaysIgnored();

    void cleanupTestCase() {
        clinic_.close();
        patient_.close();
    }

private:
    QString care_plan_file_;
    QString code_;
    ui::ExchangeInbox* inbox_ = nullptr;
    QString imported_;
};

void ExchangeTests::clinicIssuesACarePlan() {
    ui::CarePlanTasks tasks;
    tasks.setVaultSession(clinic_.session.get());
    QVERIFY(tasks.allowed());
    ui::PairingListModel pairings;
    QAbstractItemModelTester tester(&pairings,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    pairings.setVaultSession(clinic_.session.get());
    pairings.setSessionId(session_.value);
    QCOMPARE(pairings.rowCount(), 0);

    // The name lacks the suffix: it is added.
    care_plan_file_ = shared_.filePath("for-alex");
    QVERIFY(tasks.issue(session_.value, QUrl::fromLocalFile(care_plan_file_)));
    QVERIFY(clinic_.session->waitUntilIdle(60000));
    QVERIFY2(!tasks.failed(), qPrintable(tasks.message()));
    care_plan_file_ += ".punctum-careplan";
    QCOMPARE(tasks.savedPath(), care_plan_file_);
    QVERIFY(QFile::exists(care_plan_file_));
    code_ = tasks.pairingCode();
    QCOMPARE(code_.size(), 11); // ABCDE-FGHJK
    QVERIFY(!read_file(care_plan_file_).contains(code_.toUtf8()));

    QCOMPARE(pairings.rowCount(), 1);
    const auto row = pairings.index(0);
    QCOMPARE(row.data(ui::PairingListModel::PairingCodeRole).toString(), code_);
    QCOMPARE(row.data(ui::PairingListModel::PairedRole).toBool(), false);
    QVERIFY(row.data(ui::PairingListModel::IssuedRole).toString().contains("Administrator"));
}

void ExchangeTests::patientOpensItWithTheCode() {
    QVERIFY(!code_.isEmpty());
    ui::CarePlansPageController page;
    page.setVaultSession(patient_.session.get());
    ui::CarePlanListModel plans;
    QAbstractItemModelTester tester(&plans, QAbstractItemModelTester::FailureReportingMode::QtTest);
    plans.setVaultSession(patient_.session.get());
    QCOMPARE(plans.rowCount(), 0);

    // Not a code at all: said at once, nothing started.
    QVERIFY(!page.openCarePlan(QUrl::fromLocalFile(care_plan_file_), "12"));
    QVERIFY(page.openFailed());

    // A well-formed code that is not this one: storage refuses, nothing opened.
    const QString wrong = code_.startsWith('A') ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
    QVERIFY(page.openCarePlan(QUrl::fromLocalFile(care_plan_file_), wrong));
    QVERIFY(patient_.session->waitUntilIdle(60000));
    QVERIFY(page.openFailed());
    QVERIFY(!page.openMessage().isEmpty());
    QCOMPARE(plans.rowCount(), 0);

    const QString typed = code_.toLower().replace('-', ' ');
    QVERIFY(page.openCarePlan(QUrl::fromLocalFile(care_plan_file_), typed));
    QVERIFY(patient_.session->waitUntilIdle(60000));
    QVERIFY2(!page.openFailed(), qPrintable(page.openMessage()));
    QCOMPARE(plans.rowCount(), 1);
    QVERIFY(patient_.session->latestSessionId() > 0);
    QVERIFY(!plans.latest().isEmpty());
}

void ExchangeTests::inboxImportsAReportDroppedIn() {
    // The clinic chooses its inbox; the inbox runs before anything is in it.
    ui::ExchangeSettings clinicFolders;
    clinicFolders.setVaultSession(clinic_.session.get());
    inbox_ = new ui::ExchangeInbox(this);
    inbox_->setSettleInterval(50);
    inbox_->setRescanInterval(300);
    inbox_->setVaultSession(clinic_.session.get());
    QVERIFY(clinicFolders.setInboxFolder(QUrl::fromLocalFile(inbox())));
    QCOMPARE(inbox_->folder(), inbox());
    QVERIFY(inbox_->watching());
    QAbstractItemModelTester tester(inbox_->recent(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto before = clinic_.session->vault()->sessions().entries(session_);
    QVERIFY(before);

    // The patient checks in: pus is a sign of infection.
    ui::LogRecoveryPageController log;
    log.setVaultSession(patient_.session.get());
    log.setSessionId(patient_.session->latestSessionId());
    QVERIFY(log.day() >= 0);
    QVERIFY(log.save({{"erythema", 2}, {"pus", 1}}, "Yellow crust on the cheek", "patient"));
    QVERIFY(log.waitUntilSaved());
    QVERIFY2(log.saved(), qPrintable(log.error()));

    // ... and sends it into the outbox, which a sync app would carry to the clinic's inbox.
    ui::ExchangeSettings patientFolders;
    patientFolders.setVaultSession(patient_.session.get());
    QVERIFY(patientFolders.setOutboxFolder(QUrl::fromLocalFile(inbox())));
    ui::CarePlansPageController page;
    page.setVaultSession(patient_.session.get());
    QCOMPARE(page.outboxFolder(), inbox());
    QSignalSpy notified(inbox_, &ui::ExchangeInbox::notified);
    QVERIFY(page.sendReport(QUrl()));
    QVERIFY(patient_.session->waitUntilIdle(60000));
    QVERIFY2(!page.sendFailed(), qPrintable(page.sendMessage()));
    QVERIFY(page.sendMessage().contains("1 check-in"));

    QTRY_VERIFY_WITH_TIMEOUT(notified.size() == 1, 30000);
    QVERIFY(inbox_->waitUntilIdle(30000));
    QCOMPARE(notified.constFirst().at(0).toString(), QStringLiteral("imported"));
    QVERIFY(notified.constFirst().at(2).toInt() >= 1); // the urgent flag, in Needs attention
    QCOMPARE(inbox_->recent()->rowCount(), 1);
    const auto done =
        QDir(QDir(inbox()).filePath("done")).entryList({"*.punctum-report"}, QDir::Files);
    QCOMPARE(done.size(), 1);
    imported_ = QDir(QDir(inbox()).filePath("done")).filePath(done.constFirst());
    QVERIFY(QDir(inbox()).entryList({"*.punctum-report"}, QDir::Files).isEmpty());

    const auto after = clinic_.session->vault()->sessions().entries(session_);
    QVERIFY(after);
    QCOMPARE(after->size(), before->size() + 1);
    QCOMPARE(after->back().note, std::string("Yellow crust on the cheek"));

    ui::PairingListModel pairings;
    QAbstractItemModelTester pairingTester(&pairings,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    pairings.setVaultSession(clinic_.session.get());
    pairings.setSessionId(session_.value);
    QCOMPARE(pairings.index(0).data(ui::PairingListModel::PairedRole).toBool(), true);
    QCOMPARE(pairings.index(0).data(ui::PairingListModel::ReportsRole).toInt(), 1);
}

void ExchangeTests::alteredCopiesAreRefusedAndReplaysIgnored() {
    QVERIFY(inbox_ != nullptr && !imported_.isEmpty());
    QByteArray bytes = read_file(imported_);
    QVERIFY(bytes.size() > 100);
    const auto entries = clinic_.session->vault()->sessions().entries(session_)->size();

    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    write_file(QDir(inbox()).filePath("altered.punctum-report"), bytes);
    inbox_->scanNow();
    QTRY_VERIFY_WITH_TIMEOUT(inbox_->recent()->rowCount() == 2, 30000);
    QVERIFY(inbox_->waitUntilIdle(30000));
    QCOMPARE(inbox_->recent()->at(0).outcome, QStringLiteral("refused"));
    const QDir refused(QDir(inbox()).filePath("refused"));
    QVERIFY(refused.exists("altered.punctum-report"));
    const QByteArray reason = read_file(refused.filePath("altered.punctum-report.reason.txt"));
    QVERIFY(!reason.trimmed().isEmpty());
    QCOMPARE(clinic_.session->vault()->sessions().entries(session_)->size(), entries);

    // The same report again (a sync app's second copy): nothing changes, and it says so.
    QVERIFY(QFile::copy(imported_, QDir(inbox()).filePath(QFileInfo(imported_).fileName())));
    QTRY_VERIFY_WITH_TIMEOUT(inbox_->recent()->rowCount() == 3, 30000);
    QVERIFY(inbox_->waitUntilIdle(30000));
    QCOMPARE(inbox_->recent()->at(0).outcome, QStringLiteral("already"));
    QCOMPARE(clinic_.session->vault()->sessions().entries(session_)->size(), entries);
    const auto done =
        QDir(QDir(inbox()).filePath("done")).entryList({"*.punctum-report"}, QDir::Files);
    QCOMPARE(done.size(), 2); // kept beside the first, under "-2"

    // A lock forgets what was imported (it names clients) and stops importing.
    clinic_.session->lock();
    QCOMPARE(inbox_->recent()->rowCount(), 0);
}

QTEST_MAIN(ExchangeTests)
#include "exchange_tests.moc"
