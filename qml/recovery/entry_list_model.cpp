#include "recovery/entry_list_model.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"

namespace punctum::ui {

EntryListModel::EntryListModel(QObject* parent) : VaultListModel(parent) {}

int EntryListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant EntryListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& e = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case EntryIdRole:
        return QVariant::fromValue(e.id.value);
    case DayRole:
        return core::days_between(treated_on_, e.observed_on);
    case ObservedOnRole:
        return list_date(e.observed_on, today());
    case ReporterRole:
        return QString::fromUtf8(core::to_string(e.reporter).data());
    case Qt::DisplayRole:
    case SummaryRole: {
        // The symptom scores, then the improvement rating (GAIS) when one was given.
        QString text = entry_summary(e);
        if (const QString gais = gais_summary(e); !gais.isEmpty()) {
            text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + gais;
        }
        return text;
    }
    case NoteRole:
        return QString::fromStdString(e.note);
    case ErythemaRole:
        return e.score(core::Symptom::erythema).value_or(-1);
    default:
        return {};
    }
}

QHash<int, QByteArray> EntryListModel::roleNames() const {
    return {{EntryIdRole, "entryId"},   {DayRole, "day"},         {ObservedOnRole, "observedOn"},
            {ReporterRole, "reporter"}, {SummaryRole, "summary"}, {NoteRole, "note"},
            {ErythemaRole, "erythema"}};
}

void EntryListModel::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    emit sessionIdChanged();
    reload();
}

void EntryListModel::reload() {
    beginResetModel();
    rows_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && session_id_ > 0) {
        auto& store = session->vault()->sessions();
        if (auto s = store.get(core::SessionId{session_id_})) {
            treated_on_ = s->treated_on;
            if (auto rows = store.entries(s->id)) {
                rows_ = std::move(rows.value());
            }
        }
    }
    endResetModel();
}

} // namespace punctum::ui
