// Closing the app (destroying its VaultSession) while a long task runs: the task is cancelled
// or waited for, never left running on a closed vault. Each test starts a backup, a
// re-evaluation or an audit check, closes the session in the middle, and then finds the vault
// opens again, passes its integrity check and its audit chain verifies. Before the worker was
// joined, the session closed the vault while the worker was still in SQLite: a crash, or a
// half-written backup copy left behind (and a data race under ThreadSanitizer).

#include "common/vault_session.h"
#include "session_fixture.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

namespace {
constexpr const char* passphrase = "close during task passphrase";
} // namespace

class CloseDuringTaskTests : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QTemporaryDir state_; // the audit head's second copy ($XDG_STATE_HOME), never the user's
    core::FixedClock clock_{std::chrono::sys_days{
        core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}}}};

    QString folder() const { return dir_.filePath("vault"); }

    std::unique_ptr<ui::VaultSession> openSession() {
        auto session = std::make_unique<ui::VaultSession>(clock_);
        session->setKdf(storage::KdfParams::minimum_for_tests());
        ui::VaultSession::setInstance(session.get());
        session->setVaultPath(folder());
        session->unlock("admin", passphrase);
        if (!session->waitUntilIdle(30000) || !session->unlocked()) {
            qWarning("unlock failed: %s", qPrintable(session->error()));
            return nullptr;
        }
        return session;
    }

    void close(std::unique_ptr<ui::VaultSession>& session) {
        ui::VaultSession::setInstance(nullptr);
        session.reset(); // what main() does when the window closes
    }

    // The vault opens (its lock was released), is whole, and its history verifies.
    void verifyVaultIsWhole() {
        auto opened = storage::Vault::open(folder().toStdString(), "admin",
                                           storage::SecureBytes::from(passphrase), clock_);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        auto check = opened.value()->check();
        QVERIFY2(check, check ? "" : check.error().message.c_str());
        const std::string problem =
            check->integrity_problems.empty() ? std::string() : check->integrity_problems.front();
        QVERIFY2(check->integrity_problems.empty(), problem.c_str());
        QVERIFY2(check->audit.ok, check->audit.message.c_str());
        auto stats = opened.value()->stats();
        QVERIFY(stats);
        QVERIFY(stats->sessions > 0);
    }

    // No backup file nor its temporary copy: a cancelled backup leaves nothing.
    void verifyNoBackupLeft(const QString& file) {
        QVERIFY2(!QFile::exists(file), qPrintable(file));
        QVERIFY2(!QFile::exists(file + ".db.tmp"), qPrintable(file + ".db.tmp"));
        const QStringList left =
            QDir(dir_.path()).entryList({QStringLiteral("*.backup*")}, QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(state_.isValid());
        qputenv("XDG_STATE_HOME", state_.path().toUtf8());
        storage::NewVault options;
        options.kdf = storage::KdfParams::minimum_for_tests();
        auto created = storage::Vault::create(
            folder().toStdString(), storage::SecureBytes::from(passphrase), options, clock_);
        QVERIFY2(created, created ? "" : created.error().message.c_str());
        const auto today = core::date_of(clock_.now());
        for (int i = 0; i < 12; ++i) {
            QVERIFY(storage::add_demo_client(*created->vault, core::demo_client(9, i, today)));
        }
        // A database big enough that a backup reports progress before it ends.
        auto first = created->vault->sessions().of_client(core::ClientId{1});
        QVERIFY(first && !first->empty());
        const auto session = first->front().id;
        QVERIFY(created->vault
                    ->batch([&]() -> storage::StorageResult<void> {
                        for (int i = 0; i < 2000; ++i) {
                            if (auto r = created->vault->sessions().add_review_note(
                                    session, std::string(200, 'x') + std::to_string(i));
                                !r) {
                                return r.failure();
                            }
                        }
                        return {};
                    })
                    .ok());
    }

    void closingDuringABackupCancelsItAndLeavesNoFile() {
        auto session = openSession();
        QVERIFY(session);
        const QString file = dir_.filePath("closing.backup");
        session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*session).backUpTo(QUrl::fromLocalFile(file));
        QVERIFY(session->busy());
        // Held inside the export, in SQLite, with the connection in use.
        QTRY_VERIFY_WITH_TIMEOUT(session->task()->hasReported(), 30000);
        close(session);
        verifyNoBackupLeft(file);
        verifyVaultIsWhole();
    }

    void closingDuringAReevaluationStopsItBetweenBatches() {
        auto session = openSession();
        QVERIFY(session);
        session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*session).reassessAll();
        QTRY_VERIFY_WITH_TIMEOUT(session->task()->hasReported(), 30000);
        close(session);
        verifyVaultIsWhole();
    }

    void closingRightAfterStartingRacesNothing() {
        // No hold: the worker is wherever it is when the window closes (opening its
        // transaction, in the middle of a batch, committing). Repeated to meet it in
        // different places.
        for (int round = 0; round < 6; ++round) {
            auto session = openSession();
            QVERIFY(session);
            switch (round % 3) {
            case 0:
                test::tasks_of(*session).reassessAll();
                break;
            case 1:
                test::tasks_of(*session).backUpTo(
                    QUrl::fromLocalFile(dir_.filePath("racing.backup")));
                break;
            default:
                QVERIFY(session->runOnVault(
                    QStringLiteral("audit.verify"), QStringLiteral("Verifying"),
                    [](storage::Vault& vault,
                       const core::Progress& progress) -> storage::StorageResult<QString> {
                        auto report = vault.audit().verify(progress);
                        if (!report) {
                            return report.failure();
                        }
                        return QString::fromStdString(report->message);
                    }));
                break;
            }
            QVERIFY(session->busy());
            if (round >= 3) {
                QTest::qWait(5 * round); // a little way in
            }
            close(session);
            verifyVaultIsWhole();
            QFile::remove(dir_.filePath("racing.backup")); // a backup may have finished first
            QVERIFY(!QFile::exists(dir_.filePath("racing.backup.db.tmp")));
        }
    }

    void lockingOrSwitchingDuringATaskWaitsForIt() {
        auto session = openSession();
        QVERIFY(session);
        session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*session).reassessAll();
        QTRY_VERIFY_WITH_TIMEOUT(session->task()->hasReported(), 30000);
        session->lock(); // refused: the worker holds the vault
        QVERIFY(session->unlocked());
        session->setVaultPath(dir_.filePath("elsewhere")); // refused too
        QCOMPARE(session->vaultPath(), folder());
        QVERIFY(session->unlocked());
        session->task()->cancel();
        QVERIFY(session->task()->waitUntilDone(30000));
        session->task()->holdAtFirstReportForTests(false);
        session->lock();
        QVERIFY(!session->unlocked());
        close(session);
        verifyVaultIsWhole();
    }

    void closingDuringAnUnlockWaitsForIt() {
        auto session = std::make_unique<ui::VaultSession>(clock_);
        session->setKdf(storage::KdfParams::minimum_for_tests());
        session->setVaultPath(folder());
        session->unlock("admin", passphrase);
        QVERIFY(session->busy());
        close(session); // the opened vault is dropped with the unlock's result
        verifyVaultIsWhole();
    }
};

QTEST_MAIN(CloseDuringTaskTests)
#include "close_during_task_tests.moc"
