#include "common/vault_session.h"

#include "common/secret_text.h"
#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/model/role.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/passphrase_rule.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QPointer>
#include <QQmlEngine>
#include <QStandardPaths>
#include <algorithm>
#include <utility>

namespace punctum::ui {

namespace {
VaultSession* g_instance = nullptr;

QString message_of(const storage::StorageError& error) {
    return QString::fromStdString(error.message);
}
} // namespace

VaultSession::VaultSession(const core::Clock& clock, QObject* parent)
    : QObject(parent), clock_(clock) {
    idle_.setSingleShot(true);
    connect(&idle_, &QTimer::timeout, this, [this] {
        if (vault_) {
            lock();
            emit autoLocked();
        }
    });
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->installEventFilter(this);
    }
    connect(&task_, &LongTask::runningChanged, this, &VaultSession::busyChanged);
    if (auto* app = QCoreApplication::instance(); app != nullptr) {
        // The window is closing: a backup or re-evaluation stops at its next safe point now,
        // so the wait in the destructor is short.
        connect(app, &QCoreApplication::aboutToQuit, &task_, &LongTask::cancel);
    }
}

bool VaultSession::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (idle_.isActive()) {
            idle_.start();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void VaultSession::setIdleIntervalForTests(std::chrono::milliseconds interval) {
    idle_.setInterval(interval);
    if (vault_) {
        idle_.start();
    }
}

void VaultSession::setAutoLockMinutes(int minutes) {
    minutes = std::max(0, minutes);
    if (vault_) {
        if (auto saved = vault_->set_setting("auto_lock_minutes", std::to_string(minutes));
            !saved) {
            setError(QString::fromStdString(saved.error().message));
            return;
        }
    }
    auto_lock_minutes_ = minutes;
    idle_.setInterval(std::chrono::minutes(minutes));
    if (vault_ && minutes > 0) {
        idle_.start();
    } else {
        idle_.stop();
    }
    emit autoLockMinutesChanged();
}

VaultSession::~VaultSession() {
    // Never close the vault under a worker: a task is cancelled (a backup leaves no file, a
    // re-evaluation keeps the batches it finished) or, if it cannot stop part-way, waited
    // for; an unlock in flight is waited for and its vault dropped with its result.
    task_.stopAndWait();
    unlocking_.stopAndWait();
    {
        const std::lock_guard hold(vault_mutex_);
        vault_.reset();
    }
    if (g_instance == this) {
        g_instance = nullptr;
    }
}

VaultSession* VaultSession::create(QQmlEngine* /*engine*/, QJSEngine* /*js*/) {
    Q_ASSERT(g_instance != nullptr);
    // The engine must not delete an object that main() owns.
    QQmlEngine::setObjectOwnership(g_instance, QQmlEngine::CppOwnership);
    return g_instance;
}

void VaultSession::setInstance(VaultSession* session) {
    g_instance = session;
}

core::Date VaultSession::today() const {
    return core::date_of(clock_.now());
}

std::shared_ptr<storage::Vault> VaultSession::vault() const {
    if (held_by_task_.load()) {
        return nullptr;
    }
    const std::lock_guard hold(vault_mutex_);
    return vault_;
}

bool VaultSession::vaultExists() const {
    return !path_.isEmpty() && QFileInfo::exists(path_ + "/" + storage::Vault::key_file);
}

void VaultSession::setVaultPath(const QString& path) {
    if (path == path_ || task_.running()) {
        return; // a task uses the open vault: it stays open, and the one shown
    }
    lock();
    path_ = path;
    emit vaultPathChanged();
}

QString VaultSession::vaultKind() const {
    auto summary = storage::Vault::inspect(path_.toStdString());
    return summary ? QString::fromUtf8(storage::to_string(summary->kind).data()) : QString();
}

QStringList VaultSession::accounts() const {
    QStringList out;
    if (auto summary = storage::Vault::inspect(path_.toStdString())) {
        for (const auto& name : summary->accounts) {
            out << QString::fromStdString(name);
        }
    }
    return out;
}

QString VaultSession::accountName() const {
    return vault_ ? QString::fromStdString(vault_->account().name) : QString();
}
QString VaultSession::accountDisplayName() const {
    return vault_ ? QString::fromStdString(vault_->account().display_name) : QString();
}
QString VaultSession::role() const {
    return vault_ ? QString::fromUtf8(core::to_string(vault_->account().role).data()) : QString();
}

QVariantMap VaultSession::may() const {
    using core::Action;
    static constexpr std::pair<Action, const char*> actions[] = {
        {Action::read_records, "read_records"},
        {Action::write_clinical, "write_clinical"},
        {Action::log_recovery, "log_recovery"},
        {Action::annotate, "annotate"},
        {Action::settle_flags, "settle_flags"},
        {Action::manage_accounts, "manage_accounts"},
        {Action::change_settings, "change_settings"},
        {Action::reveal_key, "reveal_key"},
        {Action::read_audit, "read_audit"}};
    QVariantMap out;
    for (const auto& [action, name] : actions) {
        out.insert(QString::fromUtf8(name),
                   vault_ != nullptr && core::permits(vault_->account().role, action));
    }
    return out;
}

qint64 VaultSession::latestSessionId() {
    if (!vault_) {
        return 0;
    }
    auto own = vault_->clients().own();
    if (!own) {
        return 0; // a clinic vault has no treatment of its own
    }
    auto sessions = vault_->sessions().of_client(*own);
    return sessions && !sessions->empty() ? sessions->front().id.value : 0;
}

void VaultSession::setBusy(bool busy) {
    if (busy_ != busy) {
        busy_ = busy;
        emit busyChanged();
    }
}

void VaultSession::setError(const QString& message) {
    error_ = message;
    emit errorChanged();
}

void VaultSession::clearError() {
    setError({});
}

QString VaultSession::auditWarning() const {
    return vault_ ? QString::fromStdString(vault_->audit_warning()) : QString();
}

void VaultSession::adopt(std::unique_ptr<storage::Vault> vault) {
    {
        const std::lock_guard hold(vault_mutex_);
        vault_ = std::move(vault);
    }
    int minutes = default_auto_lock_minutes;
    if (auto stored = vault_->setting("auto_lock_minutes"); stored && stored.value()) {
        minutes = QString::fromStdString(*stored.value()).toInt();
    }
    auto_lock_minutes_ = std::max(0, minutes);
    emit autoLockMinutesChanged();
    if (auto_lock_minutes_ > 0) {
        idle_.start(std::chrono::minutes(auto_lock_minutes_));
    }
    ++revision_;
    emit unlockedChanged();
    emit dataChanged();
}

void VaultSession::unlock(const QString& account, const QString& passphrase) {
    if (busy() || vault_) {
        return;
    }
    clearError();
    setBusy(true);
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const std::string folder = path_.toStdString();
    const std::string who = account.toStdString();
    QPointer<VaultSession> self(this);
    // A vault opened after the window was closed is closed with the dropped result
    // (LongTask::stopAndWait in the destructor drops the UI-thread part).
    const bool started = unlocking_.start(
        tr("Unlocking the vault"),
        [self, secret, folder, who, &clock = clock_](const core::Progress& /*progress*/) {
            auto opened =
                std::make_shared<UnlockResult>(storage::Vault::open(folder, who, *secret, clock));
            return std::function<void()>([self, opened] {
                if (!self) {
                    return;
                }
                self->setBusy(false);
                if (*opened) {
                    self->adopt(std::move(opened->value()));
                } else {
                    self->setError(QString::fromStdString(opened->error().message));
                    emit self->unlockFailed();
                }
            });
        });
    if (!started) {
        setBusy(false);
    }
}

void VaultSession::createVault(const QString& kind, const QString& account,
                               const QString& displayName, const QString& passphrase,
                               int demoClients) {
    if (busy()) {
        return;
    }
    clearError();
    if (const QString weak = weakPassphraseReason(passphrase); !weak.isEmpty()) {
        setError(weak);
        return;
    }
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    storage::NewVault options;
    options.kind =
        storage::vault_kind_from_string(kind.toStdString()).value_or(storage::VaultKind::clinic);
    options.account_name = account.trimmed().toStdString();
    options.display_name = displayName.trimmed().toStdString();
    options.kdf = kdf_;
    const std::string folder = path_.toStdString();
    QPointer<VaultSession> self(this);
    const core::Clock& clock = clock_;
    const QString title = demoClients > 0
                              ? tr("Creating the vault with %1 demo clients").arg(demoClients)
                              : tr("Creating the vault");
    task_.start(
        title,
        [self, secret, folder, options, demoClients, &clock](const core::Progress& progress) {
            auto created = storage::Vault::create(folder, *secret, options, clock);
            int added_clients = 0;
            if (created && demoClients > 0) {
                // Each client is one transaction: stopping keeps the ones already written.
                // The demo data is a convenience: a failure leaves a usable vault.
                storage::DemoFill fill;
                fill.clients = demoClients;
                if (core::report(progress, 0, demoClients)) {
                    auto filled = storage::fill_demo(
                        *created->vault, fill, core::date_of(clock.now()),
                        [&](const core::DemoClient&, core::ClientId, bool) {
                            ++added_clients;
                            return core::report(progress, added_clients, demoClients);
                        });
                    (void)filled;
                }
                (void)core::report(progress, added_clients, demoClients);
            }
            auto result = std::make_shared<decltype(created)>(std::move(created));
            return std::function<void()>([self, result, added_clients, demoClients] {
                if (!self) {
                    return;
                }
                if (!*result) {
                    self->setError(message_of(result->error()));
                    return;
                }
                emit self->vaultPathChanged();
                self->adopt(std::move(result->value().vault));
                self->recovery_key_ = std::move(result->value().recovery_key);
                emit self->recoveryKeyChanged();
                if (added_clients < demoClients) {
                    emit self->taskDone(QStringLiteral("create"), true,
                                        tr("Stopped after %1 of %2 demo clients; the vault is "
                                           "ready to use.")
                                            .arg(added_clients)
                                            .arg(demoClients));
                }
            });
        },
        [](qint64 done, qint64 total) { return tr("%1 of %2 demo clients").arg(done).arg(total); });
}

QString VaultSession::weakPassphraseReason(const QString& passphrase) {
    // Storage's own rule, asked early so the form answers before a task starts.
    const auto rule = storage::check_new_passphrase(secret_from(passphrase));
    return rule ? QString() : QString::fromStdString(rule.error().message);
}

QVariantMap VaultSession::describeFolder(const QUrl& folder) const {
    const QString path = folder.isLocalFile() ? folder.toLocalFile() : folder.toString();
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

bool VaultSession::openVaultFolder(const QUrl& folder) {
    if (busy()) {
        return false;
    }
    const QString path = folder.isLocalFile() ? folder.toLocalFile() : folder.toString();
    auto summary = storage::Vault::inspect(path.toStdString());
    if (!summary) {
        if (summary.error().code == storage::StorageErrc::not_a_vault) {
            setError(tr("%1 is not a Punctum vault: it has no key file. Choose the folder the "
                        "vault was created in, or create a vault.")
                         .arg(QDir::toNativeSeparators(path)));
        } else {
            setError(tr("This vault cannot be opened: %1").arg(message_of(summary.error())));
        }
        return false;
    }
    setVaultPath(path);
    clearError();
    return true;
}

void VaultSession::restoreBackup(const QUrl& backupFile, const QString& folder,
                                 const QString& account, const QString& passphrase, bool replace) {
    if (busy() || vault_) {
        return;
    }
    clearError();
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const std::string file = backupFile.toLocalFile().toStdString();
    const std::string target = folder.toStdString();
    const std::string who = account.trimmed().toStdString();
    QPointer<VaultSession> self(this);
    const core::Clock& clock = clock_;
    task_.start(tr("Restoring the backup"), [self, secret, file, target, who, replace, &clock,
                                             folder](const core::Progress&) {
        auto restored = storage::Vault::restore(file, target, who, *secret, clock, replace);
        const bool ok = static_cast<bool>(restored);
        const QString message =
            ok ? tr("Restored and verified. Unlock it below.") : message_of(restored.error());
        return std::function<void()>([self, ok, message, folder] {
            if (!self) {
                return;
            }
            if (ok) {
                self->path_.clear(); // re-announce even when the path is the same
                self->setVaultPath(folder);
            }
            emit self->taskDone(QStringLiteral("restore"), ok, message);
        });
    });
}

bool VaultSession::runOnVault(const QString& kind, const QString& title, VaultWork work,
                              LongTask::Describe describe) {
    if (!vault_ || busy()) {
        return false;
    }
    clearError();
    QPointer<VaultSession> self(this);
    std::shared_ptr<storage::Vault> vault = vault_;
    held_by_task_ = true;
    const bool started = task_.start(
        title,
        [self, vault, kind, work = std::move(work)](const core::Progress& progress) {
            auto outcome = work(*vault, progress);
            const bool ok = static_cast<bool>(outcome);
            const QString message = ok ? outcome.value() : message_of(outcome.error());
            return std::function<void()>([self, kind, ok, message] {
                if (!self) {
                    return;
                }
                self->held_by_task_ = false;
                emit self->taskDone(kind, ok, message);
                self->notifyDataChanged();
            });
        },
        std::move(describe));
    if (!started) {
        held_by_task_ = false;
    }
    return started;
}

void VaultSession::backUpTo(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    runOnVault(
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

QUrl VaultSession::suggestedBackupFile() const {
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString day = QString::fromStdString(core::format_date(core::date_of(clock_.now())));
    return QUrl::fromLocalFile(QDir(home).filePath(QStringLiteral("punctum-%1.backup").arg(day)));
}

void VaultSession::reassessAll() {
    runOnVault(
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

void VaultSession::changePassphrase(const QString& passphrase) {
    if (const QString weak = weakPassphraseReason(passphrase); !weak.isEmpty()) {
        emit taskDone(QStringLiteral("passphrase"), false, weak);
        return;
    }
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const storage::KdfParams kdf = kdf_;
    runOnVault(QStringLiteral("passphrase"), tr("Changing your passphrase"),
               [secret, kdf](storage::Vault& vault,
                             const core::Progress&) -> storage::StorageResult<QString> {
                   if (auto done = vault.change_passphrase(*secret, kdf); !done) {
                       return done.failure();
                   }
                   return tr("Your passphrase is changed. Use the new one next time you unlock.");
               });
}

void VaultSession::rotateDataKey() {
    runOnVault(QStringLiteral("rotate"), tr("Re-encrypting the vault under a new key"),
               [](storage::Vault& vault, const core::Progress&) -> storage::StorageResult<QString> {
                   if (auto done = vault.rotate_data_key(); !done) {
                       return done.failure();
                   }
                   return tr("The vault is re-encrypted: removed accounts' old keys open "
                             "nothing new.");
               });
}

void VaultSession::replaceRecoveryKey() {
    // The key is made on the worker and moved to the UI thread in its SecureBytes; the queued
    // call is dropped if the session is gone by then.
    auto key = std::make_shared<storage::SecureBytes>();
    runOnVault(QStringLiteral("recovery-key"), tr("Replacing the recovery key"),
               [this, key](storage::Vault& vault,
                           const core::Progress&) -> storage::StorageResult<QString> {
                   auto fresh = vault.replace_recovery_key();
                   if (!fresh) {
                       return fresh.failure();
                   }
                   *key = std::move(fresh.value());
                   QMetaObject::invokeMethod(
                       this,
                       [this, key] {
                           recovery_key_ = std::move(*key);
                           emit recoveryKeyChanged();
                       },
                       Qt::QueuedConnection);
                   return tr("The recovery key is replaced: the old one no longer opens this "
                             "vault. Backups made before keep opening with the old one.");
               });
}

void VaultSession::forgetRecoveryKey() {
    if (recovery_key_.empty()) {
        return;
    }
    recovery_key_ = storage::SecureBytes(); // the old buffer is wiped as it is freed
    emit recoveryKeyChanged();
}

void VaultSession::lock() {
    forgetRecoveryKey();
    if (!vault_) {
        return;
    }
    if (task_.running()) {
        // The worker is using the vault: closing it now would pull it from under the task.
        // So locking waits: the idle timer tries again later, and Lock is hidden behind the
        // progress panel. Closing the app cancels the task and waits (~VaultSession).
        if (auto_lock_minutes_ > 0) {
            idle_.start();
        }
        return;
    }
    idle_.stop();
    {
        // Closes the database and wipes the keys (once a photo read in flight ends).
        const std::lock_guard hold(vault_mutex_);
        vault_.reset();
    }
    ++revision_;
    emit unlockedChanged();
    emit dataChanged();
}

void VaultSession::notifyDataChanged() {
    ++revision_;
    emit dataChanged();
}

bool VaultSession::waitUntilIdle(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (busy() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return !busy();
}

} // namespace punctum::ui
