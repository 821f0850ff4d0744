#include "vault/vault_folders.h"

#include "common/secret_text.h"
#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <memory>
#include <utility>

namespace punctum::ui {

namespace {
QString path_of(const QUrl& url) {
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}
QString message_of(const storage::StorageError& error) {
    return QString::fromStdString(error.message);
}
} // namespace

QVariantMap VaultFolders::describeFolder(const QUrl& folder) {
    const QString path = path_of(folder);
    QVariantMap out;
    out.insert(QStringLiteral("path"), path);
    const QDir dir(path);
    const bool empty = !dir.exists() || dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                    QDir::Hidden | QDir::System);
    out.insert(QStringLiteral("empty"), empty);
    auto summary = storage::Vault::inspect(path.toStdString());
    out.insert(QStringLiteral("isVault"), static_cast<bool>(summary));
    if (summary) {
        out.insert(QStringLiteral("kind"),
                   QString::fromUtf8(storage::to_string(summary->kind).data()));
        QStringList names;
        for (const auto& name : summary->accounts) {
            names << QString::fromStdString(name);
        }
        out.insert(QStringLiteral("accounts"), names);
    }
    // A new vault needs a folder of its own: never mix it into a folder of other files.
    QString target = path;
    if (!empty && !summary) {
        target = dir.filePath(QStringLiteral("Punctum vault"));
        for (int n = 2; QFileInfo::exists(target); ++n) {
            target = dir.filePath(QStringLiteral("Punctum vault %1").arg(n));
        }
    }
    out.insert(QStringLiteral("target"), target);
    return out;
}

bool VaultFolders::openVaultFolder(const QUrl& folder) {
    VaultSession* session = vaultSession();
    if (session == nullptr || session->busy()) {
        return false;
    }
    const QString path = path_of(folder);
    auto summary = storage::Vault::inspect(path.toStdString());
    if (!summary) {
        if (summary.error().code == storage::StorageErrc::not_a_vault) {
            session->setError(
                tr("%1 is not a Punctum vault: it has no key file. Choose the folder the "
                   "vault was created in, or create a vault.")
                    .arg(QDir::toNativeSeparators(path)));
        } else {
            session->setError(
                tr("This vault cannot be opened: %1").arg(message_of(summary.error())));
        }
        return false;
    }
    session->setVaultPath(path);
    session->clearError();
    return true;
}

void VaultFolders::createVault(const QString& kind, const QString& account,
                               const QString& displayName, const QString& passphrase,
                               int demoClients) {
    VaultSession* session = vaultSession();
    if (session == nullptr || session->busy()) {
        return;
    }
    session->clearError();
    if (const QString weak = VaultSession::weakPassphraseReason(passphrase); !weak.isEmpty()) {
        session->setError(weak);
        return;
    }
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    storage::NewVault options;
    options.kind =
        storage::vault_kind_from_string(kind.toStdString()).value_or(storage::VaultKind::clinic);
    options.account_name = account.trimmed().toStdString();
    options.display_name = displayName.trimmed().toStdString();
    options.kdf = session->kdf();
    const QString path = session->vaultPath();
    const core::Date today = session->today();
    const core::Clock& clock = session->clock();
    QPointer<VaultSession> target(session);
    const QString title = demoClients > 0
                              ? tr("Creating the vault with %1 demo clients").arg(demoClients)
                              : tr("Creating the vault");
    session->task()->start(
        title,
        [target, secret, folder = path.toStdString(), options, demoClients, today,
         &clock](const core::Progress& progress) {
            auto created = storage::Vault::create(folder, *secret, options, clock);
            int added_clients = 0;
            if (created && demoClients > 0) {
                // Each client is one transaction: stopping keeps the ones already written.
                // The demo data is a convenience: a failure leaves a usable vault.
                storage::DemoFill fill;
                fill.clients = demoClients;
                if (core::report(progress, 0, demoClients)) {
                    auto filled = storage::fill_demo(
                        *created->vault, fill, today,
                        [&](const core::DemoClient&, core::ClientId, bool) {
                            ++added_clients;
                            return core::report(progress, added_clients, demoClients);
                        });
                    (void)filled;
                }
                (void)core::report(progress, added_clients, demoClients);
            }
            auto result = std::make_shared<decltype(created)>(std::move(created));
            return std::function<void()>([target, result, added_clients, demoClients,
                                          path = QString::fromStdString(folder)] {
                if (!target) {
                    return;
                }
                if (!*result) {
                    target->setError(message_of(result->error()));
                    return;
                }
                target->showVaultAt(path); // it exists now
                target->adopt(std::move(result->value().vault));
                target->holdRecoveryKey(std::move(result->value().recovery_key));
                if (added_clients < demoClients) {
                    emit target->taskDone(QStringLiteral("create"), true,
                                          tr("Stopped after %1 of %2 demo clients; the vault "
                                             "is ready to use.")
                                              .arg(added_clients)
                                              .arg(demoClients));
                }
            });
        },
        [](qint64 done, qint64 total) { return tr("%1 of %2 demo clients").arg(done).arg(total); });
}

void VaultFolders::restoreBackup(const QUrl& backupFile, const QString& folder,
                                 const QString& account, const QString& passphrase, bool replace) {
    VaultSession* session = vaultSession();
    if (session == nullptr || session->busy() || session->unlocked()) {
        return;
    }
    session->clearError();
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const std::string file = backupFile.toLocalFile().toStdString();
    const std::string where = folder.toStdString();
    const std::string who = account.trimmed().toStdString();
    QPointer<VaultSession> target(session);
    const core::Clock& clock = session->clock();
    session->task()->start(tr("Restoring the backup"), [target, secret, file, where, who, replace,
                                                        &clock, folder](const core::Progress&) {
        auto restored = storage::Vault::restore(file, where, who, *secret, clock, replace);
        const bool ok = static_cast<bool>(restored);
        const QString message =
            ok ? tr("Restored and verified. Unlock it below.") : message_of(restored.error());
        return std::function<void()>([target, ok, message, folder] {
            if (!target) {
                return;
            }
            if (ok) {
                target->showVaultAt(folder);
            }
            emit target->taskDone(QStringLiteral("restore"), ok, message);
        });
    });
}

} // namespace punctum::ui
