#pragma once
// Sessions a reviewer returned to the signed-in practitioner, whose finding they have not
// yet addressed: the top of their Needs attention. Marking one addressed (with an optional
// reply) takes it off the list and back to the reviewers; storage checks it is theirs.

#include "punctum/storage/review_store.h"

#include "common/session_bound.h"

#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class ReturnedSessionsModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(qint64 errorSessionId READ errorSessionId NOTIFY errorChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        ClientIdRole,
        ClientRole,
        TreatedOnRole, ///< "Tue 3 Mar"
        FindingRole,
        ReturnedByRole,
        ReturnedOnRole, ///< "Tue 3 Mar"
    };
    Q_ENUM(Role)

    explicit ReturnedSessionsModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] qint64 errorSessionId() const { return error_session_; }

    /// The finding is dealt with; `reply` (optional) says how.
    Q_INVOKABLE bool markAddressed(qint64 sessionId, const QString& reply);

public slots:
    void reload() override;

signals:
    void loaded();
    void errorChanged();

private:
    std::vector<storage::ReturnedSession> rows_;
    QString error_;
    qint64 error_session_ = 0;
};

} // namespace punctum::ui
