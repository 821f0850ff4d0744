#include "settings/vault_tasks.h"

#include "common/secret_text.h"

#include <QDir>
#include <QStandardPaths>
#include <memory>
#include <utility>

namespace punctum::ui {

void VaultTasks::backUpTo(const QUrl& file) {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    session->runOnVault(
        QStringLiteral("backup"), tr("Backing up the vault"),
        [path](storage::Vault& vault,
               const core::Progress& progress) -> storage::StorageResult<QString> {
            if (auto done = vault.backup_to(path.toStdString(), progress); !done) {
                return done.failure();
            }
            return tr("Backed up to %1. It opens with any account's passphrase or the "
                      "recovery key.")
                .arg(QDir::toNativeSeparators(path));
        },
        [](qint64 done, qint64 total) {
            return tr("%1 of %2 MB copied")
                .arg(static_cast<double>(done) / 1e6, 0, 'f', 1)
                .arg(static_cast<double>(total) / 1e6, 0, 'f', 1);
        });
}

QUrl VaultTasks::suggestedBackupFile() const {
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString day = QString::fromStdString(core::format_date(today()));
    return QUrl::fromLocalFile(QDir(home).filePath(QStringLiteral("punctum-%1.backup").arg(day)));
}

void VaultTasks::reassessAll() {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return;
    }
    session->runOnVault(
        QStringLiteral("reassess"), tr("Re-evaluating every session"),
        [](storage::Vault& vault,
           const core::Progress& progress) -> storage::StorageResult<QString> {
            auto summary = vault.flags().reassess_all(progress);
            if (!summary) {
                return summary.failure();
            }
            return tr("%1 sessions re-evaluated: %2 new flags raised, %3 flags resolved.")
                .arg(summary->sessions)
                .arg(summary->raised)
                .arg(summary->resolved);
        },
        [](qint64 done, qint64 total) { return tr("%1 of %2 sessions").arg(done).arg(total); });
}

void VaultTasks::changePassphrase(const QString& passphrase) {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return;
    }
    if (const QString weak = VaultSession::weakPassphraseReason(passphrase); !weak.isEmpty()) {
        emit session->taskDone(QStringLiteral("passphrase"), false, weak);
        return;
    }
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const storage::KdfParams kdf = session->kdf();
    session->runOnVault(QStringLiteral("passphrase"), tr("Changing your passphrase"),
                        [secret, kdf](storage::Vault& vault,
                                      const core::Progress&) -> storage::StorageResult<QString> {
                            if (auto done = vault.change_passphrase(*secret, kdf); !done) {
                                return done.failure();
                            }
                            return tr("Your passphrase is changed. Use the new one next time "
                                      "you unlock.");
                        });
}

void VaultTasks::rotateDataKey() {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return;
    }
    session->runOnVault(
        QStringLiteral("rotate"), tr("Re-encrypting the vault under a new key"),
        [](storage::Vault& vault, const core::Progress&) -> storage::StorageResult<QString> {
            if (auto done = vault.rotate_data_key(); !done) {
                return done.failure();
            }
            return tr("The vault is re-encrypted: removed accounts' old keys open nothing new.");
        });
}

void VaultTasks::replaceRecoveryKey() {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return;
    }
    // The key is made on the worker and moved to the UI thread in its SecureBytes. The
    // session outlives its task's worker (its destructor waits for it), and a queued call
    // whose context object is gone is dropped.
    session->runOnVault(
        QStringLiteral("recovery-key"), tr("Replacing the recovery key"),
        [session](storage::Vault& vault, const core::Progress&) -> storage::StorageResult<QString> {
            auto fresh = vault.replace_recovery_key();
            if (!fresh) {
                return fresh.failure();
            }
            auto key = std::make_shared<storage::SecureBytes>(std::move(fresh.value()));
            QMetaObject::invokeMethod(
                session, [session, key] { session->holdRecoveryKey(std::move(*key)); },
                Qt::QueuedConnection);
            return tr("The recovery key is replaced: the old one no longer opens this vault. "
                      "Backups made before keep opening with the old one.");
        });
}

} // namespace punctum::ui
