#include "recovery/log_recovery_page_controller.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"
#include "flags/flag_rows.h"

#include <QPointer>
#include <QStringList>
#include <algorithm>

namespace punctum::ui {

LogRecoveryPageController::LogRecoveryPageController(QObject* parent) : SessionObject(parent) {}

LogRecoveryPageController::~LogRecoveryPageController() = default;

QVariantList LogRecoveryPageController::pendingPhotos() const {
    return photos_.rows();
}

QVariantMap LogRecoveryPageController::gaisScale() {
    return gais_scale(QStringLiteral("gais"), tr("Improvement"));
}

QVariantList LogRecoveryPageController::photoViews() {
    return view_choices();
}

void LogRecoveryPageController::setPhotoView(int key, const QString& view) {
    if (photos_.set_view(key, view)) {
        emit photosChanged();
    }
}

int LogRecoveryPageController::acceptedPhotos() const {
    return photos_.accepted();
}

bool LogRecoveryPageController::append(PendingPhotos::Photo photo) {
    const bool accepted = photos_.add(std::move(photo));
    emit photosChanged();
    return accepted;
}

bool LogRecoveryPageController::addPhotoBytes(const QString& name,
                                              std::vector<std::uint8_t> bytes) {
    return append(PendingPhotos::check_bytes(name, std::move(bytes)));
}

bool LogRecoveryPageController::addPhotoFile(const QUrl& url) {
    return append(
        PendingPhotos::check_file(url.isLocalFile() ? url.toLocalFile() : url.toString()));
}

int LogRecoveryPageController::addPhotoFiles(const QList<QUrl>& files) {
    // Each check decodes the photo (about 0.2 s at 12 MP): many of them run as a long task
    // off the UI thread, with progress and Cancel; the vault is not touched meanwhile.
    auto* session = vaultSession();
    if (session == nullptr || files.size() < 2) {
        int accepted = 0;
        for (const auto& url : files) {
            accepted += addPhotoFile(url) ? 1 : 0;
        }
        return accepted;
    }
    QStringList paths;
    for (const auto& url : files) {
        paths << (url.isLocalFile() ? url.toLocalFile() : url.toString());
    }
    QPointer<LogRecoveryPageController> self(this);
    const bool started = session->task()->start(
        tr("Checking %1 photos").arg(paths.size()),
        [self, paths](const core::Progress& progress) {
            auto checked = std::make_shared<std::vector<PendingPhotos::Photo>>();
            const auto total = static_cast<std::int64_t>(paths.size());
            for (std::int64_t i = 0; i < total; ++i) {
                if (!core::report(progress, i, total)) {
                    break; // the photos checked so far are still listed
                }
                checked->push_back(PendingPhotos::check_file(paths.at(static_cast<qsizetype>(i))));
            }
            (void)core::report(progress, static_cast<std::int64_t>(checked->size()), total);
            return std::function<void()>([self, checked] {
                if (self) {
                    for (auto& photo : *checked) {
                        self->append(std::move(photo));
                    }
                }
            });
        },
        [](qint64 done, qint64 total) {
            return tr("%1 of %2 photos checked").arg(done).arg(total);
        });
    if (!started) { // another task holds the worker: check them here instead
        int accepted = 0;
        for (const auto& path : paths) {
            accepted += append(PendingPhotos::check_file(path)) ? 1 : 0;
        }
        return accepted;
    }
    return 0;
}

void LogRecoveryPageController::removePhoto(int key) {
    if (photos_.remove(key)) {
        emit photosChanged();
    }
}

void LogRecoveryPageController::clearPhotos() {
    if (photos_.clear()) {
        emit photosChanged();
    }
}

void LogRecoveryPageController::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    day_ = -1;
    treated_on_.clear();
    treated_date_.reset();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id > 0) {
        if (auto s = session->vault()->sessions().get(core::SessionId{id})) {
            day_ = core::days_between(s->treated_on, today());
            treated_on_ = list_date(s->treated_on, today());
            treated_date_ = s->treated_on;
        }
    }
    reset();
    emit sessionIdChanged();
    emit observedOnChanged();
}

void LogRecoveryPageController::setObservedOn(const QString& day) {
    if (day == observed_on_) {
        return;
    }
    observed_on_ = day;
    emit observedOnChanged();
}

QString LogRecoveryPageController::isoDaysAgo(int days) const {
    const auto day = std::chrono::sys_days{today()} - std::chrono::days{days};
    return QString::fromStdString(core::format_date(core::Date{day}));
}

QString LogRecoveryPageController::observedOnError() const {
    if (observed_on_.isEmpty()) {
        return {};
    }
    const auto day = core::parse_date(observed_on_.trimmed().toStdString());
    if (!day) {
        return tr("Write the day like %1.").arg(isoDaysAgo(1));
    }
    if (*day > today()) {
        return tr("That day has not happened yet: choose today or an earlier day.");
    }
    if (treated_date_ && *day < *treated_date_) {
        return tr("That day is before the treatment on %1: choose the treatment day or later.")
            .arg(QString::fromStdString(core::format_date(*treated_date_)));
    }
    return {};
}

int LogRecoveryPageController::observedDay() const {
    if (!treated_date_ || !observedOnError().isEmpty()) {
        return -1;
    }
    const auto day =
        observed_on_.isEmpty() ? today() : *core::parse_date(observed_on_.trimmed().toStdString());
    return core::days_between(*treated_date_, day);
}

QVariantList LogRecoveryPageController::scales() {
    QVariantList out;
    for (const auto& scale : core::all_scales()) {
        QVariantList choices;
        for (int v = 0; v <= scale.max; ++v) {
            choices << QVariantMap{{QStringLiteral("value"), v},
                                   {QStringLiteral("words"), score_words(scale, v)}};
        }
        out << QVariantMap{{QStringLiteral("key"), QString::fromUtf8(scale.key.data())},
                           {QStringLiteral("name"), scale_name(scale)},
                           {QStringLiteral("max"), scale.max},
                           {QStringLiteral("yesNo"), scale.yes_no},
                           {QStringLiteral("scale"), QString::fromUtf8(scale.scale.data())},
                           {QStringLiteral("choices"), choices}};
    }
    return out;
}

void LogRecoveryPageController::loadOpenFlags() {
    open_.clear();
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || session_id_ <= 0) {
        return;
    }
    if (auto flags = session->vault()->flags().of_session(core::SessionId{session_id_})) {
        std::stable_sort(flags->begin(), flags->end(), [](const auto& a, const auto& b) {
            return a.flag.severity > b.flag.severity;
        });
        for (const auto& f : *flags) {
            if (f.state == storage::FlagState::open ||
                f.state == storage::FlagState::acknowledged) {
                open_ << flag_map(f, vaultSession());
            }
        }
    }
}

void LogRecoveryPageController::reset() {
    clearPhotos();
    clearResult();
}

void LogRecoveryPageController::clearResult() {
    loadOpenFlags();
    saved_ = false;
    result_.clear();
    earlier_open_ = 0;
    error_.clear();
    emit resultChanged();
}

bool LogRecoveryPageController::save(const QVariantMap& scores, const QString& note,
                                     const QString& reporter, const QVariantMap& outcome) {
    clearResult();
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        error_ = tr("The vault is locked. Unlock it and log again.");
        emit resultChanged();
        return false;
    }
    if (const QString wrong = observedOnError(); !wrong.isEmpty()) {
        error_ = wrong;
        emit resultChanged();
        return false;
    }
    core::RecoveryEntry entry;
    entry.session_id = core::SessionId{session_id_};
    entry.observed_on =
        observed_on_.isEmpty() ? today() : *core::parse_date(observed_on_.trimmed().toStdString());
    entry.reporter = reporter == QStringLiteral("clinician") ? core::Reporter::clinician
                                                             : core::Reporter::patient;
    entry.note = note.trimmed().toStdString();
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        if (auto symptom = core::symptom_from_key(it.key().toStdString())) {
            if (it.value().isValid() && !it.value().isNull()) {
                entry.set(*symptom, it.value().toInt());
            }
        }
    }
    // GAIS is an outcome, not a symptom: kept apart from the scores.
    const auto grade = [&outcome](const char* key) -> std::optional<int> {
        const QVariant v = outcome.value(QString::fromUtf8(key));
        return v.isValid() && !v.isNull() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    entry.gais_practitioner = grade("gaisPractitioner");
    entry.gais_patient = grade("gaisPatient");
    std::vector<storage::NewPhoto> photos = photos_.to_save();
    if (entry.empty() && entry.note.empty() && photos.empty()) {
        error_ = tr("Choose at least one score, rate the improvement, write a note or add a "
                    "photo before saving.");
        emit resultChanged();
        return false;
    }
    const auto open = vault();
    if (open == nullptr) {
        error_ = tr("The vault is locked. Unlock it and log again.");
        emit resultChanged();
        return false;
    }
    if (auto valid = open->sessions().check_entry(entry); !valid) {
        error_ = QString::fromStdString(valid.error().message);
        emit resultChanged();
        return false;
    }
    // Written off the UI thread: an entry with photos re-encrypts megabytes. The worker keeps
    // the vault open (a shared pointer) even if the app locks meanwhile.
    struct Written {
        storage::StorageResult<core::EntryId> id;
        std::vector<storage::StoredFlag> flags;
    };
    QPointer<LogRecoveryPageController> self(this);
    const bool started = saving_.start(
        tr("Saving the entry"),
        [self, open, entry, photos = std::move(photos)](const core::Progress& /*progress*/) {
            // Entry and photos in one transaction: both land, or neither does.
            auto written = std::make_shared<Written>(
                Written{photos.empty() ? open->sessions().add_entry(entry)
                                       : open->sessions().add_entry(entry, photos),
                        {}});
            if (written->id) {
                if (auto flags = open->flags().of_session(entry.session_id)) {
                    written->flags = std::move(*flags);
                }
            }
            return std::function<void()>([self, written] {
                if (self) {
                    self->finish_save(written->id ? std::optional(*written->id) : std::nullopt,
                                      written->id
                                          ? QString()
                                          : QString::fromStdString(written->id.error().message),
                                      std::move(written->flags));
                }
            });
        });
    if (started) {
        emit savingChanged();
    }
    return started;
}

void LogRecoveryPageController::finish_save(std::optional<core::EntryId> id, const QString& error,
                                            std::vector<storage::StoredFlag> flags) {
    emit savingChanged();
    if (!id) {
        error_ = error;
        emit resultChanged();
        emit saveFinished(false);
        return;
    }
    saved_ = true;
    clearPhotos();
    loadOpenFlags();
    // Most urgent first, like the queue.
    std::stable_sort(flags.begin(), flags.end(), [](const auto& a, const auto& b) {
        return a.flag.severity > b.flag.severity;
    });
    for (const auto& f : flags) {
        if (f.entry_id == *id) {
            result_ << flag_map(f, vaultSession());
        } else if (f.state == storage::FlagState::open ||
                   f.state == storage::FlagState::acknowledged) {
            ++earlier_open_;
        }
    }
    emit resultChanged();
    emit saveFinished(true);
    if (auto* session = vaultSession()) {
        session->notifyDataChanged();
    }
}

bool LogRecoveryPageController::waitUntilSaved(int timeoutMs) {
    (void)saving_.waitUntilDone(timeoutMs);
    return saved_;
}

} // namespace punctum::ui
