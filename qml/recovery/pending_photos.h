#pragma once
// The photos waiting on the log-recovery form to be saved with its entry. Each is imported
// by core as it is added (stripped of EXIF and checked; the file's bytes are wiped), and only
// what import_photo made is kept and saved: a photo is imported once. Refused files stay
// listed with core's reason until removed, and are never saved. Thumbnails live in the
// in-memory image cache ("image://vaultphoto/pending/KEY") while listed.

#include "punctum/core/model/photo_view.h"
#include "punctum/core/photo/photo_import.h"
#include "punctum/storage/photo_store.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QVariantList>
#include <cstdint>
#include <optional>
#include <vector>

namespace punctum::ui {

class PendingPhotos {
    Q_DECLARE_TR_FUNCTIONS(PendingPhotos)

public:
    /// One file as core's import judged it.
    struct Photo {
        int key = 0;
        QString name;
        /// What import_photo made of the file; empty when refused. Saved as it is.
        std::optional<core::photo::ImportedPhoto> imported;
        [[nodiscard]] bool accepted() const { return imported.has_value(); }
        QString message;
        QImage thumbnail; ///< until listed; then the image cache holds it
        core::PhotoView view = core::PhotoView::unspecified;
    };

    PendingPhotos() = default;
    PendingPhotos(const PendingPhotos&) = delete;
    PendingPhotos& operator=(const PendingPhotos&) = delete;
    ~PendingPhotos(); ///< drops the listed thumbnails from the cache

    /// Reads and checks one file with core's import; no vault, no GUI: runs on a worker.
    static Photo check_file(const QString& path);
    /// The same for bytes already in memory (a paste, tests); the bytes are wiped.
    static Photo check_bytes(const QString& name, std::vector<std::uint8_t> bytes);

    /// Lists a checked photo (GUI thread); true when it will be saved.
    bool add(Photo photo);
    /// False when no photo has that key.
    bool remove(int key);
    /// False when there was nothing to drop.
    bool clear();
    /// Sets a photo's view ("front", "left", "right", "oblique" or ""); false when nothing
    /// changed.
    bool set_view(int key, const QString& view);

    /// [{key, name, accepted, source (thumbnail URL, "" when refused), message, view}]
    [[nodiscard]] QVariantList rows() const;
    [[nodiscard]] int accepted() const;
    /// The accepted photos, as storage saves them with the entry.
    [[nodiscard]] std::vector<storage::NewPhoto> to_save() const;

private:
    std::vector<Photo> photos_;
};

} // namespace punctum::ui
