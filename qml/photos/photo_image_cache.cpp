#include "photos/photo_image_cache.h"

#include <QMutexLocker>

namespace punctum::ui {

QMutex& PhotoImageCache::mutex() {
    static QMutex m;
    return m;
}

QHash<QString, QImage>& PhotoImageCache::images() {
    static QHash<QString, QImage> h;
    return h;
}

void PhotoImageCache::put(const QString& key, const QImage& image) {
    const QMutexLocker lock(&mutex());
    images().insert(key, image);
}

QImage PhotoImageCache::get(const QString& key) {
    const QMutexLocker lock(&mutex());
    return images().value(key);
}

void PhotoImageCache::remove(const QString& key) {
    const QMutexLocker lock(&mutex());
    images().remove(key);
}

void PhotoImageCache::clear(const QString& prefix) {
    const QMutexLocker lock(&mutex());
    if (prefix.isEmpty()) {
        images().clear();
        return;
    }
    for (auto it = images().begin(); it != images().end();) {
        it = it.key().startsWith(prefix) ? images().erase(it) : std::next(it);
    }
}

int PhotoImageCache::size() {
    const QMutexLocker lock(&mutex());
    return static_cast<int>(images().size());
}

} // namespace punctum::ui
