#include "recovery/log_recovery_page_controller.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"
#include "flags/flag_rows.h"
#include "photos/photo_image_cache.h"
#include "photos/photo_image_provider.h"

#include "punctum/core/photo/photo_import.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStringList>
#include <algorithm>

namespace punctum::ui {

namespace {

QString pending_key(int key) {
    return QStringLiteral("pending/%1").arg(key);
}

// Keys are unique across every form, so two forms never share a cached thumbnail.
int next_pending_key() {
    static int key = 0;
    return ++key;
}

} // namespace

LogRecoveryPageController::LogRecoveryPageController(QObject* parent) : SessionObject(parent) {}

LogRecoveryPageController::~LogRecoveryPageController() {
    for (const auto& p : photos_) {
        PhotoImageCache::remove(pending_key(p.key));
    }
}

QVariantList LogRecoveryPageController::pendingPhotos() const {
    QVariantList out;
    for (const auto& p : photos_) {
        out << QVariantMap{
            {QStringLiteral("key"), p.key},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("accepted"), p.accepted()},
            {QStringLiteral("source"),
             p.accepted() ? QStringLiteral("image://vaultphoto/") + pending_key(p.key) : QString()},
            {QStringLiteral("message"), p.message},
            {QStringLiteral("view"), QString::fromUtf8(core::to_string(p.view).data())}};
    }
    return out;
}

QVariantMap LogRecoveryPageController::gaisScale() {
    return gais_scale(QStringLiteral("gais"), tr("Improvement"));
}

QVariantList LogRecoveryPageController::photoViews() {
    return view_choices();
}

void LogRecoveryPageController::setPhotoView(int key, const QString& view) {
    const auto it =
        std::find_if(photos_.begin(), photos_.end(), [key](const auto& p) { return p.key == key; });
    const auto chosen = core::photo_view_from_string(view.toStdString());
    if (it != photos_.end() && chosen && it->view != *chosen) {
        it->view = *chosen;
        emit photosChanged();
    }
}

int LogRecoveryPageController::acceptedPhotos() const {
    return static_cast<int>(
        std::count_if(photos_.begin(), photos_.end(), [](const auto& p) { return p.accepted(); }));
}

LogRecoveryPageController::PendingPhoto
LogRecoveryPageController::check_bytes(const QString& name, std::vector<std::uint8_t> bytes) {
    PendingPhoto p;
    p.name = name;
    // Imported once, now: a bad file is refused before Save, and what is kept is the
    // stripped photo; the file as read (EXIF, GPS and all) is wiped here.
    auto imported = core::photo::import_photo(bytes);
    storage::wipe(bytes.data(), bytes.size());
    bytes = {};
    if (!imported) {
        p.message = QString::fromStdString(imported.error().message);
        return p;
    }
    auto thumb = core::photo::decode_photo(imported->thumbnail, 1);
    if (!thumb) {
        p.message = QString::fromStdString(thumb.error().message);
        return p;
    }
    p.thumbnail = PhotoImageProvider::to_qimage(*thumb);
    p.message =
        tr("Ready to save with this entry (%1 × %2).").arg(imported->width).arg(imported->height);
    p.imported = std::move(imported).value();
    return p;
}

LogRecoveryPageController::PendingPhoto LogRecoveryPageController::check_file(const QString& path) {
    PendingPhoto p;
    p.name = QFileInfo(path).fileName();
    QFile file(path);
    const auto limit = core::photo::ImportLimits{}.max_bytes;
    if (file.size() > static_cast<qint64>(limit)) {
        // Refused before reading: the whole file would sit in memory for nothing.
        p.message = tr("The file is larger than %1 MB. Choose a smaller photo, or export "
                       "it from the camera at a lower size.")
                        .arg(limit / (1024 * 1024));
        return p;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        p.message = tr("The file could not be read (%1). Check it still exists and that "
                       "you may open it.")
                        .arg(file.errorString());
        return p;
    }
    // Read straight into the buffer check_bytes wipes: no second copy of the file.
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(file.size()));
    const qint64 read = file.read(reinterpret_cast<char*>(bytes.data()), file.size());
    if (read != file.size()) {
        storage::wipe(bytes.data(), bytes.size());
        p.message = tr("The file could not be read (%1). Check it still exists and that "
                       "you may open it.")
                        .arg(file.errorString());
        return p;
    }
    return check_bytes(p.name, std::move(bytes));
}

bool LogRecoveryPageController::append(PendingPhoto photo) {
    photo.key = next_pending_key();
    if (photo.accepted()) {
        PhotoImageCache::put(pending_key(photo.key), photo.thumbnail);
    }
    photo.thumbnail = QImage(); // the cache holds it now
    const bool accepted = photo.accepted();
    photos_.push_back(std::move(photo));
    emit photosChanged();
    return accepted;
}

bool LogRecoveryPageController::addPhotoBytes(const QString& name,
                                              std::vector<std::uint8_t> bytes) {
    return append(check_bytes(name, std::move(bytes)));
}

bool LogRecoveryPageController::addPhotoFile(const QUrl& url) {
    return append(check_file(url.isLocalFile() ? url.toLocalFile() : url.toString()));
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
            auto checked = std::make_shared<std::vector<PendingPhoto>>();
            const auto total = static_cast<std::int64_t>(paths.size());
            for (std::int64_t i = 0; i < total; ++i) {
                if (!core::report(progress, i, total)) {
                    break; // the photos checked so far are still listed
                }
                checked->push_back(check_file(paths.at(static_cast<qsizetype>(i))));
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
            accepted += append(check_file(path)) ? 1 : 0;
        }
        return accepted;
    }
    return 0;
}

void LogRecoveryPageController::removePhoto(int key) {
    const auto it =
        std::find_if(photos_.begin(), photos_.end(), [key](const auto& p) { return p.key == key; });
    if (it != photos_.end()) {
        PhotoImageCache::remove(pending_key(key));
        photos_.erase(it);
        emit photosChanged();
    }
}

void LogRecoveryPageController::clearPhotos() {
    if (photos_.empty()) {
        return;
    }
    for (const auto& p : photos_) {
        PhotoImageCache::remove(pending_key(p.key));
    }
    photos_.clear();
    emit photosChanged();
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
    std::vector<storage::NewPhoto> photos;
    for (const auto& p : photos_) {
        if (p.imported) {
            photos.push_back({*p.imported, {}, std::nullopt, p.view});
        }
    }
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
