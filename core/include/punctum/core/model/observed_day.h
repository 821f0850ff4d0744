#pragma once
// Which days a recovery entry may describe: from the treatment day to today, never a day
// that has not happened yet. One rule for every front end; storage enforces it.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/model_error.h"

namespace punctum::core {

/// The latest calendar date it is anywhere on Earth at `now` (the date at UTC+14). Storage
/// knows only UTC, but a check-in written at 08:00 in Sydney carries Sydney's date, a day
/// ahead of UTC's: a day is in the future only when it is after this date.
[[nodiscard]] Date latest_today(TimePoint now);

/// Refuses a day after `latest_today(now)`, saying what to do instead.
[[nodiscard]] Result<void, ModelError> not_in_future(Date observed_on, TimePoint now);

} // namespace punctum::core
