#pragma once
// Moves a flag along its life: acknowledge, resolve (with an optional note), dismiss (with
// a required reason). Storage decides who may; a refusal's message is kept in `error` for
// the page to show next to the flag.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class FlagActions : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(qint64 errorFlagId READ errorFlagId NOTIFY errorChanged)
    /// What the signed-in role may do; QML hides the rest (storage still checks).
    Q_PROPERTY(bool canAcknowledge READ canAcknowledge NOTIFY vaultSessionChanged)
    Q_PROPERTY(bool canSettle READ canSettle NOTIFY vaultSessionChanged)

public:
    explicit FlagActions(QObject* parent = nullptr);

    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] qint64 errorFlagId() const { return error_flag_; }
    [[nodiscard]] bool canAcknowledge() const;
    [[nodiscard]] bool canSettle() const;

    Q_INVOKABLE bool acknowledge(qint64 flagId);
    Q_INVOKABLE bool resolve(qint64 flagId, const QString& note);
    /// Refused here, before storage, when the reason is blank.
    Q_INVOKABLE bool dismiss(qint64 flagId, const QString& reason);
    Q_INVOKABLE void clearError();

signals:
    void errorChanged();

private:
    template <typename Move> bool run(qint64 flagId, Move&& move);
    QString error_;
    qint64 error_flag_ = 0;
};

} // namespace punctum::ui
