#include "common/day_range.h"

#include <QCoreApplication>

namespace punctum::ui {

DayRange read_day_range(const QString& from, const QString& to) {
    DayRange range;
    if (!from.isEmpty() && !(range.from = core::parse_date(from.toStdString()))) {
        range.error =
            QCoreApplication::translate("DayRange", "The first day should read like 2026-03-03.");
    } else if (!to.isEmpty() && !(range.to = core::parse_date(to.toStdString()))) {
        range.error =
            QCoreApplication::translate("DayRange", "The last day should read like 2026-03-31.");
    } else if (range.from && range.to && *range.to < *range.from) {
        range.error =
            QCoreApplication::translate("DayRange", "The last day is before the first day.");
    }
    return range;
}

} // namespace punctum::ui
