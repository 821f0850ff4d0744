#include "page_tour.h"

#include "../adapters/vault_session.h"
#include "qml_message_log.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QThread>
#include <QVariantMap>

namespace punctum::ui {

namespace {

constexpr const char* tour_passphrase = "page tour passphrase";

void settle(int ms = 300) {
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

// The object name of the page the Loader shows now.
QString current_page(QQuickWindow* window) {
    auto* loader = window->findChild<QQuickItem*>(QStringLiteral("pageLoader"));
    if (loader == nullptr) {
        return {};
    }
    auto* item = loader->property("item").value<QQuickItem*>();
    return item != nullptr ? item->objectName() : QString();
}

} // namespace

QStringList tour_pages() {
    return {QStringLiteral("create"),  QStringLiteral("recovery-key"),
            QStringLiteral("clients"), QStringLiteral("client"),
            QStringLiteral("unlock"),  QStringLiteral("unlock-error")};
}

TourResult run_page_tour(const QString& screenshot_dir) {
    TourResult result;
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        result.problems << QStringLiteral("cannot create a temporary directory");
        return result;
    }
    if (!screenshot_dir.isEmpty() && !QDir().mkpath(screenshot_dir)) {
        result.problems << QStringLiteral("cannot create %1").arg(screenshot_dir);
        return result;
    }

    core::SystemClock clock;
    VaultSession session(clock);
    session.setKdf(storage::KdfParams::interactive());
    VaultSession::setInstance(&session);
    session.setVaultPath(tmp.filePath(QStringLiteral("vault")));

    QmlMessageLog log;
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine,
                     [&result](const QList<QQmlError>& errors) {
                         for (const auto& e : errors) {
                             result.problems << e.toString();
                         }
                     });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Punctum/Main.qml")));
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr) {
        result.problems << log.take();
        result.problems << QStringLiteral("Main.qml did not load");
        VaultSession::setInstance(nullptr);
        return result;
    }
    window->resize(1200, 800);

    auto visit = [&](const QString& name, const QString& expected_object) {
        settle();
        result.pages << name;
        for (const auto& message : log.take()) {
            result.problems << QStringLiteral("%1: %2").arg(name, message);
        }
        const QString shown = current_page(window);
        if (shown != expected_object) {
            result.problems << QStringLiteral("%1: expected %2 but the window shows '%3'")
                                   .arg(name, expected_object, shown);
        }
        if (!screenshot_dir.isEmpty()) {
            const QImage image = window->grabWindow();
            const QString file = QDir(screenshot_dir).filePath(name + QStringLiteral(".png"));
            if (image.isNull() || !image.save(file)) {
                result.problems << QStringLiteral("%1: could not save a screenshot").arg(name);
            } else {
                result.pngs << file;
            }
        }
    };
    auto show = [&](const QString& page, const QVariantMap& args = {}) {
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, page),
                                  Q_ARG(QVariant, QVariant(args)));
    };

    visit(QStringLiteral("create"), QStringLiteral("createVaultPage"));

    session.createVault(QStringLiteral("clinic"), QStringLiteral("admin"),
                        QStringLiteral("Dr Sam Okafor"), QString::fromUtf8(tour_passphrase), 24);
    if (!session.waitUntilIdle(120000) || !session.unlocked()) {
        result.problems
            << QStringLiteral("creating the demo vault failed: %1").arg(session.error());
    }
    visit(QStringLiteral("recovery-key"), QStringLiteral("recoveryKeyPage"));

    show(QStringLiteral("clients"));
    visit(QStringLiteral("clients"), QStringLiteral("clientsPage"));

    qint64 client_id = 0;
    if (session.vault() != nullptr) {
        if (auto first = session.vault()->clients().list("", 0, 1); first && !first->empty()) {
            client_id = first->front().id.value;
        }
    }
    show(QStringLiteral("client"), {{QStringLiteral("clientId"), client_id}});
    visit(QStringLiteral("client"), QStringLiteral("clientPage"));

    session.lock();
    visit(QStringLiteral("unlock"), QStringLiteral("unlockPage"));

    session.unlock(QStringLiteral("admin"), QStringLiteral("not the passphrase"));
    session.waitUntilIdle(30000);
    visit(QStringLiteral("unlock-error"), QStringLiteral("unlockPage"));
    if (session.unlocked() || session.error().isEmpty()) {
        result.problems << QStringLiteral("unlock-error: a wrong passphrase was not refused");
    }

    session.unlock(QStringLiteral("admin"), QString::fromUtf8(tour_passphrase));
    session.waitUntilIdle(30000);
    settle();
    if (!session.unlocked() || current_page(window) != QStringLiteral("clientsPage")) {
        result.problems << QStringLiteral(
            "unlock: the right passphrase did not open the clients page");
    }
    result.problems << log.take();

    session.lock();
    delete window;
    VaultSession::setInstance(nullptr);
    result.ok = result.problems.isEmpty();
    return result;
}

} // namespace punctum::ui
