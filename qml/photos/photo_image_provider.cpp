#include "photos/photo_image_provider.h"

#include "common/vault_session.h"
#include "photos/photo_image_cache.h"

#include "punctum/storage/vault.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QThread>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace punctum::ui {

namespace {

// The stored bytes of one picture, read on the GUI thread whichever thread asks: the vault
// (one SQLCipher connection) must only ever be touched there.
std::vector<std::uint8_t> stored_picture(VaultSession* session, std::int64_t id,
                                         storage::PhotoSize size) {
    std::vector<std::uint8_t> bytes;
    auto fetch = [&] {
        const auto vault = session != nullptr ? session->vault() : nullptr;
        if (vault == nullptr) {
            return;
        }
        if (auto picture = vault->photos().picture(id, size)) {
            bytes = std::move(*picture);
        }
    };
    auto* app = QCoreApplication::instance();
    if (app == nullptr || QThread::currentThread() == app->thread()) {
        fetch();
    } else {
        QMetaObject::invokeMethod(app, fetch, Qt::BlockingQueuedConnection);
    }
    return bytes;
}

QImage fitted(const QImage& image, const QSize& requested) {
    if (image.isNull() || !requested.isValid() || requested.isEmpty()) {
        return image;
    }
    if (image.width() <= requested.width() && image.height() <= requested.height()) {
        return image;
    }
    return image.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

PhotoImageProvider::PhotoImageProvider(VaultSession& session)
    : QQuickImageProvider(QQuickImageProvider::Image), session_(&session) {}

QImage PhotoImageProvider::to_qimage(const core::photo::RgbImage& rgb) {
    if (rgb.width <= 0 || rgb.height <= 0) {
        return {};
    }
    const QImage view(rgb.rgb.data(), rgb.width, rgb.height, rgb.width * 3, QImage::Format_RGB888);
    return view.copy(); // the QImage must not point into the caller's vector
}

QImage PhotoImageProvider::image(VaultSession* session, const QString& id, const QSize& requested) {
    const QStringList parts = id.split(QLatin1Char('/'));
    if (parts.size() >= 2 && (parts.front() == QStringLiteral("aligned") ||
                              parts.front() == QStringLiteral("pending"))) {
        return fitted(PhotoImageCache::get(id), requested);
    }
    if (parts.size() != 2) {
        return {};
    }
    bool ok = false;
    const qint64 photo = parts[0].toLongLong(&ok);
    if (!ok || photo <= 0) {
        return {};
    }
    storage::PhotoSize size;
    if (parts[1] == QStringLiteral("thumbnail")) {
        size = storage::PhotoSize::thumbnail;
    } else if (parts[1] == QStringLiteral("preview")) {
        size = storage::PhotoSize::preview;
    } else {
        return {}; // originals are for export (consent-checked), never for the screen
    }
    const auto bytes = stored_picture(session, photo, size);
    if (bytes.empty()) {
        return {};
    }
    // Previews and thumbnails are stored upright (core/photo import applies the EXIF
    // orientation before encoding them), so they decode with orientation 1.
    const int long_side = requested.isValid() && !requested.isEmpty()
                              ? std::max(requested.width(), requested.height())
                              : 0;
    auto decoded = core::photo::decode_photo(bytes, 1, long_side);
    if (!decoded) {
        return {};
    }
    return fitted(to_qimage(*decoded), requested);
}

QImage PhotoImageProvider::requestImage(const QString& id, QSize* size,
                                        const QSize& requestedSize) {
    QImage out = image(session_.data(), id, requestedSize);
    if (size != nullptr) {
        *size = out.size();
    }
    return out;
}

void PhotoImageProvider::install(QQmlEngine& engine, VaultSession& session) {
    engine.addImageProvider(QStringLiteral("vaultphoto"), new PhotoImageProvider(session));
    QObject::connect(&session, &VaultSession::unlockedChanged, &engine, [s = &session] {
        if (!s->unlocked()) {
            PhotoImageCache::clear();
        }
    });
}

} // namespace punctum::ui
