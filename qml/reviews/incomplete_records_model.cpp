#include "reviews/incomplete_records_model.h"

#include "common/display_text.h"
#include "common/vault_session.h"

namespace punctum::ui {

IncompleteRecordsModel::IncompleteRecordsModel(QObject* parent) : VaultListModel(parent) {}

QString IncompleteRecordsModel::missing_words(storage::MissingItem item) {
    switch (item) {
    case storage::MissingItem::screening:
        return tr("no screening");
    case storage::MissingItem::consent_answer:
        return tr("no photo consent answer");
    case storage::MissingItem::lot_numbers:
        return tr("missing lot numbers");
    case storage::MissingItem::first_week_follow_up:
        return tr("no follow-up in the first week");
    case storage::MissingItem::indication:
        return tr("no indication");
    }
    return {};
}

int IncompleteRecordsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant IncompleteRecordsModel::data(const QModelIndex& index, int role) const {
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
    case PractitionerRole:
        return QString::fromStdString(r.practitioner);
    case MissingRole: {
        QStringList parts;
        for (const auto item : r.missing) {
            parts << missing_words(item);
        }
        QString text = parts.join(QStringLiteral(", "));
        if (!text.isEmpty()) {
            text[0] = text[0].toUpper(); // a sentence on its own line
        }
        return text;
    }
    case MissingItemsRole: {
        QStringList names;
        for (const auto item : r.missing) {
            names << QString::fromUtf8(storage::to_string(item).data());
        }
        return names;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> IncompleteRecordsModel::roleNames() const {
    return {{SessionIdRole, "sessionId"},
            {ClientIdRole, "clientId"},
            {ClientRole, "client"},
            {TreatedOnRole, "treatedOn"},
            {PractitionerRole, "practitioner"},
            {MissingRole, "missing"},
            {MissingItemsRole, "missingItems"}};
}

void IncompleteRecordsModel::reload() {
    beginResetModel();
    rows_.clear();
    capped_ = false;
    error_.clear();
    if (auto v = vault()) {
        // One more than shown tells whether there are more.
        if (auto rows = v->reviews().incomplete_records(limit + 1, 0)) {
            rows_ = std::move(rows.value());
            capped_ = rows_.size() > static_cast<std::size_t>(limit);
            if (capped_) {
                rows_.resize(limit);
            }
        } else {
            error_ = QString::fromStdString(rows.error().message);
        }
    }
    endResetModel();
    emit loaded();
}

} // namespace punctum::ui
