// The reviewer's and the administrator's adapters over a real demo vault: the audit trail and
// sessions-under-review models under QAbstractItemModelTester, the chain banner, accounts,
// the passphrase meter, opening another vault, and long tasks that stop when cancelled.

#include "common/vault_session.h"
#include "recovery/log_recovery_page_controller.h"
#include "reviews/audit_chain_check.h"
#include "reviews/audit_trail_model.h"
#include "reviews/cohort_model.h"
#include "reviews/export_tasks.h"
#include "reviews/session_review_model.h"
#include "session_fixture.h"
#include "settings/account_list_model.h"
#include "vault/passphrase_meter.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

namespace {
constexpr int clients = 24;
constexpr const char* passphrase = "review model tests passphrase";

// The last taskDone(kind, ok, message) a spy saw.
QVariantList last_done(const QSignalSpy& spy) {
    return spy.isEmpty() ? QVariantList{} : spy.constLast();
}
} // namespace

class ReviewModelTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;

    storage::Vault& vault() { return *f_.session->vault(); }

    void fetchAll(QAbstractListModel& model) {
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
    }

private slots:
    void initTestCase() {
        storage::NewVault options;
        options.display_name = "Dr Test";
        f_.open(
            passphrase,
            [&](storage::Vault& v) {
                const auto today = core::date_of(f_.clock.now());
                for (int i = 0; i < clients; ++i) {
                    QVERIFY(storage::add_demo_client(v, core::demo_client(5, i, today)));
                }
                // Review notes: more than a page of audit events, and a database big enough for the
                // backup to report progress (and so be cancellable) before it ends.
                auto first = v.sessions().of_client(core::ClientId{1});
                QVERIFY(first && !first->empty());
                const auto session = first->front().id;
                QVERIFY(v.batch([&]() -> storage::StorageResult<void> {
                             for (int i = 0; i < 3000; ++i) {
                                 if (auto r = v.sessions().add_review_note(
                                         session, std::string(200, 'x') + std::to_string(i));
                                     !r) {
                                     return r.failure();
                                 }
                             }
                             return {};
                         }).ok());
            },
            options);
    }

    void cleanupTestCase() { f_.close(); }

    void auditTrailFiltersByActionClientAndDate() {
        ui::AuditTrailModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.totalCount() > clients);
        QVERIFY(model.error().isEmpty());

        model.setAction("client.add");
        QCOMPARE(model.totalCount(), clients);
        fetchAll(model);
        QCOMPARE(model.rowCount(), clients);
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto i = model.index(r);
            QCOMPARE(model.data(i, ui::AuditTrailModel::ActionWordsRole).toString(),
                     QStringLiteral("Added a client"));
            QCOMPARE(model.data(i, ui::AuditTrailModel::AccountRole).toString(),
                     QStringLiteral("Dr Test"));
            QVERIFY(!model.data(i, ui::AuditTrailModel::ClientRole).toString().isEmpty());
            QVERIFY(
                model.data(i, ui::AuditTrailModel::ObjectRole).toString().startsWith("client:"));
        }
        // Newest first.
        QVERIFY(model.data(model.index(0), ui::AuditTrailModel::SeqRole).toLongLong() >
                model.data(model.index(1), ui::AuditTrailModel::SeqRole).toLongLong());

        // One client's events: every row is about them, and there are more than their add.
        const auto client =
            model.data(model.index(0), ui::AuditTrailModel::ClientIdRole).toLongLong();
        model.setAction("");
        model.setClientId(client);
        fetchAll(model);
        QVERIFY(model.rowCount() > 1);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.data(model.index(r), ui::AuditTrailModel::ClientIdRole).toLongLong(),
                     client);
        }
        // A family of actions, and the known actions for the filter in plain words.
        model.setClientId(0);
        model.setAction("flag");
        storage::AuditFilter family;
        family.action = "flag";
        const auto flags = vault().audit().count(family);
        QVERIFY(flags);
        QCOMPARE(model.totalCount(), static_cast<int>(*flags));
        bool dismissed = false;
        for (const auto& a : ui::AuditTrailModel::actions()) {
            const auto m = a.toMap();
            dismissed |= m["key"] == "flag.dismissed" && m["label"] == "Dismissed a flag";
        }
        QVERIFY(dismissed);

        // Dates: the future holds nothing; a malformed date says how to write it.
        model.setAction("");
        model.setFrom("2099-01-01");
        QCOMPARE(model.totalCount(), 0);
        QCOMPARE(model.rowCount(), 0);
        model.setFrom("yesterday");
        QVERIFY(!model.error().isEmpty());
        model.setFrom("2026-11-24");
        model.setTo("2026-11-24");
        QVERIFY(model.error().isEmpty());
        QVERIFY(model.totalCount() > 0);
    }

    void chainBannerSaysIntact() {
        ui::AuditChainCheck check;
        check.setVaultSession(f_.session.get());
        QCOMPARE(check.state(), QStringLiteral("unchecked"));
        check.verify();
        QCOMPARE(check.state(), QStringLiteral("checking"));
        QVERIFY(f_.session->busy()); // the vault is the worker's until the check ends
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        QCOMPARE(check.state(), QStringLiteral("intact"));
        const auto events = vault().audit().count({});
        QVERIFY(events);
        QVERIFY2(check.message().contains(QString::number(*events)), qPrintable(check.message()));
        QVERIFY(check.message().startsWith("The audit trail is intact"));
    }

    // The check above left the reader's checkpoint at the head: the next walks only what
    // came after it, and says from when and how long it took.
    void chainBannerResumesFromCheckpoint() {
        ui::AuditChainCheck check;
        check.setVaultSession(f_.session.get());
        check.verify();
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        QCOMPARE(check.state(), QStringLiteral("intact"));
        QVERIFY2(check.message().contains("new events since the checkpoint of"),
                 qPrintable(check.message()));
        QVERIFY2(check.message().contains(" s)."), qPrintable(check.message()));
    }

    void sessionsUnderReviewWithOutcomes() {
        ui::SessionReviewModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto all = vault().reviews().count({});
        QVERIFY(all);
        QCOMPARE(model.totalCount(), static_cast<int>(*all));
        QVERIFY(model.totalCount() >= clients);
        fetchAll(model);
        QCOMPARE(model.rowCount(), model.totalCount());
        const QStringList words{"No check-ins yet", "Within the expected course",
                                "Went beyond the expected course", "Urgent flag raised"};
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto i = model.index(r);
            QVERIFY(
                words.contains(model.data(i, ui::SessionReviewModel::OutcomeWordsRole).toString()));
            QVERIFY(model.data(i, ui::SessionReviewModel::SessionIdRole).toLongLong() > 0);
            QVERIFY(!model.data(i, ui::SessionReviewModel::ClientRole).toString().isEmpty());
            const auto severity = model.data(i, ui::SessionReviewModel::SeverityRole).toString();
            const auto outcome = model.data(i, ui::SessionReviewModel::OutcomeRole).toString();
            QCOMPARE(severity == "urgent", outcome == "urgent");
        }

        model.setWithFlagsOnly(true);
        fetchAll(model);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY(model.data(model.index(r), ui::SessionReviewModel::FlagsRole).toString() !=
                    "No flags");
        }
        model.setOpenFlagsOnly(true);
        fetchAll(model);
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY(model.data(model.index(r), ui::SessionReviewModel::OpenRole).toInt() > 0);
        }
        model.setFrom("2026-12-01");
        QCOMPARE(model.totalCount(), 0);
        model.setTo("2026-11-01");
        QVERIFY(!model.error().isEmpty()); // the last day before the first
    }

    // Issue 14 item 2: the cohort tab's groups, in words, with their curves; the same
    // sessions as storage's report, and a malformed date said in plain words.
    void cohortStatisticsByGroup() {
        ui::CohortModel model;
        model.setVaultSession(f_.session.get());
        QCOMPARE(model.groups().size(), 1);
        const auto all = model.groups().front().toMap();
        QCOMPARE(all["title"].toString(), QStringLiteral("All sessions"));
        const auto sessions = vault().reviews().count({});
        QVERIFY(sessions);
        QCOMPARE(all["sessions"].toLongLong(), *sessions);
        const auto redness = all["redness"].toMap();
        QVERIFY(redness["median"].toString().startsWith("Median"));
        QVERIFY(redness["expected"].toString().startsWith("The norms in force expect it by day"));
        const auto curve = redness["curve"].toList();
        QVERIFY(curve.size() >= 2);
        QCOMPARE(curve.front().toMap()["survival"].toDouble(), 1.0); // nobody settled on day 0
        for (int i = 1; i < curve.size(); ++i) {                     // a survival curve never rises
            QVERIFY(curve[i].toMap()["survival"].toDouble() <=
                    curve[i - 1].toMap()["survival"].toDouble());
        }
        QVERIFY(all["flagged"].toString().contains("had a watch or urgent flag"));

        model.setBy("depth");
        QVERIFY(model.groups().size() >= 2);
        qint64 total = 0;
        for (const auto& g : model.groups()) {
            const auto group = g.toMap();
            QVERIFY(group["title"].toString().endsWith(" mm"));
            QCOMPARE(group["small"].toBool(), group["sessions"].toInt() < 10);
            total += group["sessions"].toLongLong();
        }
        QCOMPARE(total, *sessions);

        model.setFrom("March");
        QVERIFY(model.error().contains("should read like 2026-03-03"));
        QVERIFY(model.groups().isEmpty());
        model.setFrom("2030-01-01");
        QVERIFY(model.error().isEmpty());
        QVERIFY(model.groups().isEmpty()); // the page then says how to widen the range
    }

    // The Reviews page's Export dialog: a CSV and a FHIR bundle land where chosen, the task
    // ends with what was written, and an unknown kind starts nothing.
    void exportsFromTheReviewsPage() {
        ui::ExportTasks tasks;
        tasks.setVaultSession(f_.session.get());
        QVERIFY(tasks.suggestedFile("sessions").toLocalFile().endsWith(".csv"));
        QVERIFY(tasks.suggestedFile("fhir").toLocalFile().endsWith(".json"));
        QTemporaryDir dir;
        QSignalSpy done(f_.session.get(), &ui::VaultSession::taskDone);
        QVERIFY(!tasks.exportTo("clients", QUrl::fromLocalFile(dir.filePath("x.csv"))));

        const QString csv = dir.filePath("sessions.csv");
        QVERIFY(tasks.exportTo("sessions", QUrl::fromLocalFile(csv)));
        QVERIFY(f_.session->task()->waitUntilDone(60000));
        QCOMPARE(last_done(done).value(0).toString(), QStringLiteral("export"));
        QVERIFY2(last_done(done).value(1).toBool(),
                 qPrintable(last_done(done).value(2).toString()));
        QVERIFY(last_done(done).value(2).toString().startsWith("Saved "));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("session_id,client_id,treated_on,practitioner"));

        const QString json = dir.filePath("bundle.json");
        QVERIFY(tasks.exportTo("fhir", QUrl::fromLocalFile(json)));
        QVERIFY(f_.session->task()->waitUntilDone(60000));
        QVERIFY2(last_done(done).value(1).toBool(),
                 qPrintable(last_done(done).value(2).toString()));
        QVERIFY(last_done(done).value(2).toString().contains("FHIR resources"));
        QVERIFY(QFile::exists(json));
    }

    void passphraseMeterAndRefusals() {
        ui::PassphraseMeter meter;
        const auto weak = meter.assess("password1");
        QCOMPARE(weak["score"].toInt(), 0);
        QVERIFY(!weak["acceptable"].toBool());
        QVERIFY(weak["advice"].toString().contains("most common"));
        const auto strong = meter.assess("lantern otter gravel mosaic");
        QCOMPARE(strong["level"].toString(), QStringLiteral("Strong"));
        QVERIFY(strong["acceptable"].toBool());
        QVERIFY(ui::VaultSession::weakPassphraseReason("lantern otter gravel mosaic").isEmpty());
        QVERIFY(ui::VaultSession::weakPassphraseReason("short1!").contains("Too short"));
    }

    void accountsAddAndRemove() {
        ui::AccountListModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), ui::AccountListModel::NameRole).toString(), "admin");
        QVERIFY(model.data(model.index(0), ui::AccountListModel::IsMeRole).toBool());
        QCOMPARE(model.data(model.index(0), ui::AccountListModel::RoleWordRole).toString(),
                 "Administrator");

        model.add("rae", "Rae Reviewer", "reviewer", "qwerty123");
        QVERIFY(model.error().contains("too easy to guess"));
        QVERIFY(!f_.session->busy()); // refused before any work started
        QCOMPARE(model.rowCount(), 1);

        QSignalSpy added(&model, &ui::AccountListModel::added);
        model.add("rae", "Rae Reviewer", "reviewer", "lantern otter gravel mosaic");
        QVERIFY(f_.session->waitUntilIdle(30000));
        QCOMPARE(added.count(), 1);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(model.rowCount(), 2);

        // Storage's refusal comes back next to the form: the same name twice.
        model.add("rae", "Rae Again", "reviewer", "lantern otter gravel mosaic");
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY(!model.error().isEmpty());

        model.remove("admin"); // yourself: refused by storage
        QVERIFY(!model.error().isEmpty());
        QVERIFY(!model.rotationAdvised());
        model.remove("rae");
        QVERIFY(model.error().isEmpty());
        QVERIFY(model.rotationAdvised());
        QCOMPARE(model.rowCount(), 1);
    }

    void cancelledBackupLeavesNoFile() {
        const QString file = f_.dir.filePath("cancelled.backup");
        QSignalSpy done(f_.session.get(), &ui::VaultSession::taskDone);
        f_.session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*f_.session).backUpTo(QUrl::fromLocalFile(file));
        QVERIFY(f_.session->busy());
        QTRY_VERIFY_WITH_TIMEOUT(f_.session->task()->hasReported(), 30000);
        f_.session->task()->cancel();
        QVERIFY(f_.session->task()->cancelling());
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        f_.session->task()->holdAtFirstReportForTests(false);
        QCOMPARE(last_done(done).value(0).toString(), QStringLiteral("backup"));
        QVERIFY2(!last_done(done).value(1).toBool(),
                 qPrintable(last_done(done).value(2).toString()));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!f_.session->busy());

        // Not cancelled: the file is there and says where it went.
        test::tasks_of(*f_.session).backUpTo(QUrl::fromLocalFile(file));
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        QVERIFY2(last_done(done).value(1).toBool(),
                 qPrintable(last_done(done).value(2).toString()));
        QVERIFY(QFile::exists(file));
        QVERIFY(last_done(done).value(2).toString().contains("cancelled.backup"));
    }

    void cancelledReassessStopsPartWay() {
        QSignalSpy done(f_.session.get(), &ui::VaultSession::taskDone);
        QSignalSpy progressed(f_.session->task(), &ui::LongTask::progressChanged);
        f_.session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*f_.session).reassessAll();
        QTRY_VERIFY_WITH_TIMEOUT(f_.session->task()->hasReported(), 30000);
        QTRY_VERIFY(f_.session->task()->progress() >= 0.0);
        const double at_cancel = f_.session->task()->progress();
        QVERIFY(at_cancel < 1.0);
        f_.session->task()->cancel();
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        f_.session->task()->holdAtFirstReportForTests(false);
        QCOMPARE(last_done(done).value(0).toString(), QStringLiteral("reassess"));
        QVERIFY(!last_done(done).value(1).toBool()); // storage said cancelled
        QVERIFY(!f_.session->busy());
        QVERIFY(progressed.count() > 0);

        test::tasks_of(*f_.session).reassessAll();
        QVERIFY(f_.session->task()->waitUntilDone(60000));
        QVERIFY2(last_done(done).value(1).toBool(),
                 qPrintable(last_done(done).value(2).toString()));
        QVERIFY(last_done(done).value(2).toString().contains("sessions re-evaluated"));
    }

    void lockWaitsForTheTask() {
        f_.session->task()->holdAtFirstReportForTests(true);
        test::tasks_of(*f_.session).reassessAll();
        QTRY_VERIFY_WITH_TIMEOUT(f_.session->task()->hasReported(), 30000);
        f_.session->lock(); // refused: the worker holds the vault
        QVERIFY(f_.session->unlocked());
        f_.session->task()->cancel();
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        f_.session->task()->holdAtFirstReportForTests(false);
    }

    void logRecoveryForAPastDayButNotTheFuture() {
        // A session treated at least three days ago.
        const auto today = core::date_of(f_.clock.now());
        auto sessions = vault().reviews().sessions({}, 500, 0);
        QVERIFY(sessions);
        const auto older = std::find_if(sessions->begin(), sessions->end(), [&](const auto& s) {
            return core::days_between(s.treated_on, today) >= 3;
        });
        QVERIFY(older != sessions->end());
        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(older->session_id.value);
        QVERIFY(log.observedOnError().isEmpty()); // today
        QCOMPARE(log.observedDay(), core::days_between(older->treated_on, today));

        log.setObservedOn(log.isoDaysAgo(-1));
        QVERIFY(log.observedOnError().contains("has not happened yet"));
        QVERIFY(!log.save({{"erythema", 1}}, "", "clinician"));
        QCOMPARE(log.error(), log.observedOnError());

        const auto before = std::chrono::sys_days{older->treated_on} - std::chrono::days{1};
        log.setObservedOn(QString::fromStdString(core::format_date(core::Date{before})));
        QVERIFY(log.observedOnError().contains("before the treatment"));
        QCOMPARE(log.observedDay(), -1);
        log.setObservedOn("24/11/2026");
        QVERIFY(log.observedOnError().startsWith("Write the day like"));

        log.setObservedOn(log.isoDaysAgo(1));
        QVERIFY(log.observedOnError().isEmpty());
        QCOMPARE(log.observedDay(), core::days_between(older->treated_on, today) - 1);
        QVERIFY2(log.save({{"erythema", 1}}, "", "clinician"), qPrintable(log.error()));
        QVERIFY2(log.waitUntilSaved(), qPrintable(log.error()));
        auto entries = vault().sessions().entries(older->session_id);
        QVERIFY(entries);
        const auto yesterday = core::Date{std::chrono::sys_days{today} - std::chrono::days{1}};
        QVERIFY(std::any_of(entries->begin(), entries->end(),
                            [&](const auto& e) { return e.observed_on == yesterday; }));
    }

    void demoDataStopsWhenCancelledAndTheVaultIsKept() {
        ui::VaultSession other(f_.clock);
        other.setKdf(storage::KdfParams::minimum_for_tests());
        other.setVaultPath(f_.dir.filePath("demo"));
        QSignalSpy created(&other, &ui::VaultSession::recoveryKeyChanged);
        QSignalSpy done(&other, &ui::VaultSession::taskDone);

        test::folders_of(other).createVault("clinic", "admin", "Dr Demo", "password", 5);
        QVERIFY(other.error().contains("too easy to guess")); // refused, with the reason
        QVERIFY(!other.busy());

        other.task()->holdAtFirstReportForTests(true);
        test::folders_of(other).createVault("clinic", "admin", "Dr Demo",
                                            "lantern otter gravel mosaic", 5);
        QTRY_VERIFY_WITH_TIMEOUT(other.task()->hasReported(), 30000);
        QVERIFY(other.task()->status().contains("of 5 demo clients"));
        other.task()->cancel();
        QVERIFY(other.task()->waitUntilDone(30000));
        QCOMPARE(created.count(), 1); // the recovery key is still shown
        QVERIFY(other.hasRecoveryKey());
        QVERIFY(other.unlocked());
        QVERIFY(last_done(done).value(2).toString().startsWith("Stopped after 0 of 5"));
        auto count = other.vault()->clients().count("");
        QVERIFY(count);
        QCOMPARE(*count, 0);
        other.lock();

        // Another folder: a vault opens; a folder of other files is refused in plain words.
        QVERIFY(!test::folders_of(other).openVaultFolder(QUrl::fromLocalFile(f_.dir.path())));
        QVERIFY(other.error().contains("is not a Punctum vault"));
        QVERIFY(
            test::folders_of(other).openVaultFolder(QUrl::fromLocalFile(f_.dir.filePath("vault"))));
        QVERIFY(other.error().isEmpty());
        QCOMPARE(other.vaultKind(), QStringLiteral("clinic"));
        const auto info = ui::VaultFolders::describeFolder(QUrl::fromLocalFile(f_.dir.path()));
        QVERIFY(!info["isVault"].toBool());
        QVERIFY(info["target"].toString().endsWith("Punctum vault"));
    }

    // Last: it rolls the fixture vault back. A vault.db replaced by an older copy of itself
    // is named above every page, as the command line prints it.
    void aRolledBackVaultWarnsInTheApp() {
        f_.session->lock();
        QVERIFY(f_.session->waitUntilIdle(30000));
        const auto db = f_.dir.filePath("vault/vault.db");
        const auto older = f_.dir.filePath("older.db");
        QVERIFY(QFile::copy(db, older));
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
        QVERIFY(f_.session->auditWarning().isEmpty());
        core::Client later;
        later.display_name = "Added after the copy";
        QVERIFY(vault().clients().add(later));
        f_.session->lock();
        QVERIFY(f_.session->waitUntilIdle(30000));
        QFile::remove(db + "-wal");
        QFile::remove(db + "-shm");
        QVERIFY(QFile::remove(db));
        QVERIFY(QFile::copy(older, db));
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
        QVERIFY2(f_.session->auditWarning().contains("older copy"),
                 qPrintable(f_.session->auditWarning()));
    }
};

QTEST_MAIN(ReviewModelTests)
#include "review_model_tests.moc"
