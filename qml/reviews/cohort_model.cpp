#include "reviews/cohort_model.h"

#include "common/day_range.h"
#include "punctum/storage/outcome_store.h"

#include <QVariantMap>
#include <algorithm>
#include <cmath>

namespace punctum::ui {

namespace {

QString days(double value) {
    return std::floor(value) == value ? QString::number(static_cast<int>(value))
                                      : QString::number(value, 'f', 1);
}

QString group_title(storage::CohortBy by, const std::string& key) {
    const QString text = QString::fromStdString(key);
    switch (by) {
    case storage::CohortBy::all:
        return CohortModel::tr("All sessions");
    case storage::CohortBy::fitzpatrick:
        return key == "not recorded" ? CohortModel::tr("Skin type not recorded")
                                     : CohortModel::tr("Skin type %1").arg(text);
    case storage::CohortBy::addon:
        return key == "none" ? CohortModel::tr("No add-on") : text.toUpper();
    case storage::CohortBy::indication:
        return key == "not recorded" ? CohortModel::tr("Reason not recorded")
                                     : QString(text).replace(QLatin1Char('_'), QLatin1Char(' '));
    default:
        return text;
    }
}

QVariantMap symptom_map(const storage::ResolutionStats& r, int& last_day) {
    QVariantMap out;
    const auto& m = r.curve.median;
    QString median;
    if (r.sessions == 0) {
        median = CohortModel::tr("Not scored in any session");
    } else if (!m.value) {
        median = CohortModel::tr("Median not reached: more than half had not settled when last "
                                 "scored");
    } else {
        median = CohortModel::tr("Median day %1 (95% CI %2 to %3)")
                     .arg(days(*m.value), m.lower ? days(*m.lower) : CohortModel::tr("?"),
                          m.upper ? days(*m.upper) : CohortModel::tr("not reached"));
    }
    out.insert(QStringLiteral("median"), median);
    out.insert(QStringLiteral("censored"), r.censored);
    out.insert(QStringLiteral("sessions"), r.sessions);
    QString expected;
    if (r.expected_by_median) {
        expected = r.expected_by_min == r.expected_by_max
                       ? CohortModel::tr("The norms in force expect it by day %1")
                             .arg(*r.expected_by_median)
                       : CohortModel::tr("The norms in force expect it by day %1 to %2")
                             .arg(*r.expected_by_min)
                             .arg(*r.expected_by_max);
    }
    out.insert(QStringLiteral("expected"), expected);
    out.insert(QStringLiteral("expectedDay"), r.expected_by_median.value_or(-1));
    QVariantList curve;
    curve << QVariantMap{{QStringLiteral("day"), 0}, {QStringLiteral("survival"), 1.0}};
    for (const auto& step : r.curve.steps) {
        curve << QVariantMap{{QStringLiteral("day"), step.day},
                             {QStringLiteral("survival"), step.survival}};
        last_day = std::max(last_day, step.day);
    }
    out.insert(QStringLiteral("curve"), curve);
    return out;
}

} // namespace

QVariantList CohortModel::groupings() {
    const auto item = [](const char* key, const QString& label) {
        return QVariantMap{{QStringLiteral("key"), QString::fromUtf8(key)},
                           {QStringLiteral("label"), label}};
    };
    return {item("all", tr("All sessions")),     item("practitioner", tr("Practitioner")),
            item("device", tr("Device")),        item("depth", tr("Needle depth")),
            item("addon", tr("Add-on")),         item("indication", tr("Reason for treatment")),
            item("fitzpatrick", tr("Skin type"))};
}

void CohortModel::setBy(const QString& by) {
    if (by != by_) {
        by_ = by;
        emit queryChanged();
        reload();
    }
}
void CohortModel::setFrom(const QString& from) {
    if (from != from_) {
        from_ = from;
        emit queryChanged();
        reload();
    }
}
void CohortModel::setTo(const QString& to) {
    if (to != to_) {
        to_ = to;
        emit queryChanged();
        reload();
    }
}

void CohortModel::reload() {
    groups_.clear();
    last_day_ = 14;
    const auto open = vault();
    storage::CohortQuery query;
    query.by = storage::cohort_by_from_string(by_.toStdString()).value_or(storage::CohortBy::all);
    // The same reading of the range as the audit trail and the sessions under review.
    const auto days = read_day_range(from_.trimmed(), to_.trimmed());
    error_ = days.error;
    query.from = days.from;
    query.to = days.to;
    if (open != nullptr && error_.isEmpty()) {
        auto report = open->outcomes().cohort(query);
        if (!report) {
            error_ = QString::fromStdString(report.error().message);
        } else {
            for (const auto& g : report->groups) {
                QVariantMap m;
                m.insert(QStringLiteral("key"), QString::fromStdString(g.key));
                m.insert(QStringLiteral("title"), group_title(query.by, g.key));
                m.insert(QStringLiteral("sessions"), g.sessions);
                m.insert(QStringLiteral("small"), g.small);
                m.insert(QStringLiteral("redness"), symptom_map(g.erythema, last_day_));
                m.insert(QStringLiteral("swelling"), symptom_map(g.edema, last_day_));
                QString flagged = tr("%1 of %2 sessions had a watch or urgent flag")
                                      .arg(g.flagged)
                                      .arg(g.sessions);
                if (g.flagged_rate) {
                    flagged += tr(" (%1%, 95% CI %2% to %3%)")
                                   .arg(std::lround(g.flagged_rate->estimate * 100))
                                   .arg(std::lround(g.flagged_rate->lower * 100))
                                   .arg(std::lround(g.flagged_rate->upper * 100));
                }
                m.insert(QStringLiteral("flagged"), flagged);
                m.insert(QStringLiteral("logging"),
                         g.first_week_days_logged
                             ? tr("Logged on %1 of the first 7 days, on average")
                                   .arg(*g.first_week_days_logged, 0, 'f', 1)
                             : QString());
                groups_ << m;
            }
        }
    }
    emit groupsChanged();
}

} // namespace punctum::ui
