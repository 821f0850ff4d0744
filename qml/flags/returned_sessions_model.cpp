#include "flags/returned_sessions_model.h"

#include "common/display_text.h"
#include "common/vault_session.h"

namespace punctum::ui {

ReturnedSessionsModel::ReturnedSessionsModel(QObject* parent) : VaultListModel(parent) {}

int ReturnedSessionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant ReturnedSessionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& r = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case SessionIdRole:
        return QVariant::fromValue(r.session_id.value);
    case ClientIdRole:
        return QVariant::fromValue(r.client_id.value);
    case Qt::DisplayRole:
    case ClientRole:
        return QString::fromStdString(r.client_name);
    case TreatedOnRole:
        return list_date(r.treated_on, today());
    case FindingRole:
        return QString::fromStdString(r.finding);
    case ReturnedByRole:
        return QString::fromStdString(r.returned_by);
    case ReturnedOnRole:
        return list_date(core::date_of(r.returned_at), today());
    default:
        return {};
    }
}

QHash<int, QByteArray> ReturnedSessionsModel::roleNames() const {
    return {{SessionIdRole, "sessionId"},  {ClientIdRole, "clientId"},
            {ClientRole, "client"},        {TreatedOnRole, "treatedOn"},
            {FindingRole, "finding"},      {ReturnedByRole, "returnedBy"},
            {ReturnedOnRole, "returnedOn"}};
}

bool ReturnedSessionsModel::markAddressed(qint64 sessionId, const QString& reply) {
    auto* session = vaultSession();
    auto v = session != nullptr ? session->vault() : nullptr;
    if (v == nullptr) {
        error_ = tr("The vault is locked. Unlock it and try again.");
        error_session_ = sessionId;
        emit errorChanged();
        return false;
    }
    auto done = v->reviews().mark_addressed(core::SessionId{sessionId}, reply.toStdString());
    if (!done) {
        error_ = QString::fromStdString(done.error().message);
        error_session_ = sessionId;
        emit errorChanged();
        return false;
    }
    if (!error_.isEmpty()) {
        error_.clear();
        error_session_ = 0;
        emit errorChanged();
    }
    session->notifyDataChanged(); // reloads this list and every other over the vault
    return true;
}

void ReturnedSessionsModel::reload() {
    beginResetModel();
    rows_.clear();
    if (auto v = vault()) {
        if (auto rows = v->reviews().returned_to_me()) {
            rows_ = std::move(rows.value());
        }
    }
    endResetModel();
    emit loaded();
}

} // namespace punctum::ui
