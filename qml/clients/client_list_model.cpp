#include "clients/client_list_model.h"

#include "common/display_text.h"
#include "common/vault_session.h"

namespace punctum::ui {

ClientListModel::ClientListModel(QObject* parent) : PagedRows(parent) {
    reload();
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = row_at(index);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(row.display_name);
    case ClientIdRole:
        return QVariant::fromValue(row.id.value);
    case FitzpatrickRole:
        return row.fitzpatrick ? QVariant(*row.fitzpatrick) : QVariant();
    case SessionCountRole:
        return row.session_count;
    case LastTreatedRole: {
        if (!row.last_treated_on) {
            return QString();
        }
        return list_date(*row.last_treated_on, today());
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ClientListModel::roleNames() const {
    return {{ClientIdRole, "clientId"},
            {NameRole, "name"},
            {FitzpatrickRole, "fitzpatrick"},
            {SessionCountRole, "sessionCount"},
            {LastTreatedRole, "lastTreated"}};
}

std::vector<storage::ClientSummary> ClientListModel::page_at(int offset) const {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return {};
    }
    auto page = session->vault()->clients().list(search_.toStdString(), offset, page_size);
    return page ? std::move(page.value()) : std::vector<storage::ClientSummary>{};
}

void ClientListModel::setSearch(const QString& search) {
    if (search == search_) {
        return;
    }
    search_ = search;
    emit searchChanged();
    reload();
}

int ClientListModel::count_rows() {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return 0;
    }
    auto count = session->vault()->clients().count(search_.toStdString());
    return count ? *count : 0;
}

} // namespace punctum::ui
