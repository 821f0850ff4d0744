#include "flag_queue_model.h"

#include "vault_session.h"

#include <algorithm>
#include <iterator>

namespace punctum::ui {

FlagQueueModel::FlagQueueModel(QObject* parent) : QAbstractListModel(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &FlagQueueModel::reload);
    }
    reload();
}

int FlagQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant FlagQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return flag_data(rows_.at(static_cast<std::size_t>(index.row())), role);
}

QHash<int, QByteArray> FlagQueueModel::roleNames() const {
    return flag_role_names();
}

bool FlagQueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !resetting_ && !fetching_ &&
           static_cast<int>(rows_.size()) < total_;
}

void FlagQueueModel::fetchMore(const QModelIndex& parent) {
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

int FlagQueueModel::urgentCount() const {
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [](const auto& f) {
        return f.flag.severity == core::Severity::urgent;
    }));
}

std::vector<storage::StoredFlag> FlagQueueModel::next_page() const {
    auto* session = VaultSession::instance();
    if (session == nullptr || session->vault() == nullptr) {
        return {};
    }
    auto page =
        session->vault()->flags().needing_attention(page_size, static_cast<int>(rows_.size()));
    return page ? std::move(page.value()) : std::vector<storage::StoredFlag>{};
}

void FlagQueueModel::reload() {
    beginResetModel();
    rows_.clear();
    int total = 0;
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr) {
        if (auto count = session->vault()->flags().count_needing_attention()) {
            total = static_cast<int>(*count);
        }
    }
    total_ = total;
    rows_ = next_page();
    resetting_ = true;
    endResetModel();
    resetting_ = false;
    emit totalCountChanged();
}

SessionFlagModel::SessionFlagModel(QObject* parent) : QAbstractListModel(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &SessionFlagModel::reload);
    }
}

int SessionFlagModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant SessionFlagModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return flag_data(rows_.at(static_cast<std::size_t>(index.row())), role);
}

QHash<int, QByteArray> SessionFlagModel::roleNames() const {
    return flag_role_names();
}

void SessionFlagModel::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    emit sessionIdChanged();
    reload();
}

int SessionFlagModel::openCount() const {
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [](const auto& f) {
        return f.state == storage::FlagState::open || f.state == storage::FlagState::acknowledged;
    }));
}

void SessionFlagModel::reload() {
    beginResetModel();
    rows_.clear();
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr && session_id_ > 0) {
        if (auto rows = session->vault()->flags().of_session(core::SessionId{session_id_})) {
            rows_ = std::move(rows.value());
        }
    }
    endResetModel();
    emit loaded();
}

} // namespace punctum::ui
