#pragma once
// The clinic's inbox folder: recovery reports that patients' apps write into a shared folder
// (a Syncthing or Nextcloud share, a USB stick copied in) are imported as they arrive, each
// moved into done/ or refused/ (with <file>.reason.txt), and announced in the app.
//
// Sync engines write a file under a temporary name and rename it when whole, but not all do
// and QFileSystemWatcher misses events on some of them, so the folder is also rescanned on a
// timer, and a report is only taken once its size and time stayed the same across two looks
// (the settle interval apart). Imports run one at a time on their own LongTask rather than
// the session's task: a report arriving must not put the progress panel over what the
// practitioner is typing. The worker holds the vault (VaultSession::vault keeps it open until
// the import ends); while a session task holds the vault, or while locked, nothing starts and
// the next rescan tries again.

#include "common/long_task.h"
#include "common/session_bound.h"
#include "exchange/recent_imports_model.h"

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class ExchangeInbox : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// The folder watched (this vault's inbox setting); empty when none is chosen.
    Q_PROPERTY(QString folder READ folder NOTIFY stateChanged)
    /// True while the folder exists and is watched.
    Q_PROPERTY(bool watching READ watching NOTIFY stateChanged)
    /// What the inbox is doing, or why it is not, in a sentence.
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(bool importing READ importing NOTIFY stateChanged)
    Q_PROPERTY(punctum::ui::RecentImportsModel* recent READ recent CONSTANT)
    /// Milliseconds between rescans of the whole folder (default 15 s).
    Q_PROPERTY(
        int rescanInterval READ rescanInterval WRITE setRescanInterval NOTIFY intervalsChanged)
    /// Milliseconds between the two looks that must agree on a file's size (default 2 s).
    Q_PROPERTY(
        int settleInterval READ settleInterval WRITE setSettleInterval NOTIFY intervalsChanged)

public:
    explicit ExchangeInbox(QObject* parent = nullptr);
    ~ExchangeInbox() override;
    ExchangeInbox(const ExchangeInbox&) = delete;
    ExchangeInbox& operator=(const ExchangeInbox&) = delete;

    [[nodiscard]] QString folder() const { return folder_; }
    [[nodiscard]] bool watching() const { return watching_; }
    [[nodiscard]] QString status() const;
    [[nodiscard]] bool importing() const { return task_.running(); }
    [[nodiscard]] RecentImportsModel* recent() { return &recent_; }
    [[nodiscard]] int rescanInterval() const { return rescan_.interval(); }
    void setRescanInterval(int ms);
    [[nodiscard]] int settleInterval() const { return settle_.interval(); }
    void setSettleInterval(int ms);

    /// Looks at the folder now, and tries again the reports that could not be imported.
    Q_INVOKABLE void scanNow();
    /// Blocks (processing events) until no report waits to settle or be imported; for tests.
    bool waitUntilIdle(int timeoutMs);

signals:
    void stateChanged();
    void intervalsChanged();
    /// A report was handled, for the in-app notification: `outcome` as RecentImportsModel's
    /// ("imported", "already", "refused", "failed"), `newUrgent` flags now in Needs attention.
    void notified(const QString& outcome, const QString& message, int newUrgent, qint64 sessionId);

protected:
    void reload() override;

private:
    /// What the inbox knows of a report file in the folder.
    struct Seen {
        qint64 size = -1;
        QDateTime modified;
        bool queued = false; ///< stable: waiting for or being imported
        bool failed = false; ///< could not be imported (not refused): wait for a change
    };
    /// What an import did, handed from the worker to the UI thread.
    struct Done {
        QString path;
        RecentImportsModel::Row row;
        bool keep = false; ///< left in the folder (failed): remembered as failed
    };

    void watch(const QString& folder);
    void scan();
    void importNext();
    void finish(const Done& done);
    void setStatus(const QString& problem);

    QString folder_;
    bool watching_ = false;
    QString problem_;
    QString refused_; ///< why the account signed in does not import (a reviewer)
    QDateTime last_scan_;
    QFileSystemWatcher watcher_;
    QTimer rescan_;
    QTimer settle_;
    QHash<QString, Seen> seen_;
    QStringList queue_;
    RecentImportsModel recent_;
    LongTask task_;
};

} // namespace punctum::ui
