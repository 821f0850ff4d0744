#pragma once
// A QGuiApplication for a process without a window (the command line, tests), made only
// when a report is drawn so that every other command stays free of Qt at run time. Uses the
// offscreen platform unless QT_QPA_PLATFORM already names one. Qt-free header.

#include <memory>

namespace punctum::reports {

/// Makes a QGuiApplication if the process has none, and destroys it again at the end of
/// its scope; does nothing where one exists (the app).
class HeadlessGui {
public:
    HeadlessGui();
    ~HeadlessGui();
    HeadlessGui(const HeadlessGui&) = delete;
    HeadlessGui& operator=(const HeadlessGui&) = delete;

private:
    struct App;
    std::unique_ptr<App> app_;
};

} // namespace punctum::reports
