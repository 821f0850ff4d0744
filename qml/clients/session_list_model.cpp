#include "clients/session_list_model.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "flags/flag_rows.h"

#include <QStringList>

namespace punctum::ui {

SessionListModel::SessionListModel(QObject* parent) : VaultListModel(parent) {}

int SessionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& s = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case SessionIdRole:
        return QVariant::fromValue(s.id.value);
    case Qt::DisplayRole:
    case TreatedOnRole:
        return list_date(s.treated_on, today());
    case DaysAgoRole:
        return core::days_between(s.treated_on, today());
    case DeviceRole:
        return QString::fromStdString(s.device);
    case AreasRole: {
        QStringList parts;
        for (const auto& a : s.areas) {
            const QString passes = a.passes == 1 ? tr("1 pass") : tr("%1 passes").arg(a.passes);
            parts << tr("%1 %2 mm \u00d7 %3")
                         .arg(QString::fromStdString(a.area))
                         .arg(a.depth_mm, 0, 'f', 1)
                         .arg(passes);
        }
        return parts.join(QStringLiteral(" \u00b7 "));
    }
    case MaxDepthRole:
        return s.max_depth_mm();
    case NotesRole:
        return QString::fromStdString(s.notes);
    case StatusRole: {
        const auto& worst = status_.at(static_cast<std::size_t>(index.row()));
        return worst ? QString::fromUtf8(core::to_string(*worst).data()) : QStringLiteral("ok");
    }
    case StatusWordRole: {
        const auto& worst = status_.at(static_cast<std::size_t>(index.row()));
        return worst ? severity_word(*worst, false) : tr("Within the usual course");
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const {
    return {
        {SessionIdRole, "sessionId"}, {TreatedOnRole, "treatedOn"}, {DaysAgoRole, "daysAgo"},
        {DeviceRole, "device"},       {AreasRole, "areas"},         {MaxDepthRole, "maxDepth"},
        {NotesRole, "notes"},         {StatusRole, "status"},       {StatusWordRole, "statusWord"}};
}

void SessionListModel::setClientId(qint64 id) {
    if (id == client_id_) {
        return;
    }
    client_id_ = id;
    emit clientIdChanged();
    reload();
}

void SessionListModel::reload() {
    beginResetModel();
    rows_.clear();
    status_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && client_id_ > 0) {
        if (auto rows = session->vault()->sessions().of_client(core::ClientId{client_id_})) {
            rows_ = std::move(rows.value());
        }
        // One query for every session's status chip, not one per session.
        std::vector<std::pair<core::SessionId, core::Severity>> worst;
        if (auto found =
                session->vault()->reviews().worst_open_severity(core::ClientId{client_id_})) {
            worst = std::move(found.value());
        }
        for (const auto& row : rows_) {
            std::optional<core::Severity> severity;
            for (const auto& [id, level] : worst) {
                if (id == row.id) {
                    severity = level;
                }
            }
            status_.push_back(severity);
        }
    }
    endResetModel();
}

} // namespace punctum::ui
