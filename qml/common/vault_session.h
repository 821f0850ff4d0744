#pragma once
// The app's one open vault, as QML sees it: unlock, lock, who is signed in, and the long
// task that may hold the vault. The vault folders (inspect, open, create, restore) are
// VaultFolders (vault/vault_folders.h); the tasks over the open vault (backup, re-evaluation,
// passphrase and key changes) are VaultTasks (settings/vault_tasks.h); both run through
// this session's task and hand it what they open.
// Secrets pass through here as briefly as possible: a passphrase typed in QML arrives as
// a QString (Qt offers no other way), is copied into guarded memory at once, and the
// UTF-8 copy is wiped. Keys never enter a QString.

#include "common/long_task.h"
#include "punctum/core/clock.h"
#include "punctum/storage/vault.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QQmlEngine;
class QJSEngine;

namespace punctum::ui {

class VaultSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool vaultExists READ vaultExists NOTIFY vaultPathChanged)
    Q_PROPERTY(QString vaultPath READ vaultPath WRITE setVaultPath NOTIFY vaultPathChanged)
    Q_PROPERTY(QString vaultKind READ vaultKind NOTIFY vaultPathChanged)
    Q_PROPERTY(QStringList accounts READ accounts NOTIFY vaultPathChanged)
    Q_PROPERTY(QString accountName READ accountName NOTIFY unlockedChanged)
    Q_PROPERTY(QString accountDisplayName READ accountDisplayName NOTIFY unlockedChanged)
    Q_PROPERTY(QString role READ role NOTIFY unlockedChanged)
    /// Set at unlock when the vault's history does not reach the audit head kept for it
    /// (rolled back or replaced): shown above every page, as the command line prints it.
    Q_PROPERTY(QString auditWarning READ auditWarning NOTIFY unlockedChanged)
    /// What the signed-in role may do, by core::Action name ("write_clinical": true, ...), so
    /// QML hides what storage would refuse. Storage still checks every write.
    Q_PROPERTY(QVariantMap may READ may NOTIFY unlockedChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int revision READ revision NOTIFY dataChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    /// The long task in progress, if any (a backup, re-evaluation, demo data): the progress
    /// panel binds to it. While it runs `busy` is true and nothing else may use the vault.
    Q_PROPERTY(punctum::ui::LongTask* task READ task CONSTANT)
    /// A recovery key waits to be shown once (after creating a vault or replacing the key).
    Q_PROPERTY(bool hasRecoveryKey READ hasRecoveryKey NOTIFY recoveryKeyChanged)

public:
    explicit VaultSession(const core::Clock& clock, QObject* parent = nullptr);
    /// Stops a running task (cancel, or wait for work that cannot stop) and waits for its
    /// worker before the vault is closed: the vault is never destroyed under a worker.
    ~VaultSession() override;
    VaultSession(const VaultSession&) = delete;
    VaultSession& operator=(const VaultSession&) = delete;

    /// The instance QML's `VaultSession` singleton is: main() and tests that load QML set it
    /// before the engine loads. C++ never looks it up: controllers are handed a session
    /// (session_bound.h).
    static VaultSession* create(QQmlEngine* engine, QJSEngine* js);
    static void setInstance(VaultSession* session);
    /// Today by the session's clock (UTC calendar day).
    [[nodiscard]] core::Date today() const;
    [[nodiscard]] const core::Clock& clock() const { return clock_; }

    [[nodiscard]] bool unlocked() const { return vault_ != nullptr; }
    [[nodiscard]] bool busy() const { return busy_ || task_.running(); }
    [[nodiscard]] bool vaultExists() const;
    [[nodiscard]] QString vaultPath() const { return path_; }
    void setVaultPath(const QString& path);
    [[nodiscard]] QString vaultKind() const;
    [[nodiscard]] QStringList accounts() const;
    [[nodiscard]] QString accountName() const;
    [[nodiscard]] QString accountDisplayName() const;
    [[nodiscard]] QString role() const;
    [[nodiscard]] QString auditWarning() const;
    [[nodiscard]] QVariantMap may() const;
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int revision() const { return revision_; }
    /// Idle minutes before the vault locks itself (default 5; 0 = never). Stored in the vault.
    [[nodiscard]] int autoLockMinutes() const { return auto_lock_minutes_; }
    void setAutoLockMinutes(int minutes);
    static constexpr int default_auto_lock_minutes = 5;

    /// Starts unlocking off the UI thread (Argon2id takes most of a second); emits
    /// unlockedChanged or errorChanged when done. The field's text is wiped by QML after.
    Q_INVOKABLE void unlock(const QString& account, const QString& passphrase);
    /// Closes the vault and wipes its keys. Refused while a long task uses the vault.
    Q_INVOKABLE void lock();
    /// Wipes the recovery key once it has been written down (or the page is left).
    Q_INVOKABLE void forgetRecoveryKey();
    /// Holds `key` (a new vault's, or a replaced one) to be shown once (recoveryKeyChanged).
    void holdRecoveryKey(storage::SecureBytes key);
    [[nodiscard]] bool hasRecoveryKey() const { return !recovery_key_.empty(); }
    /// The recovery key waiting to be shown, for RecoveryKeyText only: it is never copied
    /// into a QString (see recovery_key_text.h).
    [[nodiscard]] const storage::SecureBytes& recoveryKey() const { return recovery_key_; }
    Q_INVOKABLE void clearError();
    /// Shows `message` as the session's error (errorChanged).
    void setError(const QString& message);
    /// Makes `vault` (just opened or created) the open vault: unlockedChanged, dataChanged.
    void adopt(std::unique_ptr<storage::Vault> vault);
    /// Shows the vault at `path`, locked, announcing it even when the path is the one shown
    /// (a vault was just created or restored there).
    void showVaultAt(const QString& path);
    /// The newest session of the vault's first client: a personal vault's own latest
    /// treatment (Today, My recovery). 0 when there is none.
    Q_INVOKABLE qint64 latestSessionId();

    /// The one way to the open vault for controllers, models and the photo image provider:
    /// null while locked and while a long task holds the vault (its end reloads every model).
    /// Safe from any thread; the pointer keeps the vault open while it is used, so locking
    /// never closes it under a reader on Qt's image thread (it closes when that read ends).
    [[nodiscard]] std::shared_ptr<storage::Vault> vault() const;
    /// Adapters call this after a write so every model refreshes.
    void notifyDataChanged();
    /// For tests and --self-test: a cheaper key derivation than the default.
    void setKdf(const storage::KdfParams& kdf) { kdf_ = kdf; }
    [[nodiscard]] const storage::KdfParams& kdf() const { return kdf_; }
    [[nodiscard]] LongTask* task() { return &task_; }

    /// What a vault task returns: a sentence for the person, or the storage error.
    using VaultWork =
        std::function<storage::StorageResult<QString>(storage::Vault&, const core::Progress&)>;
    /// Runs `work` on the open vault on a worker thread as the long task `title`; when it is
    /// over emits taskDone(kind, ok, message) and refreshes every model. False (and nothing
    /// runs) when locked or busy.
    bool runOnVault(const QString& kind, const QString& title, VaultWork work,
                    LongTask::Describe describe = {});
    /// A passphrase's strength problem in words, or empty when it is strong enough.
    [[nodiscard]] static QString weakPassphraseReason(const QString& passphrase);
    /// Blocks the caller until a pending unlock/create finishes (tests, self-test).
    bool waitUntilIdle(int timeoutMs);
    /// The idle timer, for tests that cannot wait minutes.
    void setIdleIntervalForTests(std::chrono::milliseconds interval);

protected:
    /// Any key, mouse or touch input in the app restarts the idle timer.
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void unlockedChanged();
    void busyChanged();
    void vaultPathChanged();
    void errorChanged();
    void dataChanged();
    /// A recovery key is waiting to be shown, or was forgotten.
    void recoveryKeyChanged();
    /// Emitted when an unlock attempt is refused, so the field can shake.
    void unlockFailed();
    void autoLockMinutesChanged();
    /// The vault locked itself after the idle time.
    void autoLocked();
    /// A long task ended: `kind` as given to runOnVault ("backup", "reassess", ...).
    void taskDone(const QString& kind, bool ok, const QString& message);

private:
    void setBusy(bool busy);

    const core::Clock& clock_;
    QString path_;
    /// Written on the UI thread only, under vault_mutex_ (vault() reads it from any thread).
    std::shared_ptr<storage::Vault> vault_;
    mutable std::mutex vault_mutex_;
    /// Set while runOnVault's work uses the vault: vault() hands out nothing meanwhile.
    std::atomic<bool> held_by_task_{false};
    storage::SecureBytes recovery_key_; ///< shown once, then wiped (forgetRecoveryKey, lock)
    storage::KdfParams kdf_ = storage::KdfParams::moderate();
    QString error_;
    bool busy_ = false;
    int revision_ = 0;
    int auto_lock_minutes_ = default_auto_lock_minutes;
    QTimer idle_;
    LongTask task_;
    /// An unlock's key derivation (about a second of Argon2id). A LongTask like the others,
    /// but not `task`: the unlock page shows its own progress, and it holds no open vault.
    LongTask unlocking_;
    using UnlockResult = storage::StorageResult<std::unique_ptr<storage::Vault>>;
};

} // namespace punctum::ui
