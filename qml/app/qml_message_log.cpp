#include "app/qml_message_log.h"

#include <QMutex>
#include <QtGlobal>

namespace punctum::ui {

namespace {
QMutex g_mutex;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

// QML's own diagnostics: from a .qml file, or in a qml/js logging category. Other Qt
// warnings (a missing XDG_RUNTIME_DIR, say) describe the machine, not our pages.
bool from_qml(const QMessageLogContext& context, const QString& message) {
    const QString file = QString::fromUtf8(context.file != nullptr ? context.file : "");
    const QString category = QString::fromUtf8(context.category != nullptr ? context.category : "");
    return file.endsWith(QStringLiteral(".qml")) || category.startsWith(QStringLiteral("qml")) ||
           category.startsWith(QStringLiteral("js")) ||
           category.startsWith(QStringLiteral("qt.qml")) ||
           message.contains(QStringLiteral(".qml")) || message.contains(QStringLiteral("QML"));
}

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type != QtDebugMsg && type != QtInfoMsg && from_qml(context, message)) {
        QMutexLocker lock(&g_mutex);
        g_messages << message;
    }
    if (g_previous != nullptr) {
        g_previous(type, context, message);
    }
}
} // namespace

QmlMessageLog::QmlMessageLog() {
    g_previous = qInstallMessageHandler(collect);
}

QmlMessageLog::~QmlMessageLog() {
    qInstallMessageHandler(g_previous);
}

QStringList QmlMessageLog::take() {
    QMutexLocker lock(&g_mutex);
    QStringList out;
    out.swap(g_messages);
    return out;
}

} // namespace punctum::ui
