#pragma once
// The audit trail for a reviewer: who did what to which record and when, newest first,
// fetched a page at a time as the table scrolls (a busy clinic writes millions of events),
// filtered by account, client, action and date range. Storage needs Action::read_audit.

#include "punctum/storage/audit_store.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class AuditTrailModel : public QAbstractListModel {
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
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
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

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

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
    [[nodiscard]] int totalCount() const { return total_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] static QVariantList actions();

    static constexpr int page_size = 100;

public slots:
    void reload();

signals:
    void filterChanged();
    void totalCountChanged();

private:
    [[nodiscard]] std::vector<storage::AuditEvent> next_page() const;
    /// The filter, or nullopt with `error` set when a date does not parse.
    [[nodiscard]] std::optional<storage::AuditFilter> filter();

    std::vector<storage::AuditEvent> rows_;
    storage::AuditFilter filter_;
    QString account_, action_, from_, to_, error_;
    qint64 client_id_ = 0;
    int total_ = 0;
    bool valid_ = false;
    bool resetting_ = false;
    bool fetching_ = false;
};

} // namespace punctum::ui
