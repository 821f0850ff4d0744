#pragma once
// One photo in the viewer: its day and area, its latest redness analysis in plain words, and
// the regions that analysis used as fractions of the picture (so QML scales them to any
// size without knowing the full resolution). measure() runs a new analysis on regions the
// user drew.

#include "common/session_bound.h"
#include <QObject>
#include <QRectF>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class PhotoViewerPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 photoId READ photoId WRITE setPhotoId NOTIFY photoIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY loaded)
    Q_PROPERTY(qint64 sessionId READ sessionId NOTIFY loaded)
    Q_PROPERTY(int day READ day NOTIFY loaded)
    Q_PROPERTY(QString takenOn READ takenOn NOTIFY loaded)
    Q_PROPERTY(QString area READ area NOTIFY loaded)
    /// "front view", "left side view", ...; empty when the view was not recorded.
    Q_PROPERTY(QString view READ view NOTIFY loaded)
    /// Displayed full-resolution size.
    Q_PROPERTY(int width READ width NOTIFY loaded)
    Q_PROPERTY(int height READ height NOTIFY loaded)
    Q_PROPERTY(QString previewSource READ previewSource NOTIFY loaded)
    Q_PROPERTY(bool analysed READ analysed NOTIFY loaded)
    /// "Redness difference: 4.2 (delta a*), calibrated with colour chart"
    Q_PROPERTY(QString rednessText READ rednessText NOTIFY loaded)
    /// The erythema index and skin tone angle, second line, for clinicians.
    Q_PROPERTY(QString detailText READ detailText NOTIFY loaded)
    /// The analysed regions as [{x, y}] fractions (0..1) of width and height; [] if none.
    Q_PROPERTY(QVariantList treatedPolygon READ treatedPolygon NOTIFY loaded)
    Q_PROPERTY(QVariantList referencePolygon READ referencePolygon NOTIFY loaded)
    /// Where the measure editor starts: the last analysis's regions (bounding boxes), else a
    /// centred treated area and untreated skin near a corner; fractions.
    Q_PROPERTY(QRectF suggestedTreated READ suggestedTreated NOTIFY loaded)
    Q_PROPERTY(QRectF suggestedReference READ suggestedReference NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit PhotoViewerPageController(QObject* parent = nullptr);

    [[nodiscard]] qint64 photoId() const { return photo_id_; }
    void setPhotoId(qint64 id);
    [[nodiscard]] bool found() const { return found_; }
    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    [[nodiscard]] int day() const { return day_; }
    [[nodiscard]] QString takenOn() const { return taken_on_; }
    [[nodiscard]] QString area() const { return area_; }
    [[nodiscard]] QString view() const { return view_; }
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] QString previewSource() const;
    [[nodiscard]] bool analysed() const { return analysed_; }
    [[nodiscard]] QString rednessText() const { return redness_; }
    [[nodiscard]] QString detailText() const { return detail_; }
    [[nodiscard]] QVariantList treatedPolygon() const { return treated_; }
    [[nodiscard]] QVariantList referencePolygon() const { return reference_; }
    [[nodiscard]] QRectF suggestedTreated() const { return suggested_treated_; }
    [[nodiscard]] QRectF suggestedReference() const { return suggested_reference_; }
    [[nodiscard]] QString error() const { return error_; }

    /// Measures redness in `treated` against `reference`, both fractions of the picture;
    /// storage checks the account may do it. False (with error set) when refused.
    Q_INVOKABLE bool measure(const QRectF& treated, const QRectF& reference);

public slots:
    void reload() override;

signals:
    void photoIdChanged();
    void loaded();
    void errorChanged();

private:
    void setError(const QString& message);

    qint64 photo_id_ = 0;
    bool found_ = false;
    qint64 session_id_ = 0;
    int day_ = 0;
    QString taken_on_, area_, view_;
    int width_ = 0, height_ = 0;
    bool analysed_ = false;
    QString redness_, detail_;
    QVariantList treated_, reference_;
    QRectF suggested_treated_, suggested_reference_;
    QString error_;
};

} // namespace punctum::ui
