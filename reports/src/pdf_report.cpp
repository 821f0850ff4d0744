// Reads what a report needs, lays it out twice (the second time knowing how many pages there
// are, for "page N of M"), writes the file whole or not at all, then has storage audit it.

#include "punctum/reports/pdf_report.h"

#include "page_writer.h"
#include "report_data.h"
#include "report_words.h"
#include "reports.h"

#include "punctum/storage/atomic_file.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPdfWriter>

#include <exception>
#include <variant>

namespace punctum::reports {

namespace {

QString kind_title(ReportKind kind) {
    switch (kind) {
    case ReportKind::session:
        return QStringLiteral("Session summary");
    case ReportKind::recovery:
        return QStringLiteral("Recovery report");
    case ReportKind::cohort:
        break;
    }
    return QStringLiteral("Cohort outcomes");
}

using Data = std::variant<SessionData, CohortData>;

storage::StorageResult<Data> read(storage::Vault& vault, const ReportRequest& request) {
    if (request.kind == ReportKind::cohort) {
        auto cohort = read_cohort(vault, request.cohort);
        if (!cohort) {
            return cohort.failure();
        }
        return Data(std::move(*cohort));
    }
    if (!request.session.valid()) {
        return punctum::fail(storage::StorageErrc::invalid_input,
                             "A " + std::string(to_string(request.kind)) +
                                 " report is about one session: say which.");
    }
    auto session = read_session(vault, request.session, request.kind == ReportKind::recovery);
    if (!session) {
        return session.failure();
    }
    return Data(std::move(*session));
}

/// One layout pass into PDF bytes; returns the pages it took.
int lay_out(const ReportRequest& request, const Data& data, const QString& footer, int total_pages,
            QByteArray& bytes) {
    bytes.clear();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(kind_title(request.kind));
    writer.setCreator(QStringLiteral("Punctum"));
    PageWriter page(writer, footer, total_pages);
    switch (request.kind) {
    case ReportKind::session:
        draw_session_summary(page, std::get<SessionData>(data));
        break;
    case ReportKind::recovery:
        draw_recovery_report(page, std::get<SessionData>(data));
        break;
    case ReportKind::cohort:
        draw_cohort_report(page, std::get<CohortData>(data));
        break;
    }
    page.finish();
    return page.page();
}

} // namespace

std::string_view to_string(ReportKind kind) {
    switch (kind) {
    case ReportKind::session:
        return "session";
    case ReportKind::recovery:
        return "recovery";
    case ReportKind::cohort:
        break;
    }
    return "cohort";
}

std::optional<ReportKind> report_kind_from_string(std::string_view text) {
    for (const auto kind : {ReportKind::session, ReportKind::recovery, ReportKind::cohort}) {
        if (to_string(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

ReportResult<std::string> render_pdf_report(storage::Vault& vault, const ReportRequest& request,
                                            const core::Clock& clock, ReportSummary* summary) {
    if (QGuiApplication::instance() == nullptr) {
        return punctum::fail(storage::StorageErrc::internal,
                             "PDF reports need a QGuiApplication (HeadlessGui makes one).");
    }
    auto data = read(vault, request);
    if (!data) {
        return data.failure();
    }
    const QString footer = QStringLiteral("Punctum \u00b7 %1 \u00b7 generated %2")
                               .arg(kind_title(request.kind), time_words(clock.now()));
    QByteArray bytes;
    int again = 0;
    try { // no exception leaves the library (a source key the profile lacks, memory)
        const int pages = lay_out(request, *data, footer, 0, bytes);
        again = lay_out(request, *data, footer, pages, bytes);
    } catch (const std::exception& e) {
        return punctum::fail(storage::StorageErrc::internal,
                             std::string("The report could not be laid out: ") + e.what());
    }
    if (summary != nullptr) {
        summary->pages = again;
        if (const auto* s = std::get_if<SessionData>(&*data)) {
            for (const auto& p : s->photos) {
                summary->photos_shown += p.original ? 1 : 0;
            }
            summary->photos_withheld = s->photos_withheld;
        }
    }
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

ReportResult<ReportSummary> write_pdf_report(storage::Vault& vault, const ReportRequest& request,
                                             const std::filesystem::path& out,
                                             const core::Clock& clock) {
    ReportSummary summary;
    auto pdf = render_pdf_report(vault, request, clock, &summary);
    if (!pdf) {
        return pdf.failure();
    }
    if (auto written = storage::write_file_atomically(out, *pdf); !written) {
        return written.failure();
    }
    std::string object = "cohort";
    std::string detail = std::string(to_string(request.kind));
    if (request.kind == ReportKind::cohort) {
        detail += " by=" + std::string(storage::to_string(request.cohort.by));
        if (request.cohort.from) {
            detail += " from=" + core::format_date(*request.cohort.from);
        }
        if (request.cohort.to) {
            detail += " to=" + core::format_date(*request.cohort.to);
        }
    } else {
        object = "session:" + std::to_string(request.session.value);
    }
    if (auto audited = vault.audit().record_report(object, detail); !audited) {
        return audited.failure();
    }
    return summary;
}

} // namespace punctum::reports
