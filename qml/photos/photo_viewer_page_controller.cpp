#include "photos/photo_viewer_page_controller.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"
#include "photos/photo_words.h"

#include <algorithm>

namespace punctum::ui {

namespace {

QVariantList fractions(const core::photo::Region& region, int width, int height) {
    QVariantList out;
    for (const auto& p : region.points) {
        out << QVariantMap{{QStringLiteral("x"), p.x / width}, {QStringLiteral("y"), p.y / height}};
    }
    return out;
}

QRectF bounds(const core::photo::Region& region, int width, int height) {
    if (region.points.empty()) {
        return {};
    }
    double x0 = region.points.front().x, x1 = x0;
    double y0 = region.points.front().y, y1 = y0;
    for (const auto& p : region.points) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    return {x0 / width, y0 / height, (x1 - x0) / width, (y1 - y0) / height};
}

core::photo::Region to_region(const QRectF& fraction, int width, int height) {
    const QRectF r = fraction.normalized().intersected(QRectF(0, 0, 1, 1));
    return core::photo::Region::rectangle(r.x() * width, r.y() * height, r.width() * width,
                                          r.height() * height);
}

// Where the editor starts without an earlier analysis: the middle of the picture for the
// treated area, the top-left corner for skin that was not treated.
constexpr QRectF default_treated{0.35, 0.35, 0.3, 0.3};
constexpr QRectF default_reference{0.05, 0.05, 0.18, 0.18};

} // namespace

PhotoViewerPageController::PhotoViewerPageController(QObject* parent) : SessionObject(parent) {}

QString PhotoViewerPageController::previewSource() const {
    return found_ ? QStringLiteral("image://vaultphoto/%1/preview").arg(photo_id_) : QString();
}

void PhotoViewerPageController::setPhotoId(qint64 id) {
    if (id == photo_id_) {
        return;
    }
    photo_id_ = id;
    emit photoIdChanged();
    setError({});
    reload();
}

void PhotoViewerPageController::setError(const QString& message) {
    if (message != error_) {
        error_ = message;
        emit errorChanged();
    }
}

void PhotoViewerPageController::reload() {
    found_ = false;
    analysed_ = false;
    treated_.clear();
    reference_.clear();
    redness_.clear();
    detail_.clear();
    view_.clear();
    suggested_treated_ = default_treated;
    suggested_reference_ = default_reference;
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || photo_id_ <= 0) {
        emit loaded();
        return;
    }
    auto& photos = session->vault()->photos();
    auto info = photos.get(photo_id_);
    if (!info || info->width <= 0 || info->height <= 0) {
        emit loaded();
        return;
    }
    found_ = true;
    session_id_ = info->session_id.value;
    day_ = info->day;
    taken_on_ = list_date(info->taken_on, today());
    area_ = QString::fromStdString(info->area);
    if (info->view != core::PhotoView::unspecified) {
        view_ = tr("%1 view").arg(view_label(info->view));
    }
    width_ = info->width;
    height_ = info->height;
    const auto analysis = latest_analysis(photos, photo_id_);
    redness_ = redness_sentence(analysis);
    if (analysis) {
        analysed_ = true;
        treated_ = fractions(analysis->roi, width_, height_);
        reference_ = fractions(analysis->reference, width_, height_);
        suggested_treated_ = bounds(analysis->roi, width_, height_);
        suggested_reference_ = bounds(analysis->reference, width_, height_);
        detail_ = tr("Erythema index %1; skin tone angle (ITA) %2\u00b0.")
                      .arg(analysis->values.erythema_index, 0, 'f', 1)
                      .arg(analysis->values.ita_deg, 0, 'f', 0);
    }
    emit loaded();
}

bool PhotoViewerPageController::measure(const QRectF& treated, const QRectF& reference) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || !found_) {
        setError(tr("The vault is locked. Unlock it and measure again."));
        return false;
    }
    if (treated.width() <= 0.01 || treated.height() <= 0.01 || reference.width() <= 0.01 ||
        reference.height() <= 0.01) {
        setError(tr("Draw both areas a little larger, then measure again."));
        return false;
    }
    auto analysis = session->vault()->photos().analyze(
        photo_id_, to_region(treated, width_, height_), to_region(reference, width_, height_));
    if (!analysis) {
        setError(QString::fromStdString(analysis.error().message));
        return false;
    }
    setError({});
    session->notifyDataChanged(); // reloads this, the gallery and the chart
    return true;
}

} // namespace punctum::ui
