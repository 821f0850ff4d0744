#pragma once
// Calendar dates and timestamps as ISO 8601 text, the form used in exports and the CLI.

#include "punctum/core/clock.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::core {

using Date = std::chrono::year_month_day;

/// "2026-03-03" -> Date; nullopt when the text is not a valid calendar date.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);
/// Date -> "2026-03-03".
[[nodiscard]] std::string format_date(Date date);
/// Timestamp -> "2026-03-03T09:30:00Z".
[[nodiscard]] std::string format_timestamp(TimePoint t);
/// "2026-03-03T09:30:00Z" -> timestamp; nullopt when malformed.
[[nodiscard]] std::optional<TimePoint> parse_timestamp(std::string_view text);
/// The UTC calendar day a timestamp falls on.
[[nodiscard]] Date date_of(TimePoint t);
/// Whole days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] int days_between(Date from, Date to);

} // namespace punctum::core
