#pragma once
// Start-up time for the benchmarks (issue 13 item 7): milliseconds since the kernel started
// this process, and the first frame swapped with a given object in the window.

#include <QObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QUrl>

#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace punctum::bench {

/// Milliseconds since the kernel started this process: starttime (field 22 of
/// /proc/self/stat, clock ticks since boot) against CLOCK_BOOTTIME. A tick is 10 ms here, so
/// the figure is good to 10 ms; it counts what happens before main() (loading libraries).
inline double ms_since_process_start() {
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    // Field 2 (the command) is in parentheses and may hold spaces: count from after it.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    const double started_s = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - started_s) *
           1000.0;
}

/// CPU milliseconds (user and system, all threads) this process has used so far: steadier
/// than the wall clock on a machine shared with other work.
inline double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/// When a frame was shown: since process start (wall) and CPU used until then.
struct StartPoint {
    double wall_ms = -1;
    double cpu_ms = -1;
};

inline QObject* find_object(QObject* root, const QString& name) {
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

/// Calls `shown` with the StartPoint of the first frame swapped while an object
/// named `name` is in the engine's window. Connect before loading. The software render loop
/// (offscreen) swaps on the GUI thread, so the scene may be walked from the signal.
inline void on_first_frame_with(QQmlApplicationEngine& engine, const QString& name,
                                std::function<void(StartPoint)> shown) {
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &engine,
                     [name, shown = std::move(shown)](QObject* root, const QUrl&) {
                         auto* window = qobject_cast<QQuickWindow*>(root);
                         if (window == nullptr) {
                             return;
                         }
                         auto done = std::make_shared<bool>(false);
                         QObject::connect(
                             window, &QQuickWindow::frameSwapped, window,
                             [window, name, shown, done] {
                                 if (!*done && find_object(window->contentItem(), name)) {
                                     *done = true;
                                     shown(StartPoint{ms_since_process_start(), cpu_ms()});
                                 }
                             },
                             Qt::DirectConnection);
                     });
}

} // namespace punctum::bench
