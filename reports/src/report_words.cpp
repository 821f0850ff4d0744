#include "report_words.h"

#include "page_writer.h"

#include <array>
#include <chrono>
#include <cmath>

namespace punctum::reports {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString day_words(core::Date date) {
    static constexpr std::array<const char*, 7> weekdays{"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::chrono::weekday wd{std::chrono::sys_days{date}};
    return QStringLiteral("%1 %2 %3 %4")
        .arg(QString::fromLatin1(weekdays.at(wd.c_encoding())))
        .arg(static_cast<unsigned>(date.day()))
        .arg(QString::fromLatin1(months.at(static_cast<unsigned>(date.month()) - 1)))
        .arg(static_cast<int>(date.year()));
}

QString time_words(core::TimePoint at) {
    // "2026-12-03T13:20:05Z" -> "2026-12-03 13:20 UTC"
    const auto stamp = text(core::format_timestamp(at));
    return stamp.left(10) + QLatin1Char(' ') + stamp.mid(11, 5) + QStringLiteral(" UTC");
}

QString symptom_title(core::Symptom symptom) {
    const auto& scale = core::scale_of(symptom);
    if (scale.yes_no) {
        return text(scale.name) + QStringLiteral(" (yes or no)");
    }
    const auto range = QStringLiteral("0-%1").arg(scale.max);
    if (text(scale.scale).contains(range)) { // "NRS 0-10" names its range already
        return QStringLiteral("%1 (%2)").arg(text(scale.name), text(scale.scale));
    }
    return scale.scale.empty()
               ? QStringLiteral("%1 (%2)").arg(text(scale.name), range)
               : QStringLiteral("%1 (%2 %3)").arg(text(scale.name), text(scale.scale), range);
}

QString score_words(core::Symptom symptom, std::optional<int> score) {
    if (!score) {
        return QStringLiteral("not reported");
    }
    const auto& scale = core::scale_of(symptom);
    const auto i = static_cast<std::size_t>(*score);
    if (i < scale.labels.size()) {
        return QStringLiteral("%1 - %2").arg(*score).arg(text(scale.labels[i]));
    }
    return QString::number(*score);
}

QString severity_word(core::Severity severity) {
    switch (severity) {
    case core::Severity::urgent:
        return QStringLiteral("Urgent");
    case core::Severity::watch:
        return QStringLiteral("Watch");
    case core::Severity::info:
        break;
    }
    return QStringLiteral("Note");
}

QColor severity_band(core::Severity severity) {
    switch (severity) {
    case core::Severity::urgent:
        return palette::urgent;
    case core::Severity::watch:
        return palette::watch;
    case core::Severity::info:
        break;
    }
    return palette::info;
}

QColor severity_text(core::Severity severity) {
    return severity == core::Severity::urgent ? QColor(Qt::white) : palette::ink;
}

QString flag_state_words(const storage::StoredFlag& flag) {
    QString words = text(storage::to_string(flag.state));
    if (flag.state != storage::FlagState::open && !flag.changed_by.empty()) {
        words += QStringLiteral(" by ") + text(flag.changed_by);
    }
    if (!flag.reason.empty()) {
        words += QStringLiteral(": ") + text(flag.reason);
    }
    return words;
}

QString day_after(core::Date treated_on, int day) {
    const core::Date on{std::chrono::sys_days{treated_on} + std::chrono::days{day}};
    return QStringLiteral("day %1 (%2)").arg(day).arg(day_words(on));
}

QString days_number(double days) {
    return std::abs(days - std::round(days)) < 1e-9 ? QString::number(std::lround(days))
                                                    : QString::number(days, 'f', 1);
}

} // namespace punctum::reports
