#pragma once
// What a stored flag shows on screen, shared by the needs-attention queue and a session's
// flags: the same roles, the same words (UI.md "Severity").

#include "punctum/storage/flag_store.h"

#include <QHash>
#include <QString>
#include <QVariant>
#include <QVariantMap>

namespace punctum::ui {

class VaultSession;

enum FlagRole {
    FlagIdRole = Qt::UserRole + 1,
    SeverityRole,     ///< "urgent" | "watch" | "info"
    SeverityWordRole, ///< "Urgent" | "Watch" | "Note" (clinic), patient words otherwise
    ClientIdRole,
    ClientNameRole,
    SessionIdRole,
    TreatedOnRole, ///< "Tue 3 Mar"
    DayRole,       ///< days after treatment
    SymptomRole,   ///< plain name: "Redness", "Infection signs"
    MessageRole,
    SourceRole,  ///< the norm's citation
    ProfileRole, ///< "punctum-default 1.0"
    StateRole,   ///< "open" | "acknowledged" | "resolved" | "dismissed"
    StateWordRole,
    ChangedByRole, ///< who last moved it, with the reason: "Acknowledged by Dr Sam Okafor"
    EntryIdRole,
};

/// One role of a flag, in the words of whoever `session` has signed in (a patient reads
/// other words) and dated against the session's today.
[[nodiscard]] QVariant flag_data(const storage::StoredFlag& flag, int role,
                                 const VaultSession* session);
[[nodiscard]] QHash<int, QByteArray> flag_role_names();
/// The flag as one map, for QML lists built in C++ (a check-in's result).
[[nodiscard]] QVariantMap flag_map(const storage::StoredFlag& flag, const VaultSession* session);
/// "Urgent", "Watch", "Note" for the clinic; the patient's words for a patient.
[[nodiscard]] QString severity_word(core::Severity severity, bool patient);
/// "Redness", "Infection signs", "Logging": a flag's symptom field in plain words.
[[nodiscard]] QString symptom_name(const std::string& key);

} // namespace punctum::ui
