#include "common/long_task.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <thread>
#include <utility>

namespace punctum::ui {

LongTask::LongTask(QObject* parent) : QObject(parent) {}

LongTask::~LongTask() {
    // A worker still running is told to stop and waited for; its report to this object is
    // then dropped (QPointer).
    stopAndWait();
}

void LongTask::stopAndWait() {
    if (worker_.joinable()) {
        cancel_->store(true); // the held-for-tests wait ends on cancel too
        worker_.join();
        // Its UI-thread part is dropped here, with whatever it holds (a new vault), rather
        // than whenever Qt gets to the posted call.
        const std::lock_guard hold(shared_->mutex);
        shared_->finish = nullptr;
    }
}

double LongTask::progress() const {
    const auto total = shared_->total.load();
    if (total <= 0) {
        return -1.0;
    }
    return std::min(1.0, static_cast<double>(shared_->done.load()) / static_cast<double>(total));
}

QString LongTask::status() const {
    if (!running_) {
        return {};
    }
    if (cancel_->load()) {
        return tr("Stopping at the next safe point\u2026");
    }
    const auto done = shared_->done.load();
    const auto total = shared_->total.load();
    if (total <= 0) {
        return tr("Working\u2026");
    }
    return describe_ ? describe_(done, total) : tr("%1 of %2").arg(done).arg(total);
}

bool LongTask::start(const QString& title, Work work, Describe describe) {
    if (running_) {
        return false;
    }
    if (worker_.joinable()) {
        worker_.join(); // the last one has posted its result and is ending
    }
    title_ = title;
    describe_ = std::move(describe);
    shared_ = std::make_shared<Shared>();
    shared_->hold.store(hold_for_tests_);
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    emit runningChanged();
    emit progressChanged();

    QPointer<LongTask> self(this);
    auto shared = shared_;
    auto cancel = cancel_;
    // The callback storage calls on the worker: record, post one UI update at a time, and
    // tell storage whether to go on.
    core::Progress report = [self, shared, cancel](std::int64_t done, std::int64_t total) {
        shared->done.store(done);
        shared->total.store(total);
        shared->reported.store(true);
        if (!shared->update_posted.exchange(true)) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, shared] {
                    shared->update_posted.store(false);
                    if (self) {
                        emit self->progressChanged();
                    }
                },
                Qt::QueuedConnection);
        }
        while (shared->hold.load() && !cancel->load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return !cancel->load();
    };
    worker_ = std::thread([self, shared, work = std::move(work), report = std::move(report)] {
        auto finish = work(report);
        {
            const std::lock_guard hold(shared->mutex);
            shared->finish = std::move(finish);
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, shared] {
                std::function<void()> done;
                {
                    const std::lock_guard hold(shared->mutex);
                    done.swap(shared->finish);
                }
                if (!self) {
                    return;
                }
                self->running_ = false;
                if (done) {
                    done();
                }
                emit self->runningChanged();
                emit self->progressChanged();
                emit self->finished();
            },
            Qt::QueuedConnection);
    });
    return true;
}

void LongTask::cancel() {
    if (running_ && !cancel_->exchange(true)) {
        emit progressChanged();
    }
}

void LongTask::holdAtFirstReportForTests(bool hold) {
    hold_for_tests_ = hold;
    shared_->hold.store(hold);
}

bool LongTask::waitUntilDone(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (running_ && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return !running_;
}

} // namespace punctum::ui
