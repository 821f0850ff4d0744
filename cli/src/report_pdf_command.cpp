// report pdf: the session summary, recovery report or cohort outcome report as a PDF, drawn
// by punctum_reports, the same code as the app's "Save as PDF" (issue 14 items 4 and 7):
//   punctum-cli report pdf --vault PATH --kind session|recovery|cohort [--session ID]
//                          --out FILE [--by G] [--from D --to D]
// A build without the UI has no reports library (it needs Qt GUI); the command then says so.
// Qt starts only inside this command, offscreen, so every other command stays Qt-free.

#include "commands.h"

#ifdef PUNCTUM_HAS_PDF_REPORTS
#include "punctum/reports/headless_gui.h"
#include "punctum/reports/pdf_report.h"
#endif

#include <iostream>

namespace punctum::cli {

namespace {

struct PdfOptions {
    std::string kind;
    std::int64_t session = 0;
    std::string out;
    std::string by;
    std::string from;
    std::string to;
};

#ifdef PUNCTUM_HAS_PDF_REPORTS
void run_report_pdf(CliContext& ctx, const PdfOptions& o) {
    reports::ReportRequest request;
    const auto kind = reports::report_kind_from_string(o.kind);
    if (!kind) {
        ctx.fail(exit_usage, "--kind must be session, recovery or cohort; not '" + o.kind + "'.");
        return;
    }
    request.kind = *kind;
    if (*kind != reports::ReportKind::cohort) {
        if (o.session <= 0) {
            ctx.fail(exit_usage, "A " + o.kind + " report is about one session: add --session ID.");
            return;
        }
        request.session = core::SessionId{o.session};
    } else {
        if (!o.by.empty()) {
            const auto by = storage::cohort_by_from_string(o.by);
            if (!by) {
                ctx.fail(exit_usage, "--by must be one of practitioner, device, depth, addon, "
                                     "indication, fitzpatrick; not '" +
                                         o.by + "'.");
                return;
            }
            request.cohort.by = *by;
        }
        request.cohort.from = parse_day(ctx, o.from, "from");
        request.cohort.to = parse_day(ctx, o.to, "to");
        if (ctx.exit_code != 0) {
            return;
        }
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    const reports::HeadlessGui gui;
    auto written = reports::write_pdf_report(*vault, request, o.out, ctx.clock);
    if (!written) {
        ctx.fail(written.error());
        return;
    }
    std::cout << "Wrote " << o.out << ": " << written->pages
              << (written->pages == 1 ? " page" : " pages");
    if (written->photos_withheld) {
        std::cout << "; photos withheld (no consent for the medical record)";
    }
    std::cout << ".\n";
}
#else
void run_report_pdf(CliContext& ctx, const PdfOptions&) {
    ctx.fail(exit_failure, "This build of punctum-cli has no PDF reports: they need Qt, which "
                           "was left out (PUNCTUM_BUILD_UI=OFF). Use a build with the desktop "
                           "app, or report outcomes for the figures as text or JSON.");
}
#endif

} // namespace

void add_report_pdf_command(CLI::App& report, CliContext& ctx) {
    static PdfOptions o;
    auto* pdf = report.add_subcommand(
        "pdf", "A session summary, recovery report or cohort outcome report as a PDF");
    add_vault_options(*pdf, ctx);
    pdf->add_option("--kind", o.kind, "session, recovery or cohort")->required();
    pdf->add_option("--session", o.session, "The session (session and recovery reports)");
    pdf->add_option("--out", o.out, "The PDF file to write")->required();
    pdf->add_option("--by", o.by,
                    "Cohort: group by practitioner, device, depth, addon, indication or "
                    "fitzpatrick");
    pdf->add_option("--from", o.from, "Cohort: treated on or after, YYYY-MM-DD");
    pdf->add_option("--to", o.to, "Cohort: treated on or before, YYYY-MM-DD");
    pdf->callback([&ctx] { run_report_pdf(ctx, o); });
}

} // namespace punctum::cli
