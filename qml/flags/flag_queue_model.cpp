#include "flags/flag_queue_model.h"

#include "common/vault_session.h"

#include <algorithm>

namespace punctum::ui {

FlagQueueModel::FlagQueueModel(QObject* parent) : PagedRows(parent) {
    reload();
}

QVariant FlagQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return flag_data(row_at(index), role, vaultSession());
}

QHash<int, QByteArray> FlagQueueModel::roleNames() const {
    return flag_role_names();
}

int FlagQueueModel::urgentCount() const {
    return static_cast<int>(std::count_if(rows().begin(), rows().end(), [](const auto& f) {
        return f.flag.severity == core::Severity::urgent;
    }));
}

std::vector<storage::StoredFlag> FlagQueueModel::page_at(int offset) const {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return {};
    }
    auto page = session->vault()->flags().needing_attention(page_size, offset);
    return page ? std::move(page.value()) : std::vector<storage::StoredFlag>{};
}

int FlagQueueModel::count_rows() {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return 0;
    }
    auto count = session->vault()->flags().count_needing_attention();
    return count ? static_cast<int>(*count) : 0;
}

SessionFlagModel::SessionFlagModel(QObject* parent) : VaultListModel(parent) {}

int SessionFlagModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant SessionFlagModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return flag_data(rows_.at(static_cast<std::size_t>(index.row())), role, vaultSession());
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
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && session_id_ > 0) {
        if (auto rows = session->vault()->flags().of_session(core::SessionId{session_id_})) {
            rows_ = std::move(rows.value());
        }
    }
    endResetModel();
    emit loaded();
}

} // namespace punctum::ui
