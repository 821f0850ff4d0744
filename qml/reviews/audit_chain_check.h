#pragma once
// The banner at the top of the audit trail: recomputes the MAC and signature of every event
// after the reader's last signed checkpoint (all of them when there is none) off the UI
// thread (a long task with progress and Cancel) and says whether the chain is intact or which
// event is the first bad one, what was walked and how long it took.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class AuditChainCheck : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// "unchecked" | "checking" | "intact" | "broken" | "failed" (could not check)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    explicit AuditChainCheck(QObject* parent = nullptr);
    [[nodiscard]] QString state() const { return state_; }
    [[nodiscard]] QString message() const { return message_; }

    /// Starts verifying; nothing happens while another task runs.
    Q_INVOKABLE void verify();

signals:
    void changed();

private:
    void set(const QString& state, const QString& message);
    QString state_ = QStringLiteral("unchecked");
    QString message_;
};

} // namespace punctum::ui
