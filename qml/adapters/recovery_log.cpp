#include "recovery_log.h"

#include "display_text.h"
#include "flag_rows.h"
#include "vault_session.h"

#include <algorithm>

namespace punctum::ui {

RecoveryLog::RecoveryLog(QObject* parent) : QObject(parent) {}

void RecoveryLog::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    day_ = -1;
    treated_on_.clear();
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr && id > 0) {
        if (auto s = session->vault()->sessions().get(core::SessionId{id})) {
            day_ = core::days_between(s->treated_on, VaultSession::today());
            treated_on_ = list_date(s->treated_on, VaultSession::today());
        }
    }
    reset();
    emit sessionIdChanged();
}

QVariantList RecoveryLog::scales() {
    QVariantList out;
    for (const auto& scale : core::all_scales()) {
        QVariantList choices;
        for (int v = 0; v <= scale.max; ++v) {
            choices << QVariantMap{{QStringLiteral("value"), v},
                                   {QStringLiteral("words"), score_words(scale, v)}};
        }
        out << QVariantMap{{QStringLiteral("key"), QString::fromUtf8(scale.key.data())},
                           {QStringLiteral("name"), scale_name(scale)},
                           {QStringLiteral("max"), scale.max},
                           {QStringLiteral("yesNo"), scale.yes_no},
                           {QStringLiteral("scale"), QString::fromUtf8(scale.scale.data())},
                           {QStringLiteral("choices"), choices}};
    }
    return out;
}

void RecoveryLog::loadOpenFlags() {
    open_.clear();
    auto* session = VaultSession::instance();
    if (session == nullptr || session->vault() == nullptr || session_id_ <= 0) {
        return;
    }
    if (auto flags = session->vault()->flags().of_session(core::SessionId{session_id_})) {
        std::stable_sort(flags->begin(), flags->end(), [](const auto& a, const auto& b) {
            return a.flag.severity > b.flag.severity;
        });
        for (const auto& f : *flags) {
            if (f.state == storage::FlagState::open ||
                f.state == storage::FlagState::acknowledged) {
                open_ << flag_map(f);
            }
        }
    }
}

void RecoveryLog::reset() {
    loadOpenFlags();
    saved_ = false;
    result_.clear();
    earlier_open_ = 0;
    error_.clear();
    emit resultChanged();
}

bool RecoveryLog::save(const QVariantMap& scores, const QString& note, const QString& reporter) {
    reset();
    auto* session = VaultSession::instance();
    if (session == nullptr || session->vault() == nullptr) {
        error_ = tr("The vault is locked. Unlock it and log again.");
        emit resultChanged();
        return false;
    }
    core::RecoveryEntry entry;
    entry.session_id = core::SessionId{session_id_};
    entry.observed_on = VaultSession::today();
    entry.reporter = reporter == QStringLiteral("clinician") ? core::Reporter::clinician
                                                             : core::Reporter::patient;
    entry.note = note.trimmed().toStdString();
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        if (auto symptom = core::symptom_from_key(it.key().toStdString())) {
            if (it.value().isValid() && !it.value().isNull()) {
                entry.set(*symptom, it.value().toInt());
            }
        }
    }
    if (entry.empty() && entry.note.empty()) {
        error_ = tr("Choose at least one score, or write a note, before saving.");
        emit resultChanged();
        return false;
    }
    auto& vault = *session->vault();
    auto id = vault.sessions().add_entry(entry);
    if (!id) {
        error_ = QString::fromStdString(id.error().message);
        emit resultChanged();
        return false;
    }
    saved_ = true;
    loadOpenFlags();
    if (auto flags = vault.flags().of_session(entry.session_id)) {
        // Most urgent first, like the queue.
        std::stable_sort(flags->begin(), flags->end(), [](const auto& a, const auto& b) {
            return a.flag.severity > b.flag.severity;
        });
        for (const auto& f : *flags) {
            if (f.entry_id == *id) {
                result_ << flag_map(f);
            } else if (f.state == storage::FlagState::open ||
                       f.state == storage::FlagState::acknowledged) {
                ++earlier_open_;
            }
        }
    }
    emit resultChanged();
    session->notifyDataChanged();
    return true;
}

} // namespace punctum::ui
