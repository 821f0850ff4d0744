#include "vault_session.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/model/role.h"
#include "punctum/storage/demo_writer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QPointer>
#include <QQmlEngine>
#include <algorithm>
#include <thread>
#include <utility>

namespace punctum::ui {

namespace {
VaultSession* g_instance = nullptr;

// QString -> guarded bytes; the temporary UTF-8 copy is wiped before it is freed.
storage::SecureBytes secret_from(const QString& text) {
    QByteArray utf8 = text.toUtf8();
    auto secret = storage::SecureBytes::from(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    storage::wipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
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

VaultSession* VaultSession::instance() {
    return g_instance;
}
void VaultSession::setInstance(VaultSession* session) {
    g_instance = session;
}

core::Date VaultSession::today() {
    return core::date_of(g_instance != nullptr ? g_instance->clock_.now()
                                               : core::SystemClock{}.now());
}

bool VaultSession::vaultExists() const {
    return !path_.isEmpty() && QFileInfo::exists(path_ + "/" + storage::Vault::key_file);
}

void VaultSession::setVaultPath(const QString& path) {
    if (path == path_) {
        return;
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
        {Action::change_settings, "change_settings"}, {Action::reveal_key, "reveal_key"}};
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
    auto first = vault_->clients().list("", 0, 1);
    if (!first || first->empty()) {
        return 0;
    }
    auto sessions = vault_->sessions().of_client(first->front().id);
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

void VaultSession::adopt(std::unique_ptr<storage::Vault> vault) {
    vault_ = std::move(vault);
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
    if (busy_ || vault_) {
        return;
    }
    clearError();
    setBusy(true);
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const std::string folder = path_.toStdString();
    const std::string who = account.toStdString();
    QPointer<VaultSession> self(this);
    std::thread([self, secret, folder, who, &clock = clock_] {
        auto opened = storage::Vault::open(folder, who, *secret, clock);
        auto result = std::make_shared<decltype(opened)>(std::move(opened));
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result] {
                if (!self) {
                    return;
                }
                self->setBusy(false);
                if (*result) {
                    self->adopt(std::move(result->value()));
                } else {
                    self->setError(QString::fromStdString(result->error().message));
                    emit self->unlockFailed();
                }
            },
            Qt::QueuedConnection);
    }).detach();
}

void VaultSession::createVault(const QString& kind, const QString& account,
                               const QString& displayName, const QString& passphrase,
                               int demoClients) {
    if (busy_) {
        return;
    }
    clearError();
    setBusy(true);
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    storage::NewVault options;
    options.kind =
        storage::vault_kind_from_string(kind.toStdString()).value_or(storage::VaultKind::clinic);
    options.account_name = account.trimmed().toStdString();
    options.display_name = displayName.trimmed().toStdString();
    options.kdf = kdf_;
    const std::string folder = path_.toStdString();
    QPointer<VaultSession> self(this);
    std::thread([self, secret, folder, options, demoClients, &clock = clock_] {
        auto created = storage::Vault::create(folder, *secret, options, clock);
        if (created && demoClients > 0) {
            const auto today = core::date_of(clock.now());
            for (int i = 0; i < demoClients && created; ++i) {
                auto added =
                    storage::add_demo_client(*created->vault, core::demo_client(1, i, today));
                if (!added) {
                    break; // the vault is usable; demo data is a convenience
                }
            }
        }
        auto result = std::make_shared<decltype(created)>(std::move(created));
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result] {
                if (!self) {
                    return;
                }
                self->setBusy(false);
                if (!*result) {
                    self->setError(QString::fromStdString(result->error().message));
                    return;
                }
                emit self->vaultPathChanged();
                const QString key = QString::fromUtf8(
                    reinterpret_cast<const char*>(result->value().recovery_key.data()),
                    static_cast<qsizetype>(result->value().recovery_key.size()));
                self->adopt(std::move(result->value().vault));
                emit self->created(key);
            },
            Qt::QueuedConnection);
    }).detach();
}

void VaultSession::lock() {
    if (!vault_) {
        return;
    }
    idle_.stop();
    vault_.reset(); // closes the database and wipes the keys
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
    while (busy_ && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return !busy_;
}

} // namespace punctum::ui
