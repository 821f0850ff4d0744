#pragma once
// The long tasks over the open vault that Settings starts: a backup, re-evaluating every
// session, a new passphrase, a new data key, a new recovery key. Each runs through the
// session's runOnVault (one task at a time, the vault held from every other reader) and ends
// with the session's taskDone(kind, ok, message).

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class VaultTasks : public SessionObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit VaultTasks(QObject* parent = nullptr) : SessionObject(parent) {}

    /// Writes an encrypted backup of the open vault; taskDone("backup", ...).
    Q_INVOKABLE void backUpTo(const QUrl& file);
    /// A file name for today's backup, e.g. "punctum-2026-11-24.backup", in the home folder.
    Q_INVOKABLE QUrl suggestedBackupFile() const;
    /// Re-runs the norms in force over every session; taskDone("reassess", ...).
    Q_INVOKABLE void reassessAll();
    /// Gives the signed-in account a new passphrase (refused when too weak);
    /// taskDone("passphrase", ...).
    Q_INVOKABLE void changePassphrase(const QString& passphrase);
    /// Re-encrypts the vault under a new data key (after removing an account);
    /// taskDone("rotate", ...).
    Q_INVOKABLE void rotateDataKey();
    /// Replaces the recovery key (the old one opens nothing from then on) and has the session
    /// hold the new one to be shown once; taskDone("recovery-key", ...). Admin, or a personal
    /// vault's owner.
    Q_INVOKABLE void replaceRecoveryKey();
};

} // namespace punctum::ui
