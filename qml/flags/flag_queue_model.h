#pragma once
// The "needs attention" queue: open and acknowledged flags across clients, most urgent
// first, fetched a page at a time (FlagStore::needing_attention).

#include "common/paged_list_model.h"
#include "flags/flag_rows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class FlagQueueModel : public PagedRows<storage::StoredFlag> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int urgentCount READ urgentCount NOTIFY totalCountChanged)

public:
    explicit FlagQueueModel(QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Urgent flags among those loaded (urgent come first, so the first page has them all
    /// unless there are more than a page of them).
    [[nodiscard]] int urgentCount() const;

    static constexpr int page_size = 50;

private:
    [[nodiscard]] int count_rows() override;
    [[nodiscard]] std::vector<storage::StoredFlag> page_at(int offset) const override;
};

/// A session's flags, open and closed, by day: the session page's care cards.
class SessionFlagModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY loaded)

public:
    explicit SessionFlagModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] int openCount() const;

public slots:
    void reload() override;

signals:
    void sessionIdChanged();
    void loaded();

private:
    qint64 session_id_ = 0;
    std::vector<storage::StoredFlag> rows_;
};

} // namespace punctum::ui
