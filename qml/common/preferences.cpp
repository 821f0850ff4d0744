#include "common/preferences.h"

#include <QSettings>

namespace punctum::ui {

Preferences::Preferences(QObject* parent) : QObject(parent) {
    theme_ = QSettings().value(QStringLiteral("theme"), QStringLiteral("system")).toString();
    if (theme_ != QStringLiteral("light") && theme_ != QStringLiteral("dark")) {
        theme_ = QStringLiteral("system");
    }
}

void Preferences::setTheme(const QString& theme) {
    if (theme == theme_) {
        return;
    }
    theme_ = theme;
    QSettings().setValue(QStringLiteral("theme"), theme);
    emit themeChanged();
}

} // namespace punctum::ui
