#pragma once
// The two charts reports draw with QPainter: one symptom's logged scores against its
// expected course (the app's recovery chart on paper) and Kaplan-Meier curves of days to
// resolution per cohort group (the Reviews page's cohort chart). Internal.

#include "page_writer.h"
#include "punctum/core/model/symptom.h"
#include "punctum/core/outcomes/survival.h"
#include "punctum/core/recovery/flag.h"

#include <QRectF>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace punctum::reports {

/// One symptom of one session: the envelope to shade, what was logged, where flags were.
struct SymptomSeries {
    core::Symptom symptom = core::Symptom::erythema;
    std::vector<int> envelope;               ///< highest expected score per day 0..14; may be empty
    std::optional<int> resolve_by_day;       ///< the norms' day, drawn as a dashed line
    std::vector<std::pair<int, int>> scores; ///< (day, score), days ascending
    std::vector<std::pair<int, core::Severity>> flags; ///< (day, worst severity that day)
};

void draw_symptom_chart(PageWriter& page, const QRectF& area, const SymptomSeries& series,
                        int last_day);

/// One group's curve in a survival chart.
struct SurvivalLine {
    QString label;
    const core::SurvivalCurve* curve = nullptr;
};

/// Share of sessions not yet settled by day, one step curve per group, a legend below and
/// the norms' expected day as a dashed line when the groups share one.
void draw_survival_chart(PageWriter& page, const QRectF& area, const QString& title,
                         const std::vector<SurvivalLine>& lines, std::optional<int> expected_day);

} // namespace punctum::reports
