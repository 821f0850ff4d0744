#pragma once
// The three reports, each drawn onto a PageWriter from what was read for it. Internal.

#include "page_writer.h"
#include "report_data.h"

namespace punctum::reports {

/// Treatment, aftercare and the expected course of one session.
void draw_session_summary(PageWriter& page, const SessionData& data);
/// The recovery so far: chart against the expected course, flags with their sources,
/// entries, and photos where consent allows.
void draw_recovery_report(PageWriter& page, const SessionData& data);
/// Outcomes per group with the Kaplan-Meier curves.
void draw_cohort_report(PageWriter& page, const CohortData& data);

/// The lines under a session report's title: who, when, by whom, under which norms.
[[nodiscard]] QStringList session_lines(const SessionData& data);

} // namespace punctum::reports
