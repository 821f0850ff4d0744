#pragma once
// Collects QML warnings and errors while installed, so a page that logs any fails the tour.

#include <QStringList>

namespace punctum::ui {

class QmlMessageLog {
public:
    QmlMessageLog();
    ~QmlMessageLog();
    QmlMessageLog(const QmlMessageLog&) = delete;
    QmlMessageLog& operator=(const QmlMessageLog&) = delete;

    [[nodiscard]] QStringList take();
};

} // namespace punctum::ui
