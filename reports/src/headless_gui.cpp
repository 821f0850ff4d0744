#include "punctum/reports/headless_gui.h"

#include <QGuiApplication>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace punctum::reports {

struct HeadlessGui::App {
    // QGuiApplication keeps references to argc and argv for its whole life.
    int argc = 1;
    char name[8] = "punctum";
    char* argv[2] = {name, nullptr};
    QGuiApplication app{argc, argv};
};

namespace {

QtMessageHandler previous = nullptr;

// A command-line run has no session runtime folder, and Qt says so on every start; that
// says nothing about the report, so only that line is dropped.
void quiet(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))) {
        return;
    }
    if (previous != nullptr) {
        previous(type, context, message);
    } else {
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    }
}

} // namespace

HeadlessGui::HeadlessGui() {
    if (QGuiApplication::instance() != nullptr) {
        return;
    }
    // No display is needed to lay out text and paint a PDF; don't override a caller's choice.
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    previous = qInstallMessageHandler(quiet);
    app_ = std::make_unique<App>();
}

HeadlessGui::~HeadlessGui() {
    if (app_) {
        app_.reset();
        qInstallMessageHandler(previous);
    }
}

} // namespace punctum::reports
