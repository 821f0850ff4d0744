#pragma once
// A filter's first and last day as typed ("YYYY-MM-DD", either may be empty), read once
// for the audit trail and the session review, with the same words when it does not read.

#include "punctum/core/date.h"

#include <QString>
#include <optional>

namespace punctum::ui {

struct DayRange {
    std::optional<core::Date> from;
    std::optional<core::Date> to;
    QString error; ///< empty when both days read and are in order
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

[[nodiscard]] DayRange read_day_range(const QString& from, const QString& to);

} // namespace punctum::ui
