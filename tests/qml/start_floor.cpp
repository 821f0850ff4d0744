// The start-up floor for punctum_ui_scale_bench (issue 13 item 7): a bare Qt Quick window
// (Window and one Text, no controls, no style), linking Qt Quick alone, drawn the way the
// bench draws (offscreen, software). Prints the milliseconds from process start to its first
// frame swapped, and the CPU milliseconds used by then: what any Qt Quick app pays here.

#include "start_time.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQmlApplicationEngine engine;
    punctum::bench::StartPoint shown;
    punctum::bench::on_first_frame_with(engine, QStringLiteral("floorText"),
                                        [&](punctum::bench::StartPoint at) {
                                            shown = at;
                                            QCoreApplication::exit(0);
                                        });
    engine.loadData("import QtQuick\nWindow { width: 1200; height: 800; visible: true\n"
                    "  Text { objectName: \"floorText\"; anchors.centerIn: parent;"
                    " text: \"Punctum\" } }\n");
    QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(1); });
    if (QGuiApplication::exec() != 0) {
        return 1;
    }
    std::printf("%.1f %.1f\n", shown.wall_ms, shown.cpu_ms);
    return 0;
}
