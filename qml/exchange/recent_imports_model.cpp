#include "exchange/recent_imports_model.h"

namespace punctum::ui {

int RecentImportsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RecentImportsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return r.message;
    case FileRole:
        return r.file;
    case WhenRole:
        return r.when;
    case OutcomeRole:
        return r.outcome;
    case OutcomeWordRole:
        if (r.outcome == QLatin1String("imported")) {
            return tr("Imported");
        }
        if (r.outcome == QLatin1String("already")) {
            return tr("Already imported");
        }
        if (r.outcome == QLatin1String("refused")) {
            return tr("Refused");
        }
        return tr("Not imported yet");
    case ClientRole:
        return r.client;
    case SessionRole:
        return r.session;
    case EntriesRole:
        return r.entries;
    case NewUrgentRole:
        return r.newUrgent;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentImportsModel::roleNames() const {
    return {{FileRole, "file"},          {WhenRole, "when"},
            {OutcomeRole, "outcome"},    {OutcomeWordRole, "outcomeWord"},
            {MessageRole, "message"},    {ClientRole, "client"},
            {SessionRole, "session"},    {EntriesRole, "entries"},
            {NewUrgentRole, "newUrgent"}};
}

void RecentImportsModel::prepend(Row row) {
    if (rows_.size() >= static_cast<std::size_t>(capacity)) {
        const int last = static_cast<int>(rows_.size()) - 1;
        beginRemoveRows({}, last, last);
        rows_.pop_back();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    rows_.push_front(std::move(row));
    endInsertRows();
    emit countChanged();
}

void RecentImportsModel::clear() {
    if (rows_.empty()) {
        return;
    }
    beginResetModel();
    rows_.clear();
    endResetModel();
    emit countChanged();
}

} // namespace punctum::ui
