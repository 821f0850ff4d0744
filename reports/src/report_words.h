#pragma once
// The words reports use for dates, scores, severities and sources (UI.md: plain words first,
// the clinical term second; never colour alone). Internal to the reports library.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/symptom.h"
#include "punctum/core/recovery/flag.h"
#include "punctum/storage/flag_store.h"

#include <QColor>
#include <QString>

#include <optional>
#include <string_view>

namespace punctum::reports {

[[nodiscard]] QString text(std::string_view s);
/// "Tue 3 Mar 2026".
[[nodiscard]] QString day_words(core::Date date);
/// "2026-12-03 13:20 UTC".
[[nodiscard]] QString time_words(core::TimePoint at);
/// "Redness (CEA 0-4)".
[[nodiscard]] QString symptom_title(core::Symptom symptom);
/// "2 - mild, definite redness" or "not reported".
[[nodiscard]] QString score_words(core::Symptom symptom, std::optional<int> score);
/// "Urgent", "Watch", "Note".
[[nodiscard]] QString severity_word(core::Severity severity);
[[nodiscard]] QColor severity_band(core::Severity severity);
[[nodiscard]] QColor severity_text(core::Severity severity);
/// "open", "acknowledged by Dr A", "dismissed by Dr A: reason".
[[nodiscard]] QString flag_state_words(const storage::StoredFlag& flag);
/// "day 5 (Sat 8 Mar)".
[[nodiscard]] QString day_after(core::Date treated_on, int day);
/// A number of days with one decimal when it has one: "6", "6.5".
[[nodiscard]] QString days_number(double days);

} // namespace punctum::reports
