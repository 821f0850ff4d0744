#pragma once
// The page tour behind --self-test and --screenshots: builds a temporary demo vault, walks
// the real app through every page (create, recovery key, clients, client, unlock) and
// checks each one rendered with no QML warning; optionally saves one PNG per page.

#include <QString>
#include <QStringList>

class QQmlApplicationEngine;

namespace punctum::ui {

struct TourResult {
    bool ok = false;
    QStringList pages;    ///< pages visited, in order
    QStringList problems; ///< QML warnings and errors, and pages that failed to load
    QStringList pngs;     ///< files written
};

/// Runs the tour. `screenshot_dir` empty: only check. Needs a QGuiApplication.
[[nodiscard]] TourResult run_page_tour(const QString& screenshot_dir);

/// The pages the tour visits, in order; used by tests to check every page is covered.
[[nodiscard]] QStringList tour_pages();

} // namespace punctum::ui
