#pragma once
// Two photos of one session side by side or under a slider: which two (default the earliest
// and the latest of one view, core::default_compare_pair), their days, views and redness, and
// the after photo aligned to the before photo. Pairs of different views are named as such.
// Alignment and warping run off the UI thread on copies of the bytes, read on the GUI
// thread; the warped picture goes to PhotoImageCache and is shown as alignedSource.

#include "common/long_task.h"
#include "common/session_bound.h"
#include <QImage>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "punctum/core/model/photo_view.h"

#include <utility>
#include <vector>

namespace punctum::ui {

class PhotoComparePageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    /// The session's photos to choose from: [{photoId, label, view}] by day.
    Q_PROPERTY(QVariantList photos READ photos NOTIFY sessionIdChanged)
    Q_PROPERTY(qint64 beforeId READ beforeId WRITE setBeforeId NOTIFY pairChanged)
    Q_PROPERTY(qint64 afterId READ afterId WRITE setAfterId NOTIFY pairChanged)
    Q_PROPERTY(int beforeIndex READ beforeIndex NOTIFY pairChanged)
    Q_PROPERTY(int afterIndex READ afterIndex NOTIFY pairChanged)
    /// [{day, label ("Day 3, Tue 3 Mar"), redness (sentence), source (preview URL)}]
    Q_PROPERTY(QVariantMap before READ before NOTIFY pairChanged)
    Q_PROPERTY(QVariantMap after READ after NOTIFY pairChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY alignmentChanged)
    Q_PROPERTY(bool aligned READ aligned NOTIFY alignmentChanged)
    Q_PROPERTY(double quality READ quality NOTIFY alignmentChanged)
    /// "Aligned, match quality 0.93" or "Could not align these photos: ... Shown unaligned."
    Q_PROPERTY(QString qualityText READ qualityText NOTIFY alignmentChanged)
    /// The after photo in the before frame (image://vaultphoto/aligned/<a>/<b>); the plain
    /// after preview when not aligned; empty while busy.
    Q_PROPERTY(QString alignedSource READ alignedSource NOTIFY alignmentChanged)
    /// "These photos show different views (front, left side): ..." when the pair's views are
    /// both recorded and differ; empty otherwise.
    Q_PROPERTY(QString viewNote READ viewNote NOTIFY pairChanged)
    /// Another photo shows the before photo's view: matchView() can pick it as after.
    Q_PROPERTY(bool canMatchView READ canMatchView NOTIFY pairChanged)

public:
    explicit PhotoComparePageController(QObject* parent = nullptr);
    ~PhotoComparePageController() override;

    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] QVariantList photos() const { return photos_; }
    [[nodiscard]] qint64 beforeId() const { return before_id_; }
    void setBeforeId(qint64 id);
    [[nodiscard]] qint64 afterId() const { return after_id_; }
    void setAfterId(qint64 id);
    [[nodiscard]] int beforeIndex() const { return index_of(before_id_); }
    [[nodiscard]] int afterIndex() const { return index_of(after_id_); }
    [[nodiscard]] QVariantMap before() const { return before_; }
    [[nodiscard]] QVariantMap after() const { return after_; }
    [[nodiscard]] bool busy() const { return busy_; }
    [[nodiscard]] bool aligned() const { return aligned_; }
    [[nodiscard]] double quality() const { return quality_; }
    [[nodiscard]] QString qualityText() const { return quality_text_; }
    [[nodiscard]] QString alignedSource() const { return aligned_source_; }
    [[nodiscard]] QString viewNote() const;
    [[nodiscard]] bool canMatchView() const { return match_id_ > 0; }
    /// After: the latest other photo of the before photo's view.
    Q_INVOKABLE void matchView();

    /// What the worker hands back.
    struct Outcome {
        bool aligned = false;
        double quality = 0;
        QString text;
        QImage warped;
    };

    /// Blocks until the running alignment is done (tests, the page tour).
    bool waitUntilIdle(int timeoutMs);

signals:
    void sessionIdChanged();
    void pairChanged();
    void alignmentChanged();

private:
    [[nodiscard]] int index_of(qint64 id) const;
    QVariantMap describe(qint64 id);
    void pairUpdated();
    void startAlignment();
    void finished(const Outcome& out);

    qint64 session_id_ = 0;
    QVariantList photos_;
    qint64 before_id_ = 0, after_id_ = 0;
    QVariantMap before_, after_;
    bool busy_ = false;
    bool aligned_ = false;
    double quality_ = 0;
    QString quality_text_, aligned_source_;
    /// Alignment runs off the UI thread, as every background job does (common/long_task.h).
    LongTask aligning_;
    bool realign_ = false;
    std::vector<std::pair<qint64, core::PhotoView>> views_; ///< by day, as photos_
    qint64 match_id_ = 0;
    [[nodiscard]] core::PhotoView view_of(qint64 id) const;
};

} // namespace punctum::ui
