#include "reviews/session_review_model.h"

#include "common/day_range.h"
#include "common/display_text.h"
#include "common/vault_session.h"

#include <QStringList>

namespace punctum::ui {

SessionReviewModel::SessionReviewModel(QObject* parent) : PagedRows(parent) {
    reload();
}

QString SessionReviewModel::outcome_words(core::RecoveryOutcome outcome) {
    switch (outcome) {
    case core::RecoveryOutcome::no_check_ins:
        return tr("No check-ins yet");
    case core::RecoveryOutcome::within_course:
        return tr("Within the expected course");
    case core::RecoveryOutcome::beyond_course:
        return tr("Went beyond the expected course");
    case core::RecoveryOutcome::urgent:
        return tr("Urgent flag raised");
    }
    return {};
}

QString SessionReviewModel::sign_off_words(std::optional<storage::SignOffState> state) {
    if (!state) {
        return tr("Not signed off");
    }
    switch (*state) {
    case storage::SignOffState::reviewed:
        return tr("Reviewed");
    case storage::SignOffState::returned:
        return tr("Returned to practitioner");
    case storage::SignOffState::addressed:
        return tr("Finding addressed, review again");
    }
    return {};
}

QVariant SessionReviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& s = row_at(index);
    switch (role) {
    case SessionIdRole:
        return QVariant::fromValue(s.session_id.value);
    case ClientIdRole:
        return QVariant::fromValue(s.client_id.value);
    case Qt::DisplayRole:
    case ClientRole:
        return QString::fromStdString(s.client_name);
    case TreatedOnRole:
        return list_date(s.treated_on, today());
    case DeviceRole:
        return QString::fromStdString(s.device);
    case EntriesRole: {
        if (s.entries == 0) {
            return tr("No check-ins");
        }
        // Spelled out rather than tr("%n ..."): without a translation loaded Qt prints "1
        // check-ins".
        const QString count = s.entries == 1 ? tr("1 check-in") : tr("%1 check-ins").arg(s.entries);
        if (!s.last_day_logged) {
            return count;
        }
        return *s.last_day_logged == 0
                   ? tr("%1, on the day of treatment").arg(count)
                   : tr("%1, last on day %2").arg(count).arg(*s.last_day_logged);
    }
    case FlagsRole: {
        QStringList parts;
        if (s.urgent > 0) {
            parts << tr("%1 urgent").arg(s.urgent);
        }
        if (s.watch > 0) {
            parts << tr("%1 watch").arg(s.watch);
        }
        if (s.info > 0) {
            parts << (s.info == 1 ? tr("1 note") : tr("%1 notes").arg(s.info));
        }
        return parts.isEmpty() ? tr("No flags") : parts.join(QStringLiteral(", "));
    }
    case OpenRole:
        return s.open;
    case StateRole:
        if (s.open == 0 && s.closed == 0) {
            return QString();
        }
        return tr("%1 open, %2 closed").arg(s.open).arg(s.closed);
    case OutcomeRole:
        return QString::fromUtf8(core::to_string(s.outcome).data());
    case OutcomeWordsRole:
        return outcome_words(s.outcome);
    case SeverityRole:
        return QString::fromUtf8(core::outcome_level(s.outcome).data());
    case SignOffRole:
        return s.sign_off ? QString::fromUtf8(storage::to_string(*s.sign_off).data()) : QString();
    case SignOffWordsRole:
        return sign_off_words(s.sign_off);
    case OwnSessionRole: {
        auto* session = vaultSession();
        auto v = session != nullptr ? session->vault() : nullptr;
        return v != nullptr && v->account().id == s.practitioner_id;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionReviewModel::roleNames() const {
    return {{SessionIdRole, "sessionId"},
            {ClientIdRole, "clientId"},
            {ClientRole, "client"},
            {TreatedOnRole, "treatedOn"},
            {DeviceRole, "device"},
            {EntriesRole, "entries"},
            {FlagsRole, "flags"},
            {OpenRole, "open"},
            {StateRole, "flagState"},
            {OutcomeRole, "outcome"},
            {OutcomeWordsRole, "outcomeWords"},
            {SeverityRole, "severity"},
            {SignOffRole, "signOff"},
            {SignOffWordsRole, "signOffWords"},
            {OwnSessionRole, "ownSession"}};
}

bool SessionReviewModel::may_read() const {
    auto* session = vaultSession();
    return session == nullptr || !session->busy(); // the task's end reloads every model
}

std::vector<storage::SessionReview> SessionReviewModel::page_at(int offset) const {
    auto* session = vaultSession();
    if (!valid_ || session == nullptr || session->vault() == nullptr || session->busy()) {
        return {};
    }
    auto page = session->vault()->reviews().sessions(filter_, page_size, offset);
    return page ? std::move(page.value()) : std::vector<storage::SessionReview>{};
}

int SessionReviewModel::count_rows() {
    filter_ = {};
    filter_.with_flags_only = with_flags_;
    filter_.open_flags_only = open_flags_;
    const auto days = read_day_range(from_, to_);
    error_ = days.error;
    valid_ = days.ok();
    filter_.from = days.from;
    filter_.to = days.to;
    auto* session = vaultSession();
    if (!valid_ || session == nullptr || session->vault() == nullptr) {
        return 0;
    }
    auto count = session->vault()->reviews().count(filter_);
    if (!count) {
        error_ = QString::fromStdString(count.error().message);
        return 0;
    }
    return static_cast<int>(*count);
}

void SessionReviewModel::setWithFlagsOnly(bool on) {
    if (on != with_flags_) {
        with_flags_ = on;
        emit filterChanged();
        reload();
    }
}
void SessionReviewModel::setOpenFlagsOnly(bool on) {
    if (on != open_flags_) {
        open_flags_ = on;
        emit filterChanged();
        reload();
    }
}
void SessionReviewModel::setFrom(const QString& from) {
    if (from != from_) {
        from_ = from;
        emit filterChanged();
        reload();
    }
}
void SessionReviewModel::setTo(const QString& to) {
    if (to != to_) {
        to_ = to;
        emit filterChanged();
        reload();
    }
}

} // namespace punctum::ui
