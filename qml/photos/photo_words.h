#pragma once
// How a photo's measurements read on screen: plain words first, the clinical term after
// ("Redness difference: 4.2 (delta a*), calibrated with colour chart").

#include "punctum/storage/photo_store.h"

#include <QString>
#include <optional>

namespace punctum::ui {

/// The full sentence for the viewer; "Redness not measured yet" without an analysis.
[[nodiscard]] QString redness_sentence(const std::optional<storage::StoredAnalysis>& analysis);
/// Whether the colours were corrected, in words.
[[nodiscard]] QString calibration_words(bool calibrated);
/// The short form under a thumbnail: "Redness 4.2 (delta a*)" or "Not measured".
[[nodiscard]] QString redness_short(const std::optional<storage::StoredAnalysis>& analysis);
/// A photo's latest analysis, if any (read on the GUI thread).
[[nodiscard]] std::optional<storage::StoredAnalysis> latest_analysis(storage::PhotoStore& photos,
                                                                     std::int64_t id);

} // namespace punctum::ui
