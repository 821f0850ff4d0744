#pragma once
// What the recovery chart draws for one session, computed here so no clinical figure lives
// in QML: per graded symptom its expected envelope (core's expected_course with the profile
// in force) and the logged scores, both as fractions of the scale's maximum so symptoms
// with different scales share one axis; and the session's flags on their days.

#include "common/session_bound.h"
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class RecoveryChartData : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    /// Days on the x axis: 0 (the treatment day) to days - 1.
    Q_PROPERTY(int days READ days CONSTANT)
    /// [{key, name, max, envelope: [fraction per day] or [], resolveBy (-1: no course),
    ///   courseText, logged (bool), points: [{day, score, fraction, words, observedOn, note,
    ///   entryId}]}]
    Q_PROPERTY(QVariantList series READ series NOTIFY loaded)
    /// [{day, severity, severityWord, symptom, message}]
    Q_PROPERTY(QVariantList flags READ flags NOTIFY loaded)
    /// Entries logged after the last day the chart shows.
    Q_PROPERTY(int laterEntries READ laterEntries NOTIFY loaded)
    Q_PROPERTY(int entryCount READ entryCount NOTIFY loaded)
    /// Photo redness by day, for the right-hand axis: [{day, deltaAStar, calibrated, words}]
    /// (the day's last analysed photo, from PhotoStore::redness_trend).
    Q_PROPERTY(QVariantList photoPoints READ photoPoints NOTIFY loaded)
    /// The right-hand axis's range in delta a* units: whole steps of 5 that hold every point
    /// and 0 (and at least 0..10, so small values are not blown up into a steep line).
    Q_PROPERTY(double photoAxisMin READ photoAxisMin NOTIFY loaded)
    Q_PROPERTY(double photoAxisMax READ photoAxisMax NOTIFY loaded)

public:
    explicit RecoveryChartData(QObject* parent = nullptr);

    [[nodiscard]] qint64 sessionId() const { return id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] int days() const;
    [[nodiscard]] QVariantList series() const { return series_; }
    [[nodiscard]] QVariantList flags() const { return flags_; }
    [[nodiscard]] int laterEntries() const { return later_; }
    [[nodiscard]] int entryCount() const { return entries_; }
    [[nodiscard]] QVariantList photoPoints() const { return photo_points_; }
    [[nodiscard]] double photoAxisMin() const { return photo_min_; }
    [[nodiscard]] double photoAxisMax() const { return photo_max_; }

public slots:
    void reload() override;

signals:
    void sessionIdChanged();
    void loaded();

private:
    qint64 id_ = 0;
    QVariantList series_, flags_, photo_points_;
    double photo_min_ = 0, photo_max_ = 10;
    void loadPhotoRedness();
    int later_ = 0;
    int entries_ = 0;
};

} // namespace punctum::ui
