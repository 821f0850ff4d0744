#pragma once
// Sign-off from the Reviews page: mark a session reviewed with a comment, or return it to its
// practitioner with a finding. Storage decides who may (ReviewStore); `canSignOff` only hides
// the buttons from roles that never may. A refusal's message stays in `error`, with the
// session it was about, for the dialog to show where it happened.

#include "common/session_bound.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class SignOffActions : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool canSignOff READ canSignOff NOTIFY vaultSessionChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(qint64 errorSessionId READ errorSessionId NOTIFY errorChanged)
    /// The longest comment or finding storage keeps, in characters.
    Q_PROPERTY(int noteLimit READ noteLimit CONSTANT)

public:
    explicit SignOffActions(QObject* parent = nullptr);

    [[nodiscard]] bool canSignOff() const;
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] qint64 errorSessionId() const { return error_session_; }
    [[nodiscard]] static int noteLimit();

    Q_INVOKABLE bool signOff(qint64 sessionId, const QString& comment);
    Q_INVOKABLE bool returnSession(qint64 sessionId, const QString& finding);
    Q_INVOKABLE void clearError();

signals:
    void errorChanged();

private:
    bool step(qint64 sessionId, bool reviewed, const QString& text);
    QString error_;
    qint64 error_session_ = 0;
};

} // namespace punctum::ui
