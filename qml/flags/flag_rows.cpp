#include "flags/flag_rows.h"

#include "common/display_text.h"
#include "common/vault_session.h"

#include <QCoreApplication>

namespace punctum::ui {

namespace {
QString tr_flag(const char* text) {
    return QCoreApplication::translate("Flags", text);
}

QString state_word(const storage::StoredFlag& flag) {
    switch (flag.state) {
    case storage::FlagState::open:
        return tr_flag("Open");
    case storage::FlagState::acknowledged:
        return tr_flag("Acknowledged");
    case storage::FlagState::resolved:
        return tr_flag("Resolved");
    case storage::FlagState::dismissed:
        return tr_flag("Dismissed");
    }
    return {};
}

QString changed_by(const storage::StoredFlag& flag) {
    if (flag.state == storage::FlagState::open || flag.changed_by.empty()) {
        return {};
    }
    QString text =
        tr_flag("%1 by %2").arg(state_word(flag), QString::fromStdString(flag.changed_by));
    if (!flag.reason.empty()) {
        text += QStringLiteral(": ") + QString::fromStdString(flag.reason);
    }
    return text;
}

bool signed_in_as_patient(const VaultSession* session) {
    return session != nullptr && session->role() == QStringLiteral("patient");
}
} // namespace

QString severity_word(core::Severity severity, bool patient) {
    switch (severity) {
    case core::Severity::urgent:
        return patient ? tr_flag("Contact your practitioner today") : tr_flag("Urgent");
    case core::Severity::watch:
        return patient ? tr_flag("Keep an eye on this") : tr_flag("Watch");
    case core::Severity::info:
        return tr_flag("Note");
    }
    return {};
}

QString symptom_name(const std::string& key) {
    if (auto symptom = core::symptom_from_key(key)) {
        return QCoreApplication::translate("Symptoms", core::scale_of(*symptom).name.data());
    }
    if (key == "infection") {
        return tr_flag("Signs of infection");
    }
    if (key == "logging") {
        return tr_flag("Check-ins");
    }
    return QString::fromStdString(key);
}

QVariant flag_data(const storage::StoredFlag& f, int role, const VaultSession* session) {
    switch (role) {
    case FlagIdRole:
        return QVariant::fromValue(f.id);
    case SeverityRole:
        return QString::fromUtf8(core::to_string(f.flag.severity).data());
    case SeverityWordRole:
        return severity_word(f.flag.severity, signed_in_as_patient(session));
    case ClientIdRole:
        return QVariant::fromValue(f.client_id.value);
    case ClientNameRole:
        return QString::fromStdString(f.client_name);
    case SessionIdRole:
        return QVariant::fromValue(f.session_id.value);
    case TreatedOnRole:
        return list_date(f.treated_on, session != nullptr
                                           ? session->today()
                                           : core::date_of(core::SystemClock{}.now()));
    case DayRole:
        return f.flag.day;
    case SymptomRole:
        return symptom_name(f.flag.symptom);
    case Qt::DisplayRole:
    case MessageRole:
        return QString::fromStdString(f.flag.message);
    case SourceRole:
        return QString::fromStdString(f.flag.source);
    case ProfileRole:
        return QStringLiteral("%1 %2").arg(QString::fromStdString(f.flag.profile_id),
                                           QString::fromStdString(f.flag.profile_version));
    case StateRole:
        return QString::fromUtf8(storage::to_string(f.state).data());
    case StateWordRole:
        return state_word(f);
    case ChangedByRole:
        return changed_by(f);
    case EntryIdRole:
        return QVariant::fromValue(f.entry_id.value);
    default:
        return {};
    }
}

QHash<int, QByteArray> flag_role_names() {
    return {{FlagIdRole, "flagId"},
            {SeverityRole, "severity"},
            {SeverityWordRole, "severityWord"},
            {ClientIdRole, "clientId"},
            {ClientNameRole, "clientName"},
            {SessionIdRole, "sessionId"},
            {TreatedOnRole, "treatedOn"},
            {DayRole, "day"},
            {SymptomRole, "symptom"},
            {MessageRole, "message"},
            {SourceRole, "source"},
            {ProfileRole, "profile"},
            {StateRole, "state"},
            {StateWordRole, "stateWord"},
            {ChangedByRole, "changedBy"},
            {EntryIdRole, "entryId"}};
}

QVariantMap flag_map(const storage::StoredFlag& flag, const VaultSession* session) {
    QVariantMap map;
    const auto names = flag_role_names();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        map.insert(QString::fromUtf8(it.value()), flag_data(flag, it.key(), session));
    }
    return map;
}

} // namespace punctum::ui
