#pragma once
// How dates and scores read on screen (UI.md "Writing"): "Tue 3 Mar" in lists, plain
// words before the clinical term.

#include "punctum/core/date.h"
#include "punctum/core/model/recovery_entry.h"

#include <QDate>
#include <QString>

namespace punctum::ui {

[[nodiscard]] QDate to_qdate(core::Date date);
/// "Tue 3 Mar", with the year added when it is not the current one.
[[nodiscard]] QString list_date(core::Date date, core::Date today);
/// "Redness 2, Swelling 1, Pain 3": the reported graded signs; yes/no signs by name when yes.
[[nodiscard]] QString entry_summary(const core::RecoveryEntry& entry);

} // namespace punctum::ui

namespace punctum::ui {
/// "2 - mild, definite redness": a score with its plain words ("3" alone where the scale
/// names only its ends, like pain's 1..9).
[[nodiscard]] QString score_words(const core::SymptomScale& scale, int value);
/// A symptom's plain name, translated.
[[nodiscard]] QString scale_name(const core::SymptomScale& scale);
} // namespace punctum::ui
