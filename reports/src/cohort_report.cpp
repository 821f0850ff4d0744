// The cohort outcome report: days to resolution of redness and swelling per group as
// Kaplan-Meier curves and medians with their 95% intervals, and the share of sessions
// flagged with its Wilson interval, each beside what the norms profile expects. Small groups
// are marked, never left out.

#include "charts.h"
#include "report_words.h"
#include "reports.h"

#include <set>

namespace punctum::reports {

namespace {

QString by_words(storage::CohortBy by) {
    switch (by) {
    case storage::CohortBy::all:
        return QStringLiteral("all sessions together");
    case storage::CohortBy::practitioner:
        return QStringLiteral("practitioner");
    case storage::CohortBy::device:
        return QStringLiteral("device");
    case storage::CohortBy::depth:
        return QStringLiteral("needle depth");
    case storage::CohortBy::addon:
        return QStringLiteral("add-on");
    case storage::CohortBy::indication:
        return QStringLiteral("indication");
    case storage::CohortBy::fitzpatrick:
        return QStringLiteral("Fitzpatrick skin type");
    }
    return {};
}

QString range_words(const storage::CohortQuery& q) {
    if (q.from && q.to) {
        return QStringLiteral("treated from %1 to %2")
            .arg(text(core::format_date(*q.from)), text(core::format_date(*q.to)));
    }
    if (q.from) {
        return QStringLiteral("treated on or after %1").arg(text(core::format_date(*q.from)));
    }
    if (q.to) {
        return QStringLiteral("treated on or before %1").arg(text(core::format_date(*q.to)));
    }
    return QStringLiteral("every treatment date");
}

QString optional_days(const std::optional<double>& d) {
    return d ? days_number(*d) : QStringLiteral("not reached");
}

QString median_words(const storage::ResolutionStats& r) {
    const auto& m = r.curve.median;
    if (r.sessions == 0) {
        return QStringLiteral("not scored");
    }
    return QStringLiteral("day %1 (95% CI %2 to %3); %4 of %5 not settled yet")
        .arg(optional_days(m.value), optional_days(m.lower), optional_days(m.upper))
        .arg(r.censored)
        .arg(r.sessions);
}

QString expected_words(const storage::ResolutionStats& r) {
    if (!r.expected_by_median) {
        return QStringLiteral("-");
    }
    if (r.expected_by_min && r.expected_by_max && *r.expected_by_min != *r.expected_by_max) {
        return QStringLiteral("day %1 (%2 to %3)")
            .arg(*r.expected_by_median)
            .arg(*r.expected_by_min)
            .arg(*r.expected_by_max);
    }
    return QStringLiteral("day %1").arg(*r.expected_by_median);
}

QString flagged_words(const storage::CohortGroup& g) {
    if (!g.flagged_rate) {
        return QStringLiteral("%1 of %2").arg(g.flagged).arg(g.sessions);
    }
    return QStringLiteral("%1 of %2: %3% (95% CI %4% to %5%); %6 urgent")
        .arg(g.flagged)
        .arg(g.sessions)
        .arg(g.flagged_rate->estimate * 100, 0, 'f', 0)
        .arg(g.flagged_rate->lower * 100, 0, 'f', 0)
        .arg(g.flagged_rate->upper * 100, 0, 'f', 0)
        .arg(g.urgent);
}

/// The norms' day shared by every group, drawn on the chart; none when they differ.
std::optional<int> shared_expected(const std::vector<storage::CohortGroup>& groups,
                                   const storage::ResolutionStats storage::CohortGroup::*member) {
    std::set<int> days;
    for (const auto& g : groups) {
        if (const auto& d = (g.*member).expected_by_median) {
            days.insert(*d);
        }
    }
    return days.size() == 1 ? std::optional<int>(*days.begin()) : std::nullopt;
}

void curves(PageWriter& page, const CohortData& d) {
    const auto& groups = d.report.groups;
    for (const auto& [title, member] :
         {std::pair{QStringLiteral("Redness: share of sessions not yet settled, by day"),
                    &storage::CohortGroup::erythema},
          std::pair{QStringLiteral("Swelling: share of sessions not yet settled, by day"),
                    &storage::CohortGroup::edema}}) {
        std::vector<SurvivalLine> lines;
        for (const auto& g : groups) {
            lines.push_back({text(g.key) + (g.small ? QStringLiteral(" (small)") : QString()),
                             &(g.*member).curve});
        }
        const double legend = static_cast<double>((lines.size() + 2) / 3) * 4.5;
        draw_survival_chart(page, page.block(page.mm(78 + legend)), title, lines,
                            shared_expected(groups, member));
    }
}

void group_table(PageWriter& page, const CohortData& d) {
    page.heading(QStringLiteral("Groups"));
    for (const auto& g : d.report.groups) {
        page.subheading(
            QStringLiteral("%1: %2 %3")
                .arg(text(g.key))
                .arg(g.sessions)
                .arg(g.sessions == 1 ? QStringLiteral("session") : QStringLiteral("sessions")));
        if (g.small) {
            page.paragraph(QStringLiteral("Small group: under %1 sessions, so its intervals are "
                                          "wide and a median may not be reached.")
                               .arg(storage::small_group_sessions),
                           palette::muted, 9);
        }
        page.fields({
            {QStringLiteral("Redness settled"), median_words(g.erythema)},
            {QStringLiteral("Norms expect redness settled by"), expected_words(g.erythema)},
            {QStringLiteral("Swelling settled"), median_words(g.edema)},
            {QStringLiteral("Norms expect swelling settled by"), expected_words(g.edema)},
            {QStringLiteral("Watch or urgent flag"), flagged_words(g)},
            {QStringLiteral("First week logging"),
             g.first_week_days_logged ? QStringLiteral("%1 of 7 days on average")
                                            .arg(*g.first_week_days_logged, 0, 'f', 1)
                                      : QString()},
        });
    }
}

} // namespace

void draw_cohort_report(PageWriter& page, const CohortData& d) {
    const auto& q = d.report.query;
    int sessions = 0;
    for (const auto& g : d.report.groups) {
        sessions += g.sessions;
    }
    page.title(QStringLiteral("Cohort outcomes"),
               {QStringLiteral("Grouped by %1, %2").arg(by_words(q.by), range_words(q)),
                QStringLiteral("Norms profile in force: %1 (%2, version %3)")
                    .arg(text(d.profile.title), text(d.profile.id), text(d.profile.version))});
    if (d.report.groups.empty()) {
        page.paragraph(QStringLiteral("No sessions were treated in that range. Choose a wider "
                                      "range, or check the dates."));
        return;
    }
    page.heading(QStringLiteral("How to read this"));
    page.paragraph(
        QStringLiteral("%1 sessions in %2. A symptom has settled on the first day it is "
                       "scored 1 (almost clear) or less and stays there. Sessions still above 1 "
                       "at their last entry are counted as not settled yet (censored), never "
                       "dropped: the median day and its 95% interval are Kaplan-Meier "
                       "estimates. The share flagged has a 95% Wilson interval. A group under "
                       "%3 sessions is marked small.")
            .arg(sessions)
            .arg(d.report.groups.size() == 1
                     ? QStringLiteral("one group")
                     : QStringLiteral("%1 groups").arg(d.report.groups.size()))
            .arg(storage::small_group_sessions));
    curves(page, d);
    group_table(page, d);
}

} // namespace punctum::reports
