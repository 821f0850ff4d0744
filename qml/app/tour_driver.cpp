#include "app/tour_driver.h"

#include "app/qml_message_log.h"
#include "common/vault_session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QThread>
#include <utility>

namespace punctum::ui {

namespace {

// An item by object name anywhere under `root`, Repeater delegates included.
QObject* find_object(QObject* root, const QString& name) {
    if (root == nullptr) {
        return nullptr;
    }
    if (root->objectName() == name) {
        return root;
    }
    if (auto* item = qobject_cast<QQuickItem*>(root)) {
        for (auto* child : item->childItems()) {
            if (auto* found = find_object(child, name)) {
                return found;
            }
        }
    }
    for (auto* child : root->children()) {
        if (auto* found = find_object(child, name)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace

TourDriver::TourDriver(QQuickWindow& window, VaultSession& session, QmlMessageLog& log,
                       TourResult& result, QString temp_dir, QString screenshot_dir)
    : window_(window), session_(session), log_(log), result_(result),
      temp_dir_(std::move(temp_dir)), screenshot_dir_(std::move(screenshot_dir)) {
    folders_.setVaultSession(&session);
    tasks_.setVaultSession(&session);
}

void TourDriver::settle(int ms) {
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

QString TourDriver::tempPath(const QString& name) const {
    return temp_dir_ + QLatin1Char('/') + name; // as QTemporaryDir::filePath() spells it
}

void TourDriver::problem(const QString& text) {
    result_.problems << text;
}

void TourDriver::show(const QString& page, const QVariantMap& args) {
    QMetaObject::invokeMethod(&window_, "showPage", Q_ARG(QVariant, page),
                              Q_ARG(QVariant, QVariant(args)));
}

void TourDriver::setTheme(const QString& theme) {
    QMetaObject::invokeMethod(&window_, "setTheme", Q_ARG(QVariant, theme));
}

QObject* TourDriver::object(const QString& name) {
    QObject* found = find_object(window_.contentItem(), name);
    if (found == nullptr) {
        problem(QStringLiteral("no control named %1").arg(name));
    }
    return found;
}

void TourDriver::set(const QString& name, const char* property, const QVariant& value) {
    if (auto* o = object(name)) {
        o->setProperty(property, value);
    }
}

void TourDriver::click(const QString& name) {
    if (auto* o = object(name)) {
        QMetaObject::invokeMethod(o, "clicked");
    }
    settle(100);
}

void TourDriver::invoke(const QString& name, const char* method) {
    QMetaObject::invokeMethod(object(name), method);
}

QVariantMap TourDriver::sessionArgs() const {
    return {{QStringLiteral("sessionId"), demo.session},
            {QStringLiteral("clientId"), demo.client},
            {QStringLiteral("from"), QStringLiteral("clients")}};
}

QVariantMap TourDriver::photoArgs() const {
    return {{QStringLiteral("sessionId"), demo.photo_session},
            {QStringLiteral("from"), QStringLiteral("clients")},
            {QStringLiteral("back"), QStringLiteral("session")}};
}

QString TourDriver::currentPage() const {
    auto* loader = window_.findChild<QQuickItem*>(QStringLiteral("pageLoader"));
    if (loader == nullptr) {
        return {};
    }
    auto* item = loader->property("item").value<QQuickItem*>();
    return item != nullptr ? item->objectName() : QString();
}

void TourDriver::visit(const QString& name, const QString& expected_page) {
    settle();
    result_.pages << name;
    for (const auto& message : log_.take()) {
        problem(QStringLiteral("%1: %2").arg(name, message));
    }
    const QString shown = currentPage();
    if (shown != expected_page) {
        problem(QStringLiteral("%1: expected %2 but the window shows '%3'")
                    .arg(name, expected_page, shown));
    }
    if (!screenshot_dir_.isEmpty()) {
        const QImage image = window_.grabWindow();
        const QString file = QDir(screenshot_dir_).filePath(name + QStringLiteral(".png"));
        if (image.isNull() || !image.save(file)) {
            problem(QStringLiteral("%1: could not save a screenshot").arg(name));
        } else {
            result_.pngs << file;
        }
    }
}

void TourDriver::saveLogEntry() {
    if (auto* page = object(QStringLiteral("logRecoveryPage"))) {
        QMetaObject::invokeMethod(page, "save");
    }
    for (QDeadlineTimer deadline(30000); !deadline.hasExpired();) {
        auto* log = object(QStringLiteral("recoveryLog"));
        if (log == nullptr || !log->property("saving").toBool()) {
            break;
        }
        settle(20);
    }
}

} // namespace punctum::ui
