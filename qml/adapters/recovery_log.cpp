#include "recovery_log.h"

#include "display_text.h"
#include "flag_rows.h"
#include "photo_image_cache.h"
#include "photo_image_provider.h"
#include "vault_session.h"

#include "punctum/core/photo/photo_import.h"

#include <QFile>
#include <QFileInfo>
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

RecoveryLog::RecoveryLog(QObject* parent) : QObject(parent) {}

RecoveryLog::~RecoveryLog() {
    for (const auto& p : photos_) {
        PhotoImageCache::remove(pending_key(p.key));
    }
}

QVariantList RecoveryLog::pendingPhotos() const {
    QVariantList out;
    for (const auto& p : photos_) {
        out << QVariantMap{
            {QStringLiteral("key"), p.key},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("accepted"), p.accepted},
            {QStringLiteral("source"),
             p.accepted ? QStringLiteral("image://vaultphoto/") + pending_key(p.key) : QString()},
            {QStringLiteral("message"), p.message}};
    }
    return out;
}

int RecoveryLog::acceptedPhotos() const {
    return static_cast<int>(
        std::count_if(photos_.begin(), photos_.end(), [](const auto& p) { return p.accepted; }));
}

bool RecoveryLog::addPhotoBytes(const QString& name, std::vector<std::uint8_t> bytes) {
    PendingPhoto p;
    p.key = next_pending_key();
    p.name = name;
    // The same check storage makes on save, now, so a bad file is refused before Save.
    auto imported = core::photo::import_photo(bytes);
    if (imported) {
        auto thumb = core::photo::decode_photo(imported->thumbnail, 1);
        if (thumb) {
            PhotoImageCache::put(pending_key(p.key), PhotoImageProvider::to_qimage(*thumb));
            p.accepted = true;
            p.file = std::move(bytes);
            p.message = tr("Ready to save with this entry (%1 × %2).")
                            .arg(imported->width)
                            .arg(imported->height);
        } else {
            p.message = QString::fromStdString(thumb.error().message);
        }
    } else {
        p.message = QString::fromStdString(imported.error().message);
    }
    const bool accepted = p.accepted;
    photos_.push_back(std::move(p));
    emit photosChanged();
    return accepted;
}

bool RecoveryLog::addPhotoFile(const QUrl& url) {
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    auto refuse = [&](const QString& message) {
        PendingPhoto p;
        p.key = next_pending_key();
        p.name = name;
        p.message = message;
        photos_.push_back(std::move(p));
        emit photosChanged();
        return false;
    };
    const auto limit = core::photo::ImportLimits{}.max_bytes;
    if (file.size() > static_cast<qint64>(limit)) {
        // Refused before reading: the whole file would sit in memory for nothing.
        return refuse(tr("The file is larger than %1 MB. Choose a smaller photo, or export "
                         "it from the camera at a lower size.")
                          .arg(limit / (1024 * 1024)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return refuse(tr("The file could not be read (%1). Check it still exists and that "
                         "you may open it.")
                          .arg(file.errorString()));
    }
    const QByteArray data = file.readAll();
    return addPhotoBytes(name, std::vector<std::uint8_t>(data.begin(), data.end()));
}

int RecoveryLog::addPhotoFiles(const QList<QUrl>& files) {
    int accepted = 0;
    for (const auto& url : files) {
        accepted += addPhotoFile(url) ? 1 : 0;
    }
    return accepted;
}

void RecoveryLog::removePhoto(int key) {
    const auto it =
        std::find_if(photos_.begin(), photos_.end(), [key](const auto& p) { return p.key == key; });
    if (it != photos_.end()) {
        PhotoImageCache::remove(pending_key(key));
        photos_.erase(it);
        emit photosChanged();
    }
}

void RecoveryLog::clearPhotos() {
    if (photos_.empty()) {
        return;
    }
    for (const auto& p : photos_) {
        PhotoImageCache::remove(pending_key(p.key));
    }
    photos_.clear();
    emit photosChanged();
}

void RecoveryLog::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    day_ = -1;
    treated_on_.clear();
    treated_date_.reset();
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr && id > 0) {
        if (auto s = session->vault()->sessions().get(core::SessionId{id})) {
            day_ = core::days_between(s->treated_on, VaultSession::today());
            treated_on_ = list_date(s->treated_on, VaultSession::today());
            treated_date_ = s->treated_on;
        }
    }
    reset();
    emit sessionIdChanged();
    emit observedOnChanged();
}

void RecoveryLog::setObservedOn(const QString& day) {
    if (day == observed_on_) {
        return;
    }
    observed_on_ = day;
    emit observedOnChanged();
}

QString RecoveryLog::isoDaysAgo(int days) {
    const auto day = std::chrono::sys_days{VaultSession::today()} - std::chrono::days{days};
    return QString::fromStdString(core::format_date(core::Date{day}));
}

QString RecoveryLog::observedOnError() const {
    if (observed_on_.isEmpty()) {
        return {};
    }
    const auto day = core::parse_date(observed_on_.trimmed().toStdString());
    if (!day) {
        return tr("Write the day like %1.").arg(isoDaysAgo(1));
    }
    if (*day > VaultSession::today()) {
        return tr("That day has not happened yet: choose today or an earlier day.");
    }
    if (treated_date_ && *day < *treated_date_) {
        return tr("That day is before the treatment on %1: choose the treatment day or later.")
            .arg(QString::fromStdString(core::format_date(*treated_date_)));
    }
    return {};
}

int RecoveryLog::observedDay() const {
    if (!treated_date_ || !observedOnError().isEmpty()) {
        return -1;
    }
    const auto day = observed_on_.isEmpty()
                         ? VaultSession::today()
                         : *core::parse_date(observed_on_.trimmed().toStdString());
    return core::days_between(*treated_date_, day);
}

QVariantList RecoveryLog::scales() {
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

void RecoveryLog::loadOpenFlags() {
    open_.clear();
    auto* session = VaultSession::instance();
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
                open_ << flag_map(f);
            }
        }
    }
}

void RecoveryLog::reset() {
    clearPhotos();
    clearResult();
}

void RecoveryLog::clearResult() {
    loadOpenFlags();
    saved_ = false;
    result_.clear();
    earlier_open_ = 0;
    error_.clear();
    emit resultChanged();
}

bool RecoveryLog::save(const QVariantMap& scores, const QString& note, const QString& reporter) {
    clearResult();
    auto* session = VaultSession::instance();
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
    entry.observed_on = observed_on_.isEmpty()
                            ? VaultSession::today()
                            : *core::parse_date(observed_on_.trimmed().toStdString());
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
    std::vector<storage::NewPhoto> photos;
    for (const auto& p : photos_) {
        if (p.accepted) {
            photos.push_back({p.file, {}, std::nullopt});
        }
    }
    if (entry.empty() && entry.note.empty() && photos.empty()) {
        error_ = tr("Choose at least one score, write a note or add a photo before saving.");
        emit resultChanged();
        return false;
    }
    auto& vault = *session->vault();
    // Entry and photos in one transaction: both land, or neither does.
    auto id = photos.empty() ? vault.sessions().add_entry(entry)
                             : vault.sessions().add_entry(entry, photos);
    if (!id) {
        error_ = QString::fromStdString(id.error().message);
        emit resultChanged();
        return false;
    }
    saved_ = true;
    clearPhotos();
    loadOpenFlags();
    if (auto flags = vault.flags().of_session(entry.session_id)) {
        // Most urgent first, like the queue.
        std::stable_sort(flags->begin(), flags->end(), [](const auto& a, const auto& b) {
            return a.flag.severity > b.flag.severity;
        });
        for (const auto& f : *flags) {
            if (f.entry_id == *id) {
                result_ << flag_map(f);
            } else if (f.state == storage::FlagState::open ||
                       f.state == storage::FlagState::acknowledged) {
                ++earlier_open_;
            }
        }
    }
    emit resultChanged();
    session->notifyDataChanged();
    return true;
}

} // namespace punctum::ui
