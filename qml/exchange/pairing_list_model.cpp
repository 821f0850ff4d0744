#include "exchange/pairing_list_model.h"

#include "common/vault_session.h"
#include "exchange/exchange_words.h"

#include "punctum/storage/vault.h"

namespace punctum::ui {

void PairingListModel::setSessionId(qint64 id) {
    if (id != session_) {
        session_ = id;
        emit sessionIdChanged();
        reload();
    }
}

void PairingListModel::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // the task's end reloads us
    }
    beginResetModel();
    rows_.clear();
    error_.clear();
    auto vault = this->vault();
    if (vault && session_ > 0 && vault->kind() == storage::VaultKind::clinic) {
        if (auto list = vault->exchange().pairings(core::SessionId{session_})) {
            rows_ = std::move(list.value());
        } else {
            error_ = QString::fromStdString(list.error().message);
        }
    }
    endResetModel();
    emit countChanged();
}

int PairingListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant PairingListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& p = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case PairingCodeRole:
        return QString::fromStdString(p.pairing_code);
    case PlanIdRole:
        return QString::fromStdString(p.plan_id);
    case IssuedRole:
        return tr("%1 by %2")
            .arg(exchange_words::when(p.issued_at), QString::fromStdString(p.issued_by));
    case PairedRole:
        return p.paired;
    case StateRole:
        if (!p.paired) {
            return tr("Waiting for the patient's first report");
        }
        return p.last_import_at
                   ? tr("Paired: %1 imported, the last %2")
                         .arg(exchange_words::reports(p.reports_imported),
                              exchange_words::when(*p.last_import_at))
                   : tr("Paired: %1 imported").arg(exchange_words::reports(p.reports_imported));
    case ReportsRole:
        return p.reports_imported;
    default:
        return {};
    }
}

QHash<int, QByteArray> PairingListModel::roleNames() const {
    return {{PlanIdRole, "planId"}, {PairingCodeRole, "pairingCode"},
            {IssuedRole, "issued"}, {PairedRole, "paired"},
            {StateRole, "state"},   {ReportsRole, "reports"}};
}

} // namespace punctum::ui
