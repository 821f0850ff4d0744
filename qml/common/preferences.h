#pragma once
// Preferences of this computer's user, not of the vault: the theme. Kept with QSettings.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class Preferences : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// "system" | "light" | "dark"
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)

public:
    explicit Preferences(QObject* parent = nullptr);
    [[nodiscard]] QString theme() const { return theme_; }
    void setTheme(const QString& theme);

signals:
    void themeChanged();

private:
    QString theme_;
};

} // namespace punctum::ui
