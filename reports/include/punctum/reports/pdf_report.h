#pragma once
// PDF reports (issue 14 item 4): a patient's session summary, a recovery report and a cohort
// outcome report, drawn by this one piece of code for the app and for `punctum-cli report
// pdf`. This header is Qt-free so the command line can include it; the drawing inside needs
// a QGuiApplication (fonts), which the app has and HeadlessGui makes for the command line.

#include "punctum/core/clock.h"
#include "punctum/core/model/ids.h"
#include "punctum/storage/outcome_store.h"
#include "punctum/storage/storage_error.h"
#include "punctum/storage/vault.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::reports {

/// Which report: the session's summary (treatment, aftercare, expected course), its recovery
/// (chart, photos where consent allows, flags with their sources), or the cohort's outcomes.
enum class ReportKind { session, recovery, cohort };
[[nodiscard]] std::string_view to_string(ReportKind kind);
[[nodiscard]] std::optional<ReportKind> report_kind_from_string(std::string_view text);

struct ReportRequest {
    ReportKind kind = ReportKind::session;
    core::SessionId session;     ///< session and recovery reports
    storage::CohortQuery cohort; ///< cohort reports: grouping and date range
};

/// What was written.
struct ReportSummary {
    int pages = 0;
    int photos_shown = 0;
    /// The client withheld consent for photos in their medical record: none is shown (storage
    /// does not even list them), and the report says so where they would be.
    bool photos_withheld = false;
};

/// Every failure a report meets is one storage already names (no such session, a refusal,
/// a file that cannot be written), so reports reuse its errors rather than a second enum.
template <typename T> using ReportResult = storage::StorageResult<T>;

/// Writes the report to `out` (whole or not at all) and records it in the audit trail.
/// Reads need Action::read_records, as storage enforces. Call on the thread that owns the
/// QGuiApplication; `clock` stamps the footer.
[[nodiscard]] ReportResult<ReportSummary> write_pdf_report(storage::Vault& vault,
                                                           const ReportRequest& request,
                                                           const std::filesystem::path& out,
                                                           const core::Clock& clock);

/// The same report as PDF bytes, nothing written and nothing audited: for tests of layout.
[[nodiscard]] ReportResult<std::string> render_pdf_report(storage::Vault& vault,
                                                          const ReportRequest& request,
                                                          const core::Clock& clock,
                                                          ReportSummary* summary = nullptr);

} // namespace punctum::reports
