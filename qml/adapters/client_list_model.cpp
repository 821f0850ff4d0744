#include "client_list_model.h"

#include "display_text.h"
#include "vault_session.h"

#include <iterator>

namespace punctum::ui {

ClientListModel::ClientListModel(QObject* parent) : QAbstractListModel(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &ClientListModel::reload);
    }
    reload();
}

int ClientListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = rows_.at(static_cast<std::size_t>(index.row()));
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
        return list_date(*row.last_treated_on, VaultSession::today());
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

bool ClientListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !resetting_ && !fetching_ &&
           static_cast<int>(rows_.size()) < total_;
}

void ClientListModel::fetchMore(const QModelIndex& parent) {
    // Views and testers may ask for more from inside rowsInserted: one fetch at a time.
    if (parent.isValid() || resetting_ || fetching_) {
        return;
    }
    auto page = next_page();
    if (page.empty()) {
        return;
    }
    fetching_ = true;
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    std::move(page.begin(), page.end(), std::back_inserter(rows_));
    endInsertRows();
    fetching_ = false;
}

std::vector<storage::ClientSummary> ClientListModel::next_page() const {
    auto* session = VaultSession::instance();
    if (session == nullptr || session->vault() == nullptr) {
        return {};
    }
    auto page = session->vault()->clients().list(search_.toStdString(),
                                                 static_cast<int>(rows_.size()), page_size);
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

void ClientListModel::reload() {
    // The first page is read inside the reset, so views never see a half-filled model.
    beginResetModel();
    rows_.clear();
    int total = 0;
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr) {
        if (auto count = session->vault()->clients().count(search_.toStdString())) {
            total = *count;
        }
    }
    rows_ = next_page();
    const bool changed = total != total_;
    total_ = total;
    // Views react to the reset by asking for more rows; let them ask once it is over.
    resetting_ = true;
    endResetModel();
    resetting_ = false;
    if (changed) {
        emit totalCountChanged();
    }
}

} // namespace punctum::ui
