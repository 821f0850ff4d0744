#include "common/vault_session.h"

#include "common/secret_text.h"
#include "punctum/core/model/role.h"
#include "punctum/storage/passphrase_rule.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEvent>
#include <QFileInfo>
#include <QPointer>
#include <QQmlEngine>
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
        {Action::read_records, "read_records"},       {Action::write_clinical, "write_clinical"},
        {Action::log_recovery, "log_recovery"},       {Action::annotate, "annotate"},
        {Action::settle_flags, "settle_flags"},       {Action::manage_accounts, "manage_accounts"},
        {Action::change_settings, "change_settings"}, {Action::reveal_key, "reveal_key"},
        {Action::read_audit, "read_audit"},           {Action::review_sessions, "review_sessions"}};
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

QString VaultSession::weakPassphraseReason(const QString& passphrase) {
    // Storage's own rule, asked early so the form answers before a task starts.
    const auto rule = storage::check_new_passphrase(secret_from(passphrase));
    return rule ? QString() : QString::fromStdString(rule.error().message);
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

void VaultSession::forgetRecoveryKey() {
    if (recovery_key_.empty()) {
        return;
    }
    recovery_key_ = storage::SecureBytes(); // the old buffer is wiped as it is freed
    emit recoveryKeyChanged();
}

void VaultSession::holdRecoveryKey(storage::SecureBytes key) {
    recovery_key_ = std::move(key);
    emit recoveryKeyChanged();
}

void VaultSession::showVaultAt(const QString& path) {
    path_.clear(); // re-announce even when the path is the same
    setVaultPath(path);
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
