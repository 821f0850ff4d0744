#include "recovery/pending_photos.h"

#include "photos/photo_image_cache.h"
#include "photos/photo_image_provider.h"
#include "punctum/storage/secure_bytes.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace punctum::ui {

namespace {

QString cache_key(int key) {
    return QStringLiteral("pending/%1").arg(key);
}

// Keys are unique across every form, so two forms never share a cached thumbnail.
int next_key() {
    static int key = 0;
    return ++key;
}

} // namespace

PendingPhotos::~PendingPhotos() {
    (void)clear();
}

PendingPhotos::Photo PendingPhotos::check_bytes(const QString& name,
                                                std::vector<std::uint8_t> bytes) {
    Photo p;
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

PendingPhotos::Photo PendingPhotos::check_file(const QString& path) {
    Photo p;
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
    const QString unreadable = tr("The file could not be read (%1). Check it still exists and "
                                  "that you may open it.");
    if (!file.open(QIODevice::ReadOnly)) {
        p.message = unreadable.arg(file.errorString());
        return p;
    }
    // Read straight into the buffer check_bytes wipes: no second copy of the file.
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(file.size()));
    const qint64 read = file.read(reinterpret_cast<char*>(bytes.data()), file.size());
    if (read != file.size()) {
        storage::wipe(bytes.data(), bytes.size());
        p.message = unreadable.arg(file.errorString());
        return p;
    }
    return check_bytes(p.name, std::move(bytes));
}

bool PendingPhotos::add(Photo photo) {
    photo.key = next_key();
    if (photo.accepted()) {
        PhotoImageCache::put(cache_key(photo.key), photo.thumbnail);
    }
    photo.thumbnail = QImage(); // the cache holds it now
    const bool accepted = photo.accepted();
    photos_.push_back(std::move(photo));
    return accepted;
}

bool PendingPhotos::remove(int key) {
    const auto it =
        std::find_if(photos_.begin(), photos_.end(), [key](const auto& p) { return p.key == key; });
    if (it == photos_.end()) {
        return false;
    }
    PhotoImageCache::remove(cache_key(key));
    photos_.erase(it);
    return true;
}

bool PendingPhotos::clear() {
    if (photos_.empty()) {
        return false;
    }
    for (const auto& p : photos_) {
        PhotoImageCache::remove(cache_key(p.key));
    }
    photos_.clear();
    return true;
}

bool PendingPhotos::set_view(int key, const QString& view) {
    const auto it =
        std::find_if(photos_.begin(), photos_.end(), [key](const auto& p) { return p.key == key; });
    const auto chosen = core::photo_view_from_string(view.toStdString());
    if (it == photos_.end() || !chosen || it->view == *chosen) {
        return false;
    }
    it->view = *chosen;
    return true;
}

QVariantList PendingPhotos::rows() const {
    QVariantList out;
    for (const auto& p : photos_) {
        out << QVariantMap{
            {QStringLiteral("key"), p.key},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("accepted"), p.accepted()},
            {QStringLiteral("source"),
             p.accepted() ? QStringLiteral("image://vaultphoto/") + cache_key(p.key) : QString()},
            {QStringLiteral("message"), p.message},
            {QStringLiteral("view"), QString::fromUtf8(core::to_string(p.view).data())}};
    }
    return out;
}

int PendingPhotos::accepted() const {
    return static_cast<int>(
        std::count_if(photos_.begin(), photos_.end(), [](const auto& p) { return p.accepted(); }));
}

std::vector<storage::NewPhoto> PendingPhotos::to_save() const {
    std::vector<storage::NewPhoto> out;
    for (const auto& p : photos_) {
        if (p.imported) {
            out.push_back({*p.imported, {}, std::nullopt, p.view});
        }
    }
    return out;
}

} // namespace punctum::ui
