#include "photos/photo_words.h"

#include <QCoreApplication>

namespace punctum::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("PhotoWords", text);
}
} // namespace

QString calibration_words(bool calibrated) {
    return calibrated ? tr("calibrated with colour chart")
                      : tr("not calibrated: no colour chart in the photo");
}

QString redness_sentence(const std::optional<storage::StoredAnalysis>& analysis) {
    if (!analysis) {
        return tr("Redness not measured yet");
    }
    return tr("Redness difference: %1 (delta a*), %2")
        .arg(analysis->values.delta_a_star, 0, 'f', 1)
        .arg(calibration_words(analysis->values.calibrated));
}

QString redness_short(const std::optional<storage::StoredAnalysis>& analysis) {
    if (!analysis) {
        return tr("Not measured");
    }
    return tr("Redness %1 (delta a*)").arg(analysis->values.delta_a_star, 0, 'f', 1);
}

std::optional<storage::StoredAnalysis> latest_analysis(storage::PhotoStore& photos,
                                                       std::int64_t id) {
    auto all = photos.analyses(id);
    if (!all || all->empty()) {
        return std::nullopt;
    }
    return all->back(); // oldest first
}

} // namespace punctum::ui
