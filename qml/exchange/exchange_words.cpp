#include "exchange/exchange_words.h"

#include <QCoreApplication>
#include <QLocale>

namespace punctum::ui::exchange_words {

QDateTime local(core::TimePoint t) {
    return QDateTime::fromSecsSinceEpoch(t.time_since_epoch().count(), Qt::UTC).toLocalTime();
}

QString when(const QDateTime& t) {
    // UI.md: "Tue 3 Mar" in lists; the time too, as reports can come several a day.
    return QLocale().toString(t, QStringLiteral("ddd d MMM, HH:mm"));
}

QString when(core::TimePoint t) {
    return when(local(t));
}

namespace {
QString count(int n, const char* one, const char* many) {
    return QCoreApplication::translate("Exchange", n == 1 ? one : many).arg(n);
}
} // namespace

QString checkins(int n) {
    return count(n, QT_TRANSLATE_NOOP("Exchange", "%1 check-in"),
                 QT_TRANSLATE_NOOP("Exchange", "%1 check-ins"));
}

QString photos(int n) {
    return count(n, QT_TRANSLATE_NOOP("Exchange", "%1 photo"),
                 QT_TRANSLATE_NOOP("Exchange", "%1 photos"));
}

QString reports(int n) {
    return count(n, QT_TRANSLATE_NOOP("Exchange", "%1 report"),
                 QT_TRANSLATE_NOOP("Exchange", "%1 reports"));
}

QString flags(int n) {
    return count(n, QT_TRANSLATE_NOOP("Exchange", "%1 new flag"),
                 QT_TRANSLATE_NOOP("Exchange", "%1 new flags"));
}

QString urgentFlags(int n) {
    return count(n, QT_TRANSLATE_NOOP("Exchange", "%1 new urgent flag"),
                 QT_TRANSLATE_NOOP("Exchange", "%1 new urgent flags"));
}

} // namespace punctum::ui::exchange_words
