#pragma once
// The audit trail for a reviewer: who did what to which record and when, newest first,
// fetched a page at a time as the table scrolls (a busy clinic writes millions of events),
// filtered by account, client, action and date range. Storage needs Action::read_audit.

#include "punctum/storage/audit_store.h"

#include "common/paged_list_model.h"

#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class AuditTrailModel : public PagedRows<storage::AuditEvent> {
    Q_OBJECT
    QML_ELEMENT
    /// An account name; empty for every account.
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY filterChanged)
    /// An action or a family ("flag"); empty for every action.
    Q_PROPERTY(QString action READ action WRITE setAction NOTIFY filterChanged)
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY filterChanged)
    /// First and last day, "YYYY-MM-DD"; empty for open-ended. A malformed date sets `error`.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
    Q_PROPERTY(QString error READ error NOTIFY totalCountChanged)
    /// The action filter's choices: [{key: "flag.dismissed", label: "Dismissed a flag"}, ...].
    Q_PROPERTY(QVariantList actions READ actions CONSTANT)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,
        TimeRole,        ///< "Tue 3 Mar 14:05" (local time)
        AccountRole,     ///< display name, or the login name
        ActionRole,      ///< storage's name, "flag.dismissed"
        ActionWordsRole, ///< "Dismissed a flag"
        ObjectRole,      ///< "flag:12"
        ClientRole,      ///< the client's name, empty when none
        ClientIdRole,
    };
    Q_ENUM(Role)

    explicit AuditTrailModel(QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString account() const { return account_; }
    void setAccount(const QString& account);
    [[nodiscard]] QString action() const { return action_; }
    void setAction(const QString& action);
    [[nodiscard]] qint64 clientId() const { return client_id_; }
    void setClientId(qint64 id);
    [[nodiscard]] QString from() const { return from_; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return to_; }
    void setTo(const QString& to);
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] static QVariantList actions();

    static constexpr int page_size = 100;

signals:
    void filterChanged();

private:
    [[nodiscard]] bool may_read() const override;
    [[nodiscard]] int count_rows() override;
    [[nodiscard]] std::vector<storage::AuditEvent> page_at(int offset) const override;

    storage::AuditFilter filter_;
    QString account_, action_, from_, to_, error_;
    qint64 client_id_ = 0;
    bool valid_ = false;
};

} // namespace punctum::ui
