#pragma once
// The photo pages' part of the page tour: finding a session with photos in the demo vault,
// the files a person would add (one good photo, one file that is no photo), and waiting for
// an alignment to finish before the compare page is captured.

#include <QString>
#include <QUrl>

class QObject;

namespace punctum::storage {
class Vault;
}

namespace punctum::ui {

/// The first session (clients by name, newest session first) that has photos; 0 if none.
[[nodiscard]] qint64 session_with_photos(storage::Vault& vault);
/// Its first photo; 0 if none.
[[nodiscard]] qint64 first_photo(storage::Vault& vault, qint64 session);
/// Writes a synthetic skin photo (JPEG) and a text file named like a photo into `dir`.
struct TourFiles {
    QUrl photo;
    QUrl not_a_photo;
};
[[nodiscard]] TourFiles write_tour_files(const QString& dir);
/// Waits until the PhotoComparePageController named `name` under `root` has aligned its pair.
bool wait_for_alignment(QObject* compare, int timeoutMs);

} // namespace punctum::ui
