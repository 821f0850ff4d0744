#pragma once
// Pictures made in the app rather than read from the vault (a warped 'after' photo, the
// thumbnail of a photo waiting to be saved), kept in memory only so the image provider can
// serve them; nothing here is ever written to disk. Thread-safe: the provider may be asked
// from Qt Quick's loader thread.

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QString>

namespace punctum::ui {

class PhotoImageCache {
public:
    /// Keeps `image` under `key` ("aligned/3/7", "pending/2"), replacing what was there.
    static void put(const QString& key, const QImage& image);
    [[nodiscard]] static QImage get(const QString& key);
    static void remove(const QString& key);
    /// Drops every picture whose key starts with `prefix` (all when empty), e.g. on lock.
    static void clear(const QString& prefix = {});
    [[nodiscard]] static int size();

private:
    static QMutex& mutex();
    static QHash<QString, QImage>& images();
};

} // namespace punctum::ui
