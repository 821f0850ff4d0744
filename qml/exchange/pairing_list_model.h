#pragma once
// The care plans issued for one session (clinic side), newest first: when and by whom, the
// pairing code (to read out again if the patient lost it), and whether the patient's app has
// paired and sent reports (ExchangeStore::pairings).

#include "common/session_bound.h"
#include "punctum/storage/exchange_store.h"

#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class PairingListModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY countChanged)

public:
    enum Role {
        PlanIdRole = Qt::UserRole + 1,
        PairingCodeRole,
        IssuedRole,  ///< "Tue 3 Dec, 14:05 by Dr Test"
        PairedRole,  ///< bool
        StateRole,   ///< "Waiting for the first report" / "Paired: 2 reports, last Tue 3 Dec"
        ReportsRole, ///< reports imported
    };
    Q_ENUM(Role)

    explicit PairingListModel(QObject* parent = nullptr) : VaultListModel(parent) {}

    [[nodiscard]] qint64 sessionId() const { return session_; }
    void setSessionId(qint64 id);
    [[nodiscard]] QString error() const { return error_; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionIdChanged();
    void countChanged();

protected:
    void reload() override;

private:
    qint64 session_ = 0;
    std::vector<storage::PairingInfo> rows_;
    QString error_;
};

} // namespace punctum::ui
