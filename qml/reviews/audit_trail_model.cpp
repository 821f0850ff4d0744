#include "reviews/audit_trail_model.h"

#include "common/day_range.h"
#include "common/display_text.h"
#include "common/vault_session.h"
#include "reviews/audit_words.h"

#include <QDateTime>

namespace punctum::ui {

AuditTrailModel::AuditTrailModel(QObject* parent) : PagedRows(parent) {
    reload();
}

QVariant AuditTrailModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& e = row_at(index);
    switch (role) {
    case SeqRole:
        return QVariant::fromValue(e.seq);
    case TimeRole: {
        const auto secs =
            std::chrono::duration_cast<std::chrono::seconds>(e.at.time_since_epoch()).count();
        const QDateTime local = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toLocalTime();
        const auto day = core::date_of(e.at);
        return tr("%1 %2").arg(list_date(day, today()), local.toString(QStringLiteral("HH:mm")));
    }
    case AccountRole:
        return QString::fromStdString(e.account_display_name.empty() ? e.account
                                                                     : e.account_display_name);
    case ActionRole:
        return QString::fromStdString(e.action);
    case Qt::DisplayRole:
    case ActionWordsRole:
        return audit_action_words(e.action);
    case ObjectRole:
        return QString::fromStdString(e.object);
    case ClientRole:
        return QString::fromStdString(e.client_name);
    case ClientIdRole:
        return QVariant::fromValue(e.client_id.value);
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditTrailModel::roleNames() const {
    return {{SeqRole, "seq"},
            {TimeRole, "time"},
            {AccountRole, "account"},
            {ActionRole, "action"},
            {ActionWordsRole, "actionWords"},
            {ObjectRole, "object"},
            {ClientRole, "client"},
            {ClientIdRole, "clientId"}};
}

QVariantList AuditTrailModel::actions() {
    QVariantList out;
    for (const auto action : storage::AuditStore::known_actions()) {
        out << QVariantMap{
            {QStringLiteral("key"),
             QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size()))},
            {QStringLiteral("label"), audit_action_words(action)}};
    }
    return out;
}

bool AuditTrailModel::may_read() const {
    auto* session = vaultSession();
    return session == nullptr || !session->busy(); // the task's end reloads every model
}

std::vector<storage::AuditEvent> AuditTrailModel::page_at(int offset) const {
    auto* session = vaultSession();
    if (!valid_ || session == nullptr || session->vault() == nullptr || session->busy()) {
        return {};
    }
    auto page = session->vault()->audit().events(filter_, page_size, offset);
    return page ? std::move(page.value()) : std::vector<storage::AuditEvent>{};
}

int AuditTrailModel::count_rows() {
    filter_ = {};
    filter_.account = account_.toStdString();
    filter_.action = action_.toStdString();
    filter_.client = core::ClientId{client_id_};
    const auto days = read_day_range(from_, to_);
    error_ = days.error;
    valid_ = days.ok();
    filter_.from = days.from;
    filter_.to = days.to;
    auto* session = vaultSession();
    if (!valid_ || session == nullptr || session->vault() == nullptr) {
        return 0;
    }
    auto count = session->vault()->audit().count(filter_);
    if (!count) {
        error_ = QString::fromStdString(count.error().message);
        return 0;
    }
    return static_cast<int>(*count);
}

#define PUNCTUM_FILTER_SETTER(Setter, member, Type)                                                \
    void AuditTrailModel::Setter(Type value) {                                                     \
        if (value == member) {                                                                     \
            return;                                                                                \
        }                                                                                          \
        member = value;                                                                            \
        emit filterChanged();                                                                      \
        reload();                                                                                  \
    }
PUNCTUM_FILTER_SETTER(setAccount, account_, const QString&)
PUNCTUM_FILTER_SETTER(setAction, action_, const QString&)
PUNCTUM_FILTER_SETTER(setClientId, client_id_, qint64)
PUNCTUM_FILTER_SETTER(setFrom, from_, const QString&)
PUNCTUM_FILTER_SETTER(setTo, to_, const QString&)
#undef PUNCTUM_FILTER_SETTER

} // namespace punctum::ui
