#include "photos/photo_gallery_model.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"
#include "photos/photo_words.h"

#include <limits>

namespace punctum::ui {

PhotoGalleryModel::PhotoGalleryModel(QObject* parent) : VaultListModel(parent) {}

int PhotoGalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant PhotoGalleryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = rows_.at(static_cast<std::size_t>(index.row()));
    const auto& p = row.info;
    switch (role) {
    case PhotoIdRole:
        return QVariant::fromValue(p.id);
    case DayRole:
        return p.day;
    case TakenOnRole:
        return list_date(p.taken_on, today());
    case AreaRole:
        return QString::fromStdString(p.area);
    case AnalysedRole:
        return row.analysis.has_value();
    case DeltaAStarRole:
        return row.analysis ? row.analysis->values.delta_a_star
                            : std::numeric_limits<double>::quiet_NaN();
    case CalibratedRole:
        return row.analysis ? row.analysis->values.calibrated : false;
    case RednessRole:
        return redness_short(row.analysis);
    case ViewRole:
        return view_label(p.view);
    case ThumbnailRole:
        return QStringLiteral("image://vaultphoto/%1/thumbnail").arg(p.id);
    case Qt::DisplayRole:
    case DescriptionRole: {
        QString area =
            p.area.empty() ? QString() : QString::fromStdString(p.area) + QStringLiteral(", ");
        if (p.view != core::PhotoView::unspecified) {
            area += tr("%1 view, ").arg(view_label(p.view));
        }
        return tr("Photo of day %1, %2%3. %4")
            .arg(p.day)
            .arg(area, list_date(p.taken_on, today()), redness_sentence(row.analysis));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoGalleryModel::roleNames() const {
    return {{PhotoIdRole, "photoId"},
            {DayRole, "day"},
            {TakenOnRole, "takenOn"},
            {AreaRole, "area"},
            {AnalysedRole, "analysed"},
            {DeltaAStarRole, "deltaAStar"},
            {CalibratedRole, "calibrated"},
            {RednessRole, "redness"},
            {ThumbnailRole, "thumbnail"},
            {DescriptionRole, "description"},
            {ViewRole, "view"}};
}

void PhotoGalleryModel::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    emit sessionIdChanged();
    reload();
}

void PhotoGalleryModel::reload() {
    beginResetModel();
    rows_.clear();
    error_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && session_id_ > 0) {
        auto& photos = session->vault()->photos();
        if (auto list = photos.of_session(core::SessionId{session_id_})) {
            for (auto& info : *list) {
                auto analysis = latest_analysis(photos, info.id);
                rows_.push_back({std::move(info), std::move(analysis)});
            }
        } else {
            error_ = QString::fromStdString(list.error().message);
        }
    }
    endResetModel();
    emit countChanged();
}

} // namespace punctum::ui
