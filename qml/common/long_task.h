#pragma once
// The app's one way to work off the UI thread, with progress and Cancel: vault tasks (a
// backup, re-evaluating every session, verifying the audit chain, filling a new vault with
// demo clients) through VaultSession::task, and also unlocking and photo alignment, each with
// its own LongTask. Long work runs on a worker thread while the window stays responsive and
// shows how far it has come, with Cancel. One task at a time: while a task holds the vault
// VaultSession reports busy and the progress panel blocks the rest of the window. Storage
// itself is safe to use from two threads (its connection locks per statement and
// transaction), but a task's work must never outlive the vault it uses: the worker is
// owned here, and whoever closes the vault first calls stopAndWait().

#include "punctum/core/progress.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace punctum::ui {

class LongTask : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use VaultSession.task")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString title READ title NOTIFY runningChanged)
    /// 0..1, or -1 while the total is unknown (the bar is then indeterminate).
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY progressChanged)

public:
    /// Runs on the worker thread with the progress callback to hand to storage, and returns
    /// what to do on the UI thread once it is over (report the result, adopt a vault).
    using Work = std::function<std::function<void()>(const core::Progress& progress)>;
    /// Words for "done of total" in the task's own unit ("3 of 24 clients").
    using Describe = std::function<QString(qint64 done, qint64 total)>;

    explicit LongTask(QObject* parent = nullptr);
    /// Cancels a running task and waits for its worker (stopAndWait).
    ~LongTask() override;
    LongTask(const LongTask&) = delete;
    LongTask& operator=(const LongTask&) = delete;

    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] QString title() const { return title_; }
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString status() const;
    [[nodiscard]] bool cancelling() const { return cancel_->load(); }

    /// Starts `work` unless a task is already running (then false).
    bool start(const QString& title, Work work, Describe describe = {});
    /// Asks the work to stop at its next progress report; storage then returns `cancelled`.
    Q_INVOKABLE void cancel();
    /// Blocks (processing events) until the task is over; for tests and the page tour.
    bool waitUntilDone(int timeoutMs);
    /// Asks a running task to stop and blocks until its worker thread has ended, without
    /// processing events: afterwards no worker touches what the task was given (the vault),
    /// so it may be closed. Work that cannot stop part-way (a restore, a key rotation) is
    /// waited for. The task's UI-thread part is dropped: call this only when closing.
    void stopAndWait();
    /// Test seam: the work waits at its first progress report until released or cancelled,
    /// so a test or the page tour can look at a task in progress.
    void holdAtFirstReportForTests(bool hold);
    /// Whether the running work has reported progress at least once.
    [[nodiscard]] bool hasReported() const { return shared_->reported.load(); }

signals:
    void runningChanged();
    void progressChanged();
    /// After the UI-thread part of the work has run.
    void finished();

private:
    // Shared with the worker, which may outlive a report it posted.
    struct Shared {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> update_posted{false};
        std::atomic<bool> hold{false};
        std::atomic<bool> reported{false};
        /// The work's UI-thread part, handed over under this mutex rather than inside the
        /// posted call alone (Qt's queue is a synchronisation ThreadSanitizer cannot see).
        std::mutex mutex;
        std::function<void()> finish;
    };
    bool running_ = false;
    QString title_;
    Describe describe_;
    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    bool hold_for_tests_ = false;
    /// Joined, never detached: a detached worker could go on using a closed vault.
    std::thread worker_;
};

} // namespace punctum::ui
