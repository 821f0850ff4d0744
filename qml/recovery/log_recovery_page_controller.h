#pragma once
// Log recovery: a clinician's follow-up or a patient's check-in for one session, today.
// Offers each scale with its plain words, saves the entry (storage runs the norms engine in
// the same transaction), and gives back the flags this entry raised as the result.

#include "common/long_task.h"
#include "common/session_bound.h"
#include "punctum/core/date.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/storage/flag_store.h"
#include "recovery/pending_photos.h"
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <cstdint>
#include <optional>
#include <vector>

namespace punctum::ui {

class LogRecoveryPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    /// Days since the session's treatment, today; -1 when no session.
    Q_PROPERTY(int day READ day NOTIFY sessionIdChanged)
    Q_PROPERTY(QString treatedOn READ treatedOn NOTIFY sessionIdChanged)
    /// [{key, name, max, yesNo, scale ("CEA" or ""), choices: [{value, words}]}]
    Q_PROPERTY(QVariantList scales READ scales CONSTANT)
    Q_PROPERTY(bool saved READ saved NOTIFY resultChanged)
    /// A save is being written (off the UI thread); the Save button waits.
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    /// The flags this entry raised, as care cards: [{severity, severityWord, message, ...}]
    Q_PROPERTY(QVariantList resultFlags READ resultFlags NOTIFY resultChanged)
    /// Flags of this session still open from earlier entries.
    Q_PROPERTY(int earlierOpen READ earlierOpen NOTIFY resultChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    /// The session's flags still open or acknowledged, most urgent first: today's status.
    Q_PROPERTY(QVariantList openFlags READ openFlags NOTIFY resultChanged)
    /// Photos to save with the entry, checked by core's import as they were added:
    /// [{key, name, accepted, source (thumbnail URL, "" when refused), message}]. Refused
    /// files stay listed with core's reason until removed; they are never saved.
    Q_PROPERTY(QVariantList pendingPhotos READ pendingPhotos NOTIFY photosChanged)
    Q_PROPERTY(int acceptedPhotos READ acceptedPhotos NOTIFY photosChanged)
    /// The day the entry describes, "YYYY-MM-DD"; empty for today. Storage takes any date,
    /// so a day in the future or before the treatment is refused here (observedOnError).
    Q_PROPERTY(QString observedOn READ observedOn WRITE setObservedOn NOTIFY observedOnChanged)
    Q_PROPERTY(QString observedOnError READ observedOnError NOTIFY observedOnChanged)
    /// Days after the treatment of the observed day; -1 when it cannot be told.
    Q_PROPERTY(int observedDay READ observedDay NOTIFY observedOnChanged)
    /// The Global Aesthetic Improvement Scale for a ScorePicker (value 0..4 is grade 1..5):
    /// {key, name, max, yesNo, scale: "GAIS", choices: [{value, words}]}.
    Q_PROPERTY(QVariantMap gaisScale READ gaisScale CONSTANT)
    /// [{key, label}] for each pending photo's view, "" (not recorded) first.
    Q_PROPERTY(QVariantList photoViews READ photoViews CONSTANT)

public:
    explicit LogRecoveryPageController(QObject* parent = nullptr);
    ~LogRecoveryPageController() override;

    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] int day() const { return day_; }
    [[nodiscard]] QString treatedOn() const { return treated_on_; }
    [[nodiscard]] static QVariantList scales();
    [[nodiscard]] bool saved() const { return saved_; }
    [[nodiscard]] bool saving() const { return saving_.running(); }
    [[nodiscard]] QVariantList resultFlags() const { return result_; }
    [[nodiscard]] int earlierOpen() const { return earlier_open_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QVariantList openFlags() const { return open_; }
    [[nodiscard]] QVariantList pendingPhotos() const;
    [[nodiscard]] int acceptedPhotos() const;
    [[nodiscard]] QString observedOn() const { return observed_on_; }
    void setObservedOn(const QString& day);
    [[nodiscard]] QString observedOnError() const;
    [[nodiscard]] int observedDay() const;
    [[nodiscard]] static QVariantMap gaisScale();
    [[nodiscard]] static QVariantList photoViews();
    /// Today minus `days` by the session's clock, "YYYY-MM-DD" (for "Yesterday").
    Q_INVOKABLE QString isoDaysAgo(int days) const;

    /// Reads a JPEG or PNG file into memory and checks it with core's import at once; true
    /// when it will be saved with the entry. Refused files are listed with the reason.
    Q_INVOKABLE bool addPhotoFile(const QUrl& file);
    /// Each of `files` (a selection or a drop), as addPhotoFile. One file is checked at once
    /// (returns 1 if accepted); two or more as a long task off the UI thread, with progress
    /// and Cancel (returns 0; they are listed when the task ends).
    Q_INVOKABLE int addPhotoFiles(const QList<QUrl>& files);
    /// The same for bytes already in memory (a paste, tests).
    bool addPhotoBytes(const QString& name, std::vector<std::uint8_t> bytes);
    Q_INVOKABLE void removePhoto(int key);
    /// The view a pending photo shows: "front", "left", "right", "oblique" or "".
    Q_INVOKABLE void setPhotoView(int key, const QString& view);

    /// Saves today's entry. `scores` maps a scale key to its score; keys left out are "not
    /// reported", never 0. `reporter` is "patient" or "clinician". `outcome` holds the
    /// improvement ratings, GAIS 1..5: {gaisPractitioner, gaisPatient}, each optional.
    /// What storage would refuse is refused here at once (false, with `error`); the entry
    /// and its photos are then written off the UI thread (true: started), and
    /// `saveFinished` tells how it ended, with `saved`, `resultFlags` and `error` set.
    Q_INVOKABLE bool save(const QVariantMap& scores, const QString& note, const QString& reporter,
                          const QVariantMap& outcome = {});
    /// Blocks (processing events) until a save in progress ends; whether it was written.
    /// For tests and the page tour.
    bool waitUntilSaved(int timeoutMs = 30000);
    /// Back to an empty form, pending photos dropped.
    Q_INVOKABLE void reset();

signals:
    void sessionIdChanged();
    void resultChanged();
    void photosChanged();
    void observedOnChanged();
    void savingChanged();
    /// A save started by save() has ended: written (`ok`) or refused, with `error` set.
    void saveFinished(bool ok);

private:
    qint64 session_id_ = 0;
    int day_ = -1;
    QString treated_on_;
    std::optional<core::Date> treated_date_;
    QString observed_on_;
    bool saved_ = false;
    /// Writes the entry and its photos off the UI thread (common/long_task.h).
    LongTask saving_;
    QVariantList result_;
    int earlier_open_ = 0;
    QString error_;
    QVariantList open_;
    void loadOpenFlags();
    void clearResult();
    /// The UI-thread end of a save: the entry's flags, or the error.
    void finish_save(std::optional<core::EntryId> id, const QString& error,
                     std::vector<storage::StoredFlag> flags);
    void clearPhotos();

    /// Lists a checked photo (GUI thread); true when it will be saved.
    bool append(PendingPhotos::Photo photo);
    PendingPhotos photos_;
};

} // namespace punctum::ui
