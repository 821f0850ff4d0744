#pragma once
// The client list, fetched a page at a time as the view scrolls, so a vault of 10k
// clients opens at once.

#include "punctum/storage/client_store.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class ClientListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)

public:
    enum Role {
        ClientIdRole = Qt::UserRole + 1,
        NameRole,
        FitzpatrickRole,
        SessionCountRole,
        LastTreatedRole,
    };
    Q_ENUM(Role)

    explicit ClientListModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    [[nodiscard]] QString search() const { return search_; }
    void setSearch(const QString& search);
    [[nodiscard]] int totalCount() const { return total_; }

    static constexpr int page_size = 100;

public slots:
    /// Starts again from the first page (after a write or a lock).
    void reload();

signals:
    void searchChanged();
    void totalCountChanged();

private:
    /// The page after the rows already loaded; empty when locked or at the end.
    [[nodiscard]] std::vector<storage::ClientSummary> next_page() const;

    std::vector<storage::ClientSummary> rows_;
    QString search_;
    int total_ = 0;
    bool resetting_ = false;
    bool fetching_ = false;
};

} // namespace punctum::ui
