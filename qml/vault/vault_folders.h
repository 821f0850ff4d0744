#pragma once
// The vault folders, for the unlock, create and restore pages: what a chosen folder holds,
// switching to the vault in it, creating a vault, restoring a backup. Creating and restoring
// run as the session's long task; what they make becomes the session's vault (created:
// open, with its recovery key to show once) or the vault it shows (restored: locked).

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class VaultFolders : public SessionObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit VaultFolders(QObject* parent = nullptr) : SessionObject(parent) {}

    /// What a chosen folder is, for the open, create and restore forms: {path, isVault,
    /// kind, accounts, empty, target}. `target` is where a new vault would go: the folder
    /// itself when it is empty or missing, else a new "Punctum vault" folder inside it.
    Q_INVOKABLE static QVariantMap describeFolder(const QUrl& folder);
    /// Switches to the vault in `folder` (locking the open one). A folder that holds no
    /// vault is refused with the session's error in plain words; false then.
    Q_INVOKABLE bool openVaultFolder(const QUrl& folder);
    /// Creates a vault at the session's vaultPath off the UI thread (refused at once when the
    /// passphrase is too weak); `demoClients` > 0 fills it with a synthetic clinic. Opens it
    /// and holds its recovery key to be shown once (recoveryKeyChanged).
    Q_INVOKABLE void createVault(const QString& kind, const QString& account,
                                 const QString& displayName, const QString& passphrase,
                                 int demoClients);
    /// Restores a backup file into `folder` off the UI thread (storage verifies it first and
    /// changes nothing on failure), then shows that vault locked. taskDone("restore", ...).
    Q_INVOKABLE void restoreBackup(const QUrl& backupFile, const QString& folder,
                                   const QString& account, const QString& passphrase, bool replace);
};

} // namespace punctum::ui
