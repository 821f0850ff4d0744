#include "exchange/exchange_inbox.h"

#include "common/vault_session.h"
#include "exchange/exchange_settings.h"
#include "exchange/exchange_words.h"
#include "exchange/inbox_files.h"

#include "punctum/core/model/role.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/vault.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <memory>

namespace punctum::ui {

namespace {

QString imported_words(const QString& file, const storage::ImportedReport& r) {
    const QString who = QString::fromStdString(r.client_name);
    if (r.already_imported) {
        return ExchangeInbox::tr("%1 from %2 was imported before (%3): nothing changed.")
            .arg(file, who, exchange_words::when(r.imported_at));
    }
    QString text = r.photos_added > 0 ? ExchangeInbox::tr("From %1: %2 and %3 new.")
                                            .arg(who, exchange_words::checkins(r.entries_added),
                                                 exchange_words::photos(r.photos_added))
                                      : ExchangeInbox::tr("From %1: %2 new.")
                                            .arg(who, exchange_words::checkins(r.entries_added));
    if (r.entries_known > 0) {
        text += QLatin1Char(' ') + ExchangeInbox::tr("%1 already in the record.")
                                       .arg(exchange_words::checkins(r.entries_known));
    }
    if (r.new_urgent > 0) {
        text += QLatin1Char(' ') + ExchangeInbox::tr("%1: see Needs attention.")
                                       .arg(exchange_words::urgentFlags(r.new_urgent));
    } else if (r.new_flags > 0) {
        text += QLatin1Char(' ') + exchange_words::flags(r.new_flags) + QLatin1Char('.');
    }
    return text;
}

// Refused: the file itself is wrong (altered, not for this vault, from nobody paired). Other
// errors (the disk, the vault busy) say nothing about the file: it stays to be tried again.
bool is_refusal(storage::StorageErrc code) {
    return code == storage::StorageErrc::rejected || code == storage::StorageErrc::invalid_input;
}

} // namespace

ExchangeInbox::ExchangeInbox(QObject* parent) : SessionObject(parent) {
    rescan_.setInterval(15000);
    settle_.setInterval(2000);
    settle_.setSingleShot(true);
    connect(&rescan_, &QTimer::timeout, this, &ExchangeInbox::scan);
    connect(&settle_, &QTimer::timeout, this, &ExchangeInbox::scan);
    // An event says something changed, not that a file is whole: look again once it settles.
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!settle_.isActive()) {
            settle_.start();
        }
    });
    connect(&task_, &LongTask::runningChanged, this, &ExchangeInbox::stateChanged);
}

ExchangeInbox::~ExchangeInbox() {
    task_.stopAndWait(); // an import in flight ends (it cannot stop part-way) before we go
}

void ExchangeInbox::setRescanInterval(int ms) {
    if (ms != rescan_.interval()) {
        rescan_.setInterval(ms);
        emit intervalsChanged();
    }
}

void ExchangeInbox::setSettleInterval(int ms) {
    if (ms != settle_.interval()) {
        settle_.setInterval(ms);
        emit intervalsChanged();
    }
}

QString ExchangeInbox::status() const {
    if (!refused_.isEmpty()) {
        return refused_;
    }
    if (!problem_.isEmpty()) {
        return problem_;
    }
    if (folder_.isEmpty()) {
        return tr("No inbox folder is chosen: reports are imported only when one is.");
    }
    if (task_.running()) {
        return tr("Importing a recovery report\u2026");
    }
    const QString where = QDir::toNativeSeparators(folder_);
    return last_scan_.isValid() ? tr("Watching %1 for recovery reports; last looked at %2.")
                                      .arg(where, last_scan_.toString(QStringLiteral("HH:mm")))
                                : tr("Watching %1 for recovery reports.").arg(where);
}

void ExchangeInbox::setStatus(const QString& problem) {
    problem_ = problem;
    emit stateChanged();
}

void ExchangeInbox::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // the task's end reloads us
    }
    QString folder;
    QString refused;
    if (auto vault = this->vault()) {
        // Only a clinic account that may write records imports (storage checks it too).
        if (vault->kind() == storage::VaultKind::clinic) {
            if (core::permits(vault->account().role, core::Action::write_clinical)) {
                folder = ExchangeSettings::stored(*vault, ExchangeSettings::inbox_key);
            } else {
                refused = tr("Reports in the inbox are imported while a practitioner or an "
                             "administrator is signed in.");
            }
        }
    } else {
        recent_.clear(); // locked: what was imported names clients
    }
    if (folder != folder_) {
        watch(folder);
    }
    if (refused != refused_) {
        refused_ = refused;
        emit stateChanged();
    }
}

void ExchangeInbox::watch(const QString& folder) {
    if (!watcher_.directories().isEmpty()) {
        watcher_.removePaths(watcher_.directories());
    }
    folder_ = folder;
    seen_.clear();
    queue_.clear();
    problem_.clear();
    watching_ = false;
    if (folder_.isEmpty()) {
        rescan_.stop();
        settle_.stop();
        emit stateChanged();
        return;
    }
    rescan_.start();
    scan();
}

void ExchangeInbox::scanNow() {
    for (auto& seen : seen_) {
        seen.failed = false;
    }
    scan();
}

void ExchangeInbox::scan() {
    if (folder_.isEmpty()) {
        return;
    }
    const QDir dir(folder_);
    if (!dir.exists()) {
        watching_ = false;
        // A share not mounted yet, a USB stick not in: the rescan keeps looking.
        setStatus(tr("The inbox folder %1 cannot be found. Connect the disk or share, or "
                     "choose another folder in Settings.")
                      .arg(QDir::toNativeSeparators(folder_)));
        return;
    }
    if (!watcher_.directories().contains(folder_)) {
        watcher_.addPath(folder_);
    }
    watching_ = true;
    problem_.clear();
    if (auto* session = vaultSession()) {
        last_scan_ = exchange_words::local(session->clock().now());
    }
    bool settling = false;
    QHash<QString, Seen> next;
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files, QDir::Name)) {
        if (!inbox::is_report_name(info.fileName())) {
            continue;
        }
        const QString path = info.absoluteFilePath();
        Seen now{info.size(), info.lastModified()};
        const auto before = seen_.constFind(path);
        if (before != seen_.constEnd() && before->size == now.size &&
            before->modified == now.modified) {
            now.queued = before->queued;
            now.failed = before->failed;
            if (!now.queued && !now.failed && now.size > 0) {
                now.queued = true;
                queue_.append(path);
            }
        } else {
            settling = true; // new or still growing: look again before taking it
        }
        next.insert(path, now);
    }
    seen_ = std::move(next);
    if (settling && !settle_.isActive()) {
        settle_.start();
    }
    emit stateChanged();
    importNext();
}

void ExchangeInbox::importNext() {
    auto* session = vaultSession();
    if (task_.running() || queue_.isEmpty() || session == nullptr || session->busy()) {
        return;
    }
    auto vault = session->vault();
    if (!vault) {
        return; // locked or held by a task: the next scan tries again
    }
    const QString path = queue_.takeFirst();
    const QString folder = folder_;
    QPointer<ExchangeInbox> self(this);
    task_.start(
        tr("Importing a recovery report"), [self, vault, path, folder](const core::Progress&) {
            Done done;
            done.path = path;
            auto& row = done.row;
            row.file = QFileInfo(path).fileName();
            auto imported = vault->exchange().import_report(path.toStdString());
            QString error;
            if (imported) {
                const auto& r = *imported;
                row.outcome =
                    r.already_imported ? QStringLiteral("already") : QStringLiteral("imported");
                row.message = imported_words(row.file, r);
                row.client = QString::fromStdString(r.client_name);
                row.session = r.session.value;
                row.entries = r.entries_added;
                row.newUrgent = r.already_imported ? 0 : r.new_urgent;
                if (inbox::move_into(path, QDir(folder).filePath(inbox::done_folder), &error)
                        .isEmpty()) {
                    row.message += QLatin1Char(' ') + error;
                    done.keep = true;
                }
            } else if (is_refusal(imported.error().code)) {
                const QString reason = QString::fromStdString(imported.error().message);
                row.outcome = QStringLiteral("refused");
                row.message = ExchangeInbox::tr("%1 was refused and nothing was written: %2")
                                  .arg(row.file, reason);
                const QString moved =
                    inbox::move_into(path, QDir(folder).filePath(inbox::refused_folder), &error);
                if (moved.isEmpty()) {
                    row.message += QLatin1Char(' ') + error;
                    done.keep = true;
                } else {
                    inbox::write_reason(moved, reason);
                }
            } else {
                row.outcome = QStringLiteral("failed");
                row.message = ExchangeInbox::tr("%1 could not be imported yet: %2")
                                  .arg(row.file, QString::fromStdString(imported.error().message));
                done.keep = true;
            }
            return std::function<void()>([self, done] {
                if (self) {
                    self->finish(done);
                }
            });
        });
}

void ExchangeInbox::finish(const Done& done) {
    auto row = done.row;
    if (auto* session = vaultSession()) {
        row.when = exchange_words::when(session->clock().now());
        if (row.outcome == QLatin1String("imported")) {
            session->notifyDataChanged(); // new entries and flags: every page reloads
        }
    }
    if (done.keep) {
        if (auto it = seen_.find(done.path); it != seen_.end()) {
            it->queued = false;
            it->failed = true;
        }
    } else {
        seen_.remove(done.path);
    }
    recent_.prepend(row);
    emit notified(row.outcome, row.message, row.newUrgent, row.session);
    emit stateChanged();
    importNext();
}

bool ExchangeInbox::waitUntilIdle(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    auto busy = [this] {
        if (task_.running() || !queue_.isEmpty() || settle_.isActive()) {
            return true;
        }
        for (const auto& seen : seen_) {
            if (!seen.failed && seen.size > 0) {
                return true; // seen once, waiting for its second look
            }
        }
        return false;
    };
    while (busy() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return !busy();
}

} // namespace punctum::ui
