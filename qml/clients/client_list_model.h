#pragma once
// The client list, fetched a page at a time as the view scrolls, so a vault of 10k
// clients opens at once.

#include "punctum/storage/client_store.h"

#include "common/paged_list_model.h"

#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class ClientListModel : public PagedRows<storage::ClientSummary> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

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

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return search_; }
    void setSearch(const QString& search);

    static constexpr int page_size = 100;

signals:
    void searchChanged();

private:
    [[nodiscard]] int count_rows() override;
    [[nodiscard]] std::vector<storage::ClientSummary> page_at(int offset) const override;

    QString search_;
};

} // namespace punctum::ui
