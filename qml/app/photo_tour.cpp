#include "app/photo_tour.h"

#include "photos/photo_compare_page_controller.h"

#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/vault.h"

#include <QDir>
#include <QFile>

namespace punctum::ui {

qint64 session_with_photos(storage::Vault& vault) {
    auto clients = vault.clients().list("", 0, 1000);
    if (!clients) {
        return 0;
    }
    for (const auto& c : *clients) {
        auto sessions = vault.sessions().of_client(c.id);
        if (!sessions) {
            continue;
        }
        for (const auto& s : *sessions) {
            if (auto photos = vault.photos().of_session(s.id); photos && !photos->empty()) {
                return s.id.value;
            }
        }
    }
    return 0;
}

qint64 first_photo(storage::Vault& vault, qint64 session) {
    auto photos = vault.photos().of_session(core::SessionId{session});
    return photos && !photos->empty() ? photos->front().id : 0;
}

TourFiles write_tour_files(const QString& dir) {
    TourFiles files;
    core::photo::SyntheticPhotoSpec spec;
    spec.width = 800;
    spec.height = 600;
    spec.treated_delta_a = 5;
    spec.with_chart = true;
    const auto bytes = core::photo::synthetic_skin_photo(spec);
    const QString photo = QDir(dir).filePath(QStringLiteral("cheek-day-3.jpg"));
    QFile out(photo);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
        files.photo = QUrl::fromLocalFile(photo);
    }
    const QString text = QDir(dir).filePath(QStringLiteral("notes.jpg"));
    QFile bad(text);
    if (bad.open(QIODevice::WriteOnly)) {
        bad.write("Day 3: less red today. Not a photo, only named like one.\n");
        files.not_a_photo = QUrl::fromLocalFile(text);
    }
    return files;
}

bool wait_for_alignment(QObject* compare, int timeoutMs) {
    auto* pair = qobject_cast<PhotoComparePageController*>(compare);
    return pair != nullptr && pair->waitUntilIdle(timeoutMs);
}

} // namespace punctum::ui
