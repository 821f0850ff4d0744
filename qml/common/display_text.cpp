#include "common/display_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace punctum::ui {

QDate to_qdate(core::Date date) {
    return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
            static_cast<int>(static_cast<unsigned>(date.day()))};
}

QString list_date(core::Date date, core::Date today) {
    const QString format = date.year() == today.year() ? QStringLiteral("ddd d MMM")
                                                       : QStringLiteral("ddd d MMM yyyy");
    return QLocale().toString(to_qdate(date), format);
}

QString entry_summary(const core::RecoveryEntry& entry) {
    QStringList parts;
    for (const auto& scale : core::all_scales()) {
        const auto value = entry.score(scale.symptom);
        if (!value) {
            continue;
        }
        const QString name = QCoreApplication::translate("Symptoms", scale.name.data());
        if (scale.yes_no) {
            if (*value == 1) {
                parts << name;
            }
        } else {
            parts << QStringLiteral("%1 %2").arg(name).arg(*value);
        }
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace punctum::ui

namespace punctum::ui {

QString scale_name(const core::SymptomScale& scale) {
    return QCoreApplication::translate("Symptoms", scale.name.data());
}

QString score_words(const core::SymptomScale& scale, int value) {
    const auto index = static_cast<std::size_t>(value);
    if (value < 0 || index >= scale.labels.size()) {
        return QString::number(value);
    }
    const QString words =
        QCoreApplication::translate("Symptoms", std::string(scale.labels[index]).c_str());
    if (words == QString::number(value)) {
        return words;
    }
    return QStringLiteral("%1 - %2").arg(value).arg(words);
}

} // namespace punctum::ui
