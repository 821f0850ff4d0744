#include "audit_trail_model.h"

#include "audit_words.h"
#include "display_text.h"
#include "vault_session.h"

#include <QDateTime>
#include <iterator>

namespace punctum::ui {

AuditTrailModel::AuditTrailModel(QObject* parent) : QAbstractListModel(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &AuditTrailModel::reload);
    }
    reload();
}

int AuditTrailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AuditTrailModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& e = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case SeqRole:
        return QVariant::fromValue(e.seq);
    case TimeRole: {
        const auto secs =
            std::chrono::duration_cast<std::chrono::seconds>(e.at.time_since_epoch()).count();
        const QDateTime local = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toLocalTime();
        const auto day = core::date_of(e.at);
        return tr("%1 %2").arg(list_date(day, VaultSession::today()),
                               local.toString(QStringLiteral("HH:mm")));
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

bool AuditTrailModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !resetting_ && !fetching_ &&
           static_cast<int>(rows_.size()) < total_;
}

void AuditTrailModel::fetchMore(const QModelIndex& parent) {
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

std::vector<storage::AuditEvent> AuditTrailModel::next_page() const {
    auto* session = VaultSession::instance();
    if (!valid_ || session == nullptr || session->vault() == nullptr || session->busy()) {
        return {};
    }
    auto page =
        session->vault()->audit().events(filter_, page_size, static_cast<int>(rows_.size()));
    return page ? std::move(page.value()) : std::vector<storage::AuditEvent>{};
}

std::optional<storage::AuditFilter> AuditTrailModel::filter() {
    storage::AuditFilter f;
    f.account = account_.toStdString();
    f.action = action_.toStdString();
    f.client = core::ClientId{client_id_};
    if (!from_.isEmpty()) {
        f.from = core::parse_date(from_.toStdString());
        if (!f.from) {
            error_ = tr("The first day should read like 2026-03-03.");
            return std::nullopt;
        }
    }
    if (!to_.isEmpty()) {
        f.to = core::parse_date(to_.toStdString());
        if (!f.to) {
            error_ = tr("The last day should read like 2026-03-31.");
            return std::nullopt;
        }
    }
    if (f.from && f.to && *f.to < *f.from) {
        error_ = tr("The last day is before the first day.");
        return std::nullopt;
    }
    return f;
}

void AuditTrailModel::reload() {
    auto* session = VaultSession::instance();
    // A task holds the vault on its worker thread; its end reloads every model.
    if (session != nullptr && session->busy()) {
        return;
    }
    beginResetModel();
    rows_.clear();
    error_.clear();
    int total = 0;
    auto parsed = filter();
    valid_ = parsed.has_value();
    if (parsed) {
        filter_ = std::move(*parsed);
    }
    if (valid_ && session != nullptr && session->vault() != nullptr) {
        if (auto count = session->vault()->audit().count(filter_)) {
            total = static_cast<int>(*count);
        } else {
            error_ = QString::fromStdString(count.error().message);
        }
    }
    total_ = total;
    rows_ = next_page();
    resetting_ = true;
    endResetModel();
    resetting_ = false;
    emit totalCountChanged();
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
