#pragma once
// image://vaultphoto/<id>/<thumbnail|preview>: a photo's stored pictures, decrypted and
// decoded in memory only (no temporary file, no disk cache). Also serves pictures the app
// made itself from PhotoImageCache: image://vaultphoto/aligned/<before>/<after> (the after
// photo warped into the before frame) and image://vaultphoto/pending/<n> (a photo not yet
// saved). Vault objects are not thread-safe: bytes are always read on the GUI thread.

#include "punctum/core/photo/rgb_image.h"

#include <QImage>
#include <QPointer>
#include <QQuickImageProvider>
#include <QString>

class QQmlEngine;

namespace punctum::ui {

class VaultSession;

class PhotoImageProvider : public QQuickImageProvider {
public:
    /// Serves the photos of `session`'s vault, through its guard (VaultSession::vault).
    explicit PhotoImageProvider(VaultSession& session);

    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

    /// What requestImage serves for `id`, scaled down to fit `requested` when it is valid;
    /// a null image when the photo or picture does not exist or the vault is locked.
    [[nodiscard]] static QImage image(VaultSession* session, const QString& id,
                                      const QSize& requested = {});
    /// A deep copy of core's RGB pixels as a QImage.
    [[nodiscard]] static QImage to_qimage(const core::photo::RgbImage& rgb);
    /// Registers the provider as "vaultphoto" on `engine` (which takes ownership) and
    /// empties the in-memory cache whenever the vault locks.
    static void install(QQmlEngine& engine, VaultSession& session);

private:
    QPointer<VaultSession> session_;
};

} // namespace punctum::ui
