// The flag, session and recovery adapters over a real demo vault: the needs-attention queue
// and a session's flags under QAbstractItemModelTester, the flag moves and their refusals,
// the chart data, a logged entry's flags, and a new session from screening to signing.

#include "clients/session_list_model.h"
#include "common/vault_session.h"
#include "flags/flag_actions.h"
#include "flags/flag_queue_model.h"
#include "recovery/log_recovery_page_controller.h"
#include "recovery/recovery_chart_data.h"
#include "session_fixture.h"
#include "sessions/new_session_page_controller.h"
#include "sessions/session_page_controller.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

using namespace punctum;

class FlagModelTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;

    static constexpr const char* passphrase = "flag model tests passphrase";

    storage::Vault& vault() { return *f_.session->vault(); }

private slots:
    void initTestCase() {
        storage::NewVault options;
        options.display_name = "Dr Test";
        f_.open(
            passphrase,
            [&](storage::Vault& v) {
                const auto today = core::date_of(f_.clock.now());
                // Enough clients for more than one page of open flags.
                for (int i = 0; i < 120; ++i) {
                    QVERIFY(storage::add_demo_client(v, core::demo_client(3, i, today)));
                }
            },
            options);
    }

    void cleanupTestCase() { f_.close(); }

    void queuePagesAreStable() {
        // Storage's pages, read one after another, hold every flag exactly once.
        const auto total = vault().flags().count_needing_attention();
        QVERIFY(total);
        std::set<std::int64_t> seen;
        int rows = 0;
        for (int offset = 0; offset < *total + 100; offset += 50) {
            auto page = vault().flags().needing_attention(50, offset);
            QVERIFY(page);
            for (const auto& f : *page) {
                ++rows;
                QVERIFY2(
                    seen.insert(f.id).second,
                    qPrintable(QStringLiteral("flag %1 twice, at row %2").arg(f.id).arg(rows)));
            }
        }
        QCOMPARE(static_cast<std::int64_t>(rows), *total);
    }

    void queuePagesInMostUrgentFirst() {
        ui::FlagQueueModel model;
        model.setVaultSession(f_.session.get());
        const auto total = vault().flags().count_needing_attention();
        QVERIFY(total);
        QCOMPARE(model.totalCount(), static_cast<int>(*total));
        QVERIFY2(model.totalCount() > ui::FlagQueueModel::page_size,
                 "the demo should raise more than a page of flags");
        // Only the first page is read until a view asks for more.
        QCOMPARE(model.rowCount(), ui::FlagQueueModel::page_size);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), model.totalCount());
        auto rank = [](const QString& s) { return s == "urgent" ? 2 : s == "watch" ? 1 : 0; };
        for (int r = 1; r < model.rowCount(); ++r) {
            QVERIFY(rank(model.data(model.index(r - 1), ui::SeverityRole).toString()) >=
                    rank(model.data(model.index(r), ui::SeverityRole).toString()));
        }
        const auto first = model.index(0);
        QVERIFY(!model.data(first, ui::ClientNameRole).toString().isEmpty());
        QVERIFY(!model.data(first, ui::MessageRole).toString().isEmpty());
        QVERIFY(!model.data(first, ui::SourceRole).toString().isEmpty());
        QVERIFY(model.data(first, ui::ProfileRole).toString().contains(' '));
        QCOMPARE(model.data(first, ui::SeverityWordRole).toString(), QStringLiteral("Urgent"));
    }

    void movesAFlagAlongAndRefusesABlankDismissal() {
        ui::FlagQueueModel queue;
        queue.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&queue,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = queue.totalCount();
        const auto id = queue.data(queue.index(0), ui::FlagIdRole).toLongLong();
        ui::FlagActions actions;
        actions.setVaultSession(f_.session.get());
        QVERIFY(actions.canAcknowledge());
        QVERIFY(actions.canSettle());
        QVERIFY(actions.acknowledge(id));
        QCOMPARE(vault().flags().get(id)->state, storage::FlagState::acknowledged);
        QCOMPARE(queue.totalCount(), before); // acknowledged flags still need attention

        QVERIFY(!actions.dismiss(id, "   "));
        QCOMPARE(actions.errorFlagId(), id);
        QVERIFY(!actions.error().isEmpty());
        QVERIFY(actions.dismiss(id, "Expected after PRP; seen at follow-up."));
        QVERIFY(actions.error().isEmpty());
        QCOMPARE(queue.totalCount(), before - 1);
        // Storage's own refusal comes through with its message: a dismissed flag stays so.
        QVERIFY(!actions.resolve(id, ""));
        QVERIFY(!actions.error().isEmpty());

        const auto next = queue.data(queue.index(0), ui::FlagIdRole).toLongLong();
        QVERIFY(actions.resolve(next, "Settled by day 9."));
        QCOMPARE(queue.totalCount(), before - 2);
        QCOMPARE(vault().flags().get(next)->reason, std::string("Settled by day 9."));
    }

    void sessionFlagsAndChart() {
        auto top = vault().flags().needing_attention(1, 0);
        QVERIFY(top && !top->empty());
        const qint64 session_id = top->front().session_id.value;

        ui::SessionFlagModel flags;
        flags.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&flags,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        flags.setSessionId(session_id);
        QVERIFY(flags.rowCount() > 0);
        QVERIFY(flags.openCount() > 0);
        for (int r = 1; r < flags.rowCount(); ++r) {
            QVERIFY(flags.data(flags.index(r - 1), ui::DayRole).toInt() <=
                    flags.data(flags.index(r), ui::DayRole).toInt());
        }

        ui::RecoveryChartData chart;
        chart.setVaultSession(f_.session.get());
        chart.setSessionId(session_id);
        QCOMPARE(chart.days(), 15);
        QVERIFY(chart.entryCount() > 0);
        QCOMPARE(chart.flags().size(), flags.rowCount());
        bool redness = false;
        for (const auto& v : chart.series()) {
            const auto s = v.toMap();
            if (s["key"] == "erythema") {
                redness = true;
                QCOMPARE(s["envelope"].toList().size(), 15);
                QVERIFY(s["resolveBy"].toInt() > 0);
            }
            for (const auto& p : s["points"].toList()) {
                const double f = p.toMap()["fraction"].toDouble();
                QVERIFY(f >= 0.0 && f <= 1.0);
                QVERIFY(p.toMap()["words"].toString().startsWith(s["name"].toString()));
            }
        }
        QVERIFY(redness);

        ui::SessionPageController detail;
        detail.setVaultSession(f_.session.get());
        detail.setSessionId(session_id);
        QVERIFY(detail.found());
        QVERIFY(!detail.areas().isEmpty());
        QVERIFY(!detail.clientName().isEmpty());
    }

    void loggingAnEntryReturnsTheFlagsItRaised() {
        auto top = vault().flags().needing_attention(1, 0);
        QVERIFY(top && !top->empty());
        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(top->front().session_id.value);
        QVERIFY(log.day() >= 0);
        QCOMPARE(log.scales().size(), core::symptom_count);
        QVERIFY(!log.save({}, "", "clinician"));
        QVERIFY(!log.error().isEmpty());
        // Pus is a sign of infection on any day: urgent.
        QVERIFY2(
            log.save({{"pus", 1}, {"erythema", 2}}, "Yellow crust on the left cheek.", "clinician"),
            qPrintable(log.error()));
        QVERIFY2(log.waitUntilSaved(), qPrintable(log.error()));
        QVERIFY(log.saved());
        QVERIFY(!log.resultFlags().isEmpty());
        QCOMPARE(log.resultFlags().front().toMap()["severity"].toString(),
                 QStringLiteral("urgent"));
    }

    void newSessionFromScreeningToSigning() {
        auto first = vault().clients().list("", 0, 1);
        QVERIFY(first && !first->empty());
        const qint64 client = first->front().id.value;
        ui::NewSessionPageController flow;
        flow.setVaultSession(f_.session.get());
        flow.setClientId(client);
        QVERIFY(!flow.conditions().isEmpty());
        QCOMPARE(flow.itemLabel("nsaids"), QStringLiteral("NSAIDs (ibuprofen, aspirin)"));
        QVERIFY(!flow.aftercare().isEmpty());

        QVERIFY(flow.screen({"sunburn"}, {}, 1.0));
        QCOMPARE(flow.verdict(), QStringLiteral("defer"));
        QCOMPARE(flow.verdictBand(), QStringLiteral("urgent"));
        QVERIFY(!flow.clearsTreatment());
        QVERIFY(!flow.reasons().isEmpty());
        QVERIFY(!flow.reasons().front().toMap()["source"].toString().isEmpty());
        const QVariantMap treatment{
            {"device", "SkinPen"},
            {"cartridge", "14-pin"},
            {"areas", QVariantList{QVariantMap{{"area", "Face"}, {"depth", 1.0}, {"passes", 2}}}},
            {"products", QVariantList{QVariantMap{{"name", "Serum"}, {"lot", "L1"}}}},
            {"addOns", QVariantList{QVariantMap{{"kind", "prp"}, {"detail", ""}}}},
            {"aftercare", "SPF 30"}};
        // Never screened: storage's gate refuses, and its words reach the page.
        ui::NewSessionPageController unscreened;
        unscreened.setVaultSession(f_.session.get());
        unscreened.setClientId(client);
        const auto sessions_before = vault().stats()->sessions;
        QVERIFY(!unscreened.sign(treatment));
        QVERIFY2(unscreened.error().contains("needs a screening"), qPrintable(unscreened.error()));
        QVERIFY(!flow.sign(treatment)); // not cleared yet
        QVERIFY2(flow.error().contains("written justification"), qPrintable(flow.error()));
        QCOMPARE(vault().stats()->sessions, sessions_before);
        QVERIFY(!flow.overrideVerdict("  "));
        QVERIFY(flow.overrideVerdict("Neck only; face clear."));
        QVERIFY(flow.clearsTreatment());
        QVERIFY2(flow.sign(treatment), qPrintable(flow.error()));
        QVERIFY(flow.sessionId() > 0);

        auto stored = vault().sessions().get(core::SessionId{flow.sessionId()});
        QVERIFY(stored);
        QCOMPARE(stored->products.front().lot_number, std::string("L1"));
        QCOMPARE(stored->add_ons.size(), std::size_t{1});
        auto screenings = vault().screenings().of_client(core::ClientId{client});
        QVERIFY(screenings && !screenings->empty());
        QCOMPARE(screenings->front().session_id.value, flow.sessionId());
        QVERIFY(screenings->front().override_justification.has_value());

        ui::SessionListModel sessions;
        sessions.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&sessions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sessions.setClientId(client);
        QCOMPARE(sessions.data(sessions.index(0), ui::SessionListModel::StatusRole).toString(),
                 QStringLiteral("ok"));
    }

    void aReviewerMaySeeButNotSettle() {
        QVERIFY(vault().accounts().add("rev", "Reviewer", core::Role::reviewer,
                                       storage::SecureBytes::from("reviewer passphrase"),
                                       storage::KdfParams::minimum_for_tests()));
        f_.session->lock();
        f_.session->unlock("rev", "reviewer passphrase");
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
        QVERIFY(!f_.session->may().value("settle_flags").toBool());
        QVERIFY(f_.session->may().value("read_records").toBool());
        ui::FlagActions actions;
        actions.setVaultSession(f_.session.get());
        QVERIFY(!actions.canSettle());
        ui::FlagQueueModel queue;
        queue.setVaultSession(f_.session.get());
        const auto id = queue.data(queue.index(0), ui::FlagIdRole).toLongLong();
        QVERIFY(!actions.dismiss(id, "not mine to dismiss"));
        QVERIFY(!actions.error().isEmpty()); // storage's refusal, shown as is
    }
};

QTEST_MAIN(FlagModelTests)
#include "flag_model_tests.moc"
