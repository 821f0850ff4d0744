// The first slice end to end: punctum-cli creates a vault (a real SQLCipher file keyed
// through Argon2id), adds a client, a session and a recovery entry, and exits; the desktop
// app then unlocks the same vault with the passphrase and shows all three in its QML
// pages; punctum-cli reads them back too.

#include "app/qml_modules.h"
#include "common/vault_session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>

PUNCTUM_IMPORT_QML_MODULES()

namespace {

constexpr const char* passphrase = "slice test passphrase";

QByteArray cli(const QStringList& args, int expected_exit = 0) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PUNCTUM_PASSPHRASE", passphrase);
    p.setProcessEnvironment(env);
    p.start(PUNCTUM_CLI_PATH, args);
    if (!p.waitForFinished(60000)) {
        qWarning() << "punctum-cli timed out:" << args;
        return {};
    }
    if (p.exitCode() != expected_exit) {
        qWarning() << "punctum-cli" << args << "exited" << p.exitCode() << p.readAllStandardError();
        return {};
    }
    return p.readAllStandardOutput();
}

// Every visible text in the window's item tree, to check what a person would read.
QStringList texts(QQuickItem* root) {
    QStringList out;
    if (root == nullptr || !root->isVisible()) {
        return out;
    }
    const QVariant text = root->property("text");
    if (text.isValid() && !text.toString().isEmpty()) {
        out << text.toString();
    }
    for (auto* child : root->childItems()) {
        out << texts(child);
    }
    return out;
}

void settle() {
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(10);
    }
}

} // namespace

class SliceTest : public QObject {
    Q_OBJECT

private slots:
    void clientSessionAndEntryReachTheScreen() {
        QQuickStyle::setStyle("Material");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString vault = dir.filePath("clinic");

        QVERIFY(!cli({"vault", "init", "--vault", vault, "--kdf", "interactive"}).isEmpty());
        QVERIFY(!cli({"client", "add", "--vault", vault, "--name", "Ada Lovelace", "--fitzpatrick",
                      "2"})
                     .isEmpty());
        // The clinic screens the client on the day, then records the session it cleared.
        QFile input(dir.filePath("screening.json"));
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write(R"({"date": "2026-11-20", "depth_mm": 1.5})");
        input.close();
        const auto screened = QJsonDocument::fromJson(cli(
            {"screening", "add", "--vault", vault, "--client", "1", "--json", input.fileName()}));
        const auto screening = QString::number(screened.object().value("id").toInteger());
        QVERIFY(screening.toLongLong() > 0);
        QVERIFY(!cli({"session", "add", "--vault", vault, "--client", "1", "--date", "2026-11-20",
                      "--device", "SkinPen", "--area", "cheeks:1.5:3", "--screening", screening})
                     .isEmpty());
        QVERIFY(!cli({"entry", "add", "--vault", vault, "--session", "1", "--date", "2026-11-21",
                      "--erythema", "2", "--edema", "1", "--note", "a little warm"})
                     .isEmpty());

        // No plaintext: the database does not start with SQLite's header, and the name is
        // nowhere in the folder's files.
        QFile db(vault + "/vault.db");
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray bytes = db.readAll();
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("Lovelace"));

        punctum::core::SystemClock clock;
        punctum::ui::VaultSession session(clock);
        punctum::ui::VaultSession::setInstance(&session);
        session.setVaultPath(vault);

        QQmlApplicationEngine engine;
        punctum::ui::load_main_window(engine);
        QCOMPARE(engine.rootObjects().size(), 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QVERIFY(window);
        settle();
        QVERIFY2(texts(window->contentItem()).contains("The clinic vault is locked."),
                 qPrintable(texts(window->contentItem()).join(" | ")));

        session.unlock("admin", passphrase);
        QVERIFY(session.waitUntilIdle(30000));
        QVERIFY2(session.unlocked(), qPrintable(session.error()));
        settle();

        // A clinic account lands on "Needs attention"; this recovery raised no flag.
        auto* queue =
            qobject_cast<QAbstractListModel*>(window->findChild<QObject*>("flagQueueModel"));
        QVERIFY(queue);
        QCOMPARE(queue->rowCount(), 0);
        QVERIFY(texts(window->contentItem()).contains("Nothing needs attention"));
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, "clients"),
                                  Q_ARG(QVariant, QVariantMap{}));
        settle();

        auto* list = window->findChild<QObject*>("clientListModel");
        QVERIFY(list);
        auto* model = qobject_cast<QAbstractListModel*>(list);
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(texts(window->contentItem()).contains("Ada Lovelace"));

        const QVariantMap args{{"clientId", 1}};
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, "client"),
                                  Q_ARG(QVariant, args));
        settle();
        auto* timeline = window->findChild<QQuickItem*>("sessionTimeline");
        QVERIFY(timeline);
        QCOMPARE(timeline->property("count").toInt(), 1);
        const QStringList shown = texts(window->contentItem());
        QVERIFY2(shown.contains("Fri 20 Nov"), qPrintable(shown.join(" | ")));
        QVERIFY2(shown.contains("SkinPen \u00b7 cheeks 1.5 mm \u00d7 3 passes"),
                 qPrintable(shown.join(" | ")));
        QVERIFY2(shown.contains("Redness 2, Swelling 1 \u2014 a little warm"),
                 qPrintable(shown.join(" | ")));
        QVERIFY(shown.contains("Day 1"));

        // Ctrl+L locks, from anywhere, and the unlock page comes back.
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
        settle();
        QVERIFY(!session.unlocked());
        QVERIFY(texts(window->contentItem()).contains("The clinic vault is locked."));

        // The same records through the command line, after the app closed the vault.
        const auto json =
            QJsonDocument::fromJson(cli({"client", "show", "--vault", vault, "1"})).object();
        QCOMPARE(json["name"].toString(), QString("Ada Lovelace"));
        const auto sessions = json["sessions"].toArray();
        QCOMPARE(sessions.size(), 1);
        const auto entries = sessions[0].toObject()["entries"].toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].toObject()["scores"].toObject()["erythema"].toInt(), 2);
        QVERIFY(entries[0].toObject()["scores"].toObject()["pain"].isNull()); // unknown, not 0
        punctum::ui::VaultSession::setInstance(nullptr);
    }
};

QTEST_MAIN(SliceTest)
#include "slice_test.moc"
