#pragma once
// How exchange times and counts read on screen, shared by the inbox and the lists.

#include "punctum/core/clock.h"

#include <QDateTime>
#include <QString>

namespace punctum::ui::exchange_words {

/// A stored time in local time.
[[nodiscard]] QDateTime local(core::TimePoint t);
/// "Tue 3 Dec, 14:05" in local time.
[[nodiscard]] QString when(core::TimePoint t);
[[nodiscard]] QString when(const QDateTime& t);

// Counts with their noun: "1 check-in", "3 check-ins". Qt's %n plurals need a translation
// file even for English, and the app loads none, so the form is chosen here.
[[nodiscard]] QString checkins(int n);
[[nodiscard]] QString photos(int n);
[[nodiscard]] QString reports(int n);
[[nodiscard]] QString flags(int n);
[[nodiscard]] QString urgentFlags(int n);

} // namespace punctum::ui::exchange_words
