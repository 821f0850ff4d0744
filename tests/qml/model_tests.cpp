// The QML adapters' list models over a real vault, each under QAbstractItemModelTester.

#include "clients/client_list_model.h"
#include "clients/session_list_model.h"
#include "common/vault_session.h"
#include "recovery/entry_list_model.h"
#include "session_fixture.h"
#include "settings/about_model.h"
#include "vault/recovery_key_text.h"

#include "punctum/core/about/component.h"
#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace punctum;

class ModelTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    int clients_ = 0;

    static constexpr const char* passphrase = "model tests passphrase";

private slots:
    void initTestCase() {
        f_.open(passphrase, [&](storage::Vault& v) {
            // 250 clients: more than two pages of the lazy client list.
            clients_ = 250;
            const auto today = core::date_of(f_.clock.now());
            for (int i = 0; i < clients_; ++i) {
                QVERIFY(storage::add_demo_client(v, core::demo_client(7, i, today)));
            }
        });
    }

    void cleanupTestCase() { f_.close(); }

    void clientListPagesInLazily() {
        ui::ClientListModel model;
        model.setVaultSession(f_.session.get());
        // Only the first page is read until the view asks for more.
        QCOMPARE(model.totalCount(), clients_);
        QCOMPARE(model.rowCount(), ui::ClientListModel::page_size);
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), clients_);
        // Sorted by name, case-insensitively.
        for (int r = 1; r < model.rowCount(); ++r) {
            const auto a = model.data(model.index(r - 1), ui::ClientListModel::NameRole).toString();
            const auto b = model.data(model.index(r), ui::ClientListModel::NameRole).toString();
            QVERIFY2(a.compare(b, Qt::CaseInsensitive) <= 0, qPrintable(a + " > " + b));
        }
    }

    void clientSearchFilters() {
        ui::ClientListModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString first = model.data(model.index(0), ui::ClientListModel::NameRole).toString();
        const QString family = first.section(' ', 1);
        model.setSearch(family.toLower());
        QVERIFY(model.totalCount() > 0);
        QVERIFY(model.totalCount() < clients_);
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY(model.data(model.index(r), ui::ClientListModel::NameRole)
                        .toString()
                        .contains(family, Qt::CaseInsensitive));
        }
        model.setSearch("no such client");
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
    }

    void sessionsAndEntriesOfAClient() {
        ui::ClientListModel clients;
        clients.setVaultSession(f_.session.get());
        const auto id =
            clients.data(clients.index(0), ui::ClientListModel::ClientIdRole).toLongLong();
        const int expected =
            clients.data(clients.index(0), ui::ClientListModel::SessionCountRole).toInt();
        ui::SessionListModel sessions;
        sessions.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&sessions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sessions.setClientId(id);
        QCOMPARE(sessions.rowCount(), expected);
        QVERIFY(expected > 0);
        // Newest first.
        for (int r = 1; r < sessions.rowCount(); ++r) {
            QVERIFY(
                sessions.data(sessions.index(r - 1), ui::SessionListModel::DaysAgoRole).toInt() <=
                sessions.data(sessions.index(r), ui::SessionListModel::DaysAgoRole).toInt());
        }
        const auto session_id =
            sessions
                .data(sessions.index(sessions.rowCount() - 1), ui::SessionListModel::SessionIdRole)
                .toLongLong();
        ui::EntryListModel entries;
        entries.setVaultSession(f_.session.get());
        QAbstractItemModelTester entry_tester(
            &entries, QAbstractItemModelTester::FailureReportingMode::QtTest);
        entries.setSessionId(session_id);
        QVERIFY(entries.rowCount() > 0);
        int previous_day = -1;
        for (int r = 0; r < entries.rowCount(); ++r) {
            const int day = entries.data(entries.index(r), ui::EntryListModel::DayRole).toInt();
            QVERIFY(day >= previous_day);
            QVERIFY(day >= 0);
            previous_day = day;
            QVERIFY(!entries.data(entries.index(r), ui::EntryListModel::SummaryRole)
                         .toString()
                         .isEmpty());
        }
    }

    void lockingEmptiesEveryModel() {
        ui::ClientListModel clients;
        clients.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&clients,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(clients.rowCount() > 0);
        f_.session->lock();
        QCOMPARE(clients.rowCount(), 0);
        QCOMPARE(clients.totalCount(), 0);
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY(f_.session->unlocked());
        QVERIFY(clients.rowCount() >= ui::ClientListModel::page_size);
        QCOMPARE(clients.totalCount(), clients_);
    }

    void autoLockClosesAnIdleVault() {
        QVERIFY(f_.session->unlocked());
        QCOMPARE(f_.session->autoLockMinutes(), ui::VaultSession::default_auto_lock_minutes);
        QSignalSpy locked(f_.session.get(), &ui::VaultSession::autoLocked);
        f_.session->setIdleIntervalForTests(std::chrono::milliseconds(200));
        QVERIFY(locked.wait(5000));
        QVERIFY(!f_.session->unlocked());
        // The setting lives in the vault: changed, it is there after the next unlock.
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        f_.session->setAutoLockMinutes(12);
        f_.session->lock();
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QCOMPARE(f_.session->autoLockMinutes(), 12);
    }

    void wrongPassphraseIsRefusedWithAMessage() {
        f_.session->lock();
        QSignalSpy failed(f_.session.get(), &ui::VaultSession::unlockFailed);
        f_.session->unlock("admin", "not it");
        QVERIFY(f_.session->waitUntilIdle(30000));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!f_.session->unlocked());
        QVERIFY(f_.session->error().contains("passphrase"));
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY(f_.session->unlocked());
    }
    /// Dark pixels `item` draws on white: the ink of the key.
    static int inked_pixels(ui::RecoveryKeyText& item) {
        if (item.implicitHeight() <= 0) {
            return 0;
        }
        QImage image(static_cast<int>(item.width()), static_cast<int>(item.implicitHeight()),
                     QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        item.paint(&painter);
        painter.end();
        int inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                inked += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            }
        }
        return inked;
    }

    // Issue 12: the recovery key can be replaced from the app, is drawn from the session's
    // wiped memory (no QString holds it), and the new key recovers the vault.
    void recoveryKeyIsReplacedShownOnceAndRecovers() {
        QVERIFY(f_.session->unlocked());
        ui::RecoveryKeyText text;
        text.setVaultSession(f_.session.get());
        text.setWidth(900);
        QFont font = text.font();
        font.setPixelSize(20);
        text.setFont(font);
        QCOMPARE(text.groups(), 0); // nothing to show yet
        QCOMPARE(inked_pixels(text), 0);

        QSignalSpy done(f_.session.get(), &ui::VaultSession::taskDone);
        test::tasks_of(*f_.session).replaceRecoveryKey();
        QTRY_VERIFY_WITH_TIMEOUT(f_.session->hasRecoveryKey(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!f_.session->busy(), 30000);
        QVERIFY(!done.isEmpty());
        QCOMPARE(done.last().at(0).toString(), QStringLiteral("recovery-key"));
        QVERIFY(done.last().at(1).toBool());
        const std::string key(f_.session->recoveryKey().view()); // the test's own copy
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$"))
                    .match(QString::fromStdString(key))
                    .hasMatch());

        // Drawn: all eight groups, on one line when wide, on more lines when narrow.
        QCOMPARE(text.groups(), 8);
        const qreal one_line = text.implicitHeight();
        QVERIFY(one_line > 0);
        QVERIFY(inked_pixels(text) > 200);
        text.setWidth(200);
        QVERIFY(text.implicitHeight() >= 2 * one_line);
        QVERIFY(inked_pixels(text) > 200);

        // Once written down it is wiped, and the page has nothing left to draw.
        f_.session->forgetRecoveryKey();
        QVERIFY(!f_.session->hasRecoveryKey());
        QCOMPARE(text.groups(), 0);
        QCOMPARE(inked_pixels(text), 0);

        // The new key recovers the vault (with the fixture's passphrase, so it goes on).
        f_.session->lock();
        auto recovered = storage::Vault::recover(f_.dir.filePath("vault").toStdString(), key,
                                                 "admin", storage::SecureBytes::from(passphrase),
                                                 storage::KdfParams::minimum_for_tests(), f_.clock);
        QVERIFY2(recovered, recovered ? "" : recovered.error().message.c_str());
        recovered->reset();
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY(f_.session->unlocked());
    }

    // Settings' About section: the project version, and each library with a version and a
    // licence, Qt among them (the app links it), the vault's SQLCipher first.
    void aboutListsTheVersionAndEveryLibraryWithItsLicence() {
        ui::AboutModel about;
        QAbstractItemModelTester tester(&about,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(about.version(), QString::fromStdString(core::punctum_version()));
        QVERIFY(about.shippedNorms().contains(QStringLiteral("punctum-default")));
        QVERIFY(about.rowCount() >= 8);
        QCOMPARE(about.index(0).data(ui::AboutModel::NameRole).toString(),
                 QStringLiteral("SQLCipher"));
        QStringList names;
        for (int row = 0; row < about.rowCount(); ++row) {
            const auto i = about.index(row);
            names << i.data(ui::AboutModel::NameRole).toString();
            QVERIFY2(!i.data(ui::AboutModel::VersionRole).toString().isEmpty(),
                     qPrintable(names.last()));
            QVERIFY2(!i.data(ui::AboutModel::LicenceRole).toString().isEmpty(),
                     qPrintable(names.last()));
            QVERIFY2(!i.data(ui::AboutModel::PurposeRole).toString().isEmpty(),
                     qPrintable(names.last()));
        }
        for (const auto* expected : {"SQLite", "libsodium", "OpenCV", "Qt"}) {
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        }
    }
};

QTEST_MAIN(ModelTests)
#include "model_tests.moc"
