#include "exchange/care_plan_list_model.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "exchange/exchange_words.h"

#include "punctum/storage/vault.h"

namespace punctum::ui {

void CarePlanListModel::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // the task's end reloads us
    }
    beginResetModel();
    rows_.clear();
    error_.clear();
    auto vault = this->vault();
    if (vault && vault->kind() == storage::VaultKind::personal) {
        if (auto list = vault->exchange().care_plans()) {
            rows_ = std::move(list.value());
        } else {
            error_ = QString::fromStdString(list.error().message);
        }
    }
    endResetModel();
    emit countChanged();
}

int CarePlanListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString CarePlanListModel::unsentWords(int entries, int photos, int sent) {
    if (entries == 0 && photos == 0) {
        return sent == 0 ? tr("Nothing logged yet") : tr("Everything you logged has been sent");
    }
    if (photos == 0) {
        return tr("%1 not sent yet").arg(exchange_words::checkins(entries));
    }
    if (entries == 0) {
        return tr("%1 not sent yet").arg(exchange_words::photos(photos));
    }
    return tr("%1 and %2 not sent yet")
        .arg(exchange_words::checkins(entries), exchange_words::photos(photos));
}

QString CarePlanListModel::latest() const {
    if (rows_.empty()) {
        return {};
    }
    return tr("%1 \u00b7 treatment of %2")
        .arg(QString::fromStdString(rows_.front().clinic_name),
             list_date(rows_.front().treated_on, today()));
}

QVariant CarePlanListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& p = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case ClinicRole:
        return QString::fromStdString(p.clinic_name);
    case PlanIdRole:
        return QString::fromStdString(p.plan_id);
    case SessionRole:
        return static_cast<qint64>(p.session.value);
    case TreatedOnRole:
        return list_date(p.treated_on, today());
    case OpenedRole:
        return exchange_words::when(p.opened_at);
    case ReportsSentRole:
        return p.reports_sent;
    case UnsentEntriesRole:
        return p.unsent_entries;
    case UnsentPhotosRole:
        return p.unsent_photos;
    case UnsentRole:
        return unsentWords(p.unsent_entries, p.unsent_photos, p.reports_sent);
    default:
        return {};
    }
}

QHash<int, QByteArray> CarePlanListModel::roleNames() const {
    return {{PlanIdRole, "planId"},
            {SessionRole, "session"},
            {ClinicRole, "clinic"},
            {TreatedOnRole, "treatedOn"},
            {OpenedRole, "opened"},
            {ReportsSentRole, "reportsSent"},
            {UnsentEntriesRole, "unsentEntries"},
            {UnsentPhotosRole, "unsentPhotos"},
            {UnsentRole, "unsent"}};
}

} // namespace punctum::ui
