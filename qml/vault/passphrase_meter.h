#pragma once
// The passphrase meter the create, add-account and change-passphrase forms show while a
// passphrase is typed. The estimate itself is core's (core/security/passphrase_strength);
// this only carries it to QML. The typed text arrives as a QString (Qt offers no other way);
// its UTF-8 copy is wiped after use and nothing is kept.

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class PassphraseMeter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit PassphraseMeter(QObject* parent = nullptr) : QObject(parent) {}

    /// {score: 0..4, level: "Good", advice: one sentence, acceptable: bool, minimum: 3}.
    Q_INVOKABLE QVariantMap assess(const QString& passphrase) const;
};

} // namespace punctum::ui
