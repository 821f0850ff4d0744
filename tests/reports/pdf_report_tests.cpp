// PDF reports (issue 14 items 4 and 8) over a generated clinic: each kind opens as a PDF,
// has the pages it says it has, each with its footer, and the sections and words expected;
// photos appear only where consent allows; an unknown session is refused with a clear error
// and no file; every report written is in the audit trail.

#include "punctum/reports/pdf_report.h"
#include "punctum/storage/demo_writer.h"
#include "support/process.h"
#include "support/skip.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace reports = punctum::reports;
namespace storage = punctum::storage;
namespace core = punctum::core;
using punctum::test::VaultFixture;

namespace {

/// A clinic of four clients; the first has photos of their latest session.
struct Clinic {
    VaultFixture f;
    core::SessionId with_photos;
    core::ClientId photo_client;

    Clinic() {
        storage::DemoFill fill;
        fill.clients = 4;
        fill.seed = 7;
        fill.photos_every = 4;
        auto filled = storage::fill_demo(*f.vault, fill, core::date_of(f.clock.now()));
        REQUIRE(filled.ok());
        auto clients = f.vault->clients().list("", 0, 100);
        REQUIRE(clients.ok());
        for (const auto& c : *clients) {
            auto sessions = f.vault->sessions().of_client(c.id);
            REQUIRE(sessions.ok());
            for (const auto& s : *sessions) {
                auto photos = f.vault->photos().of_session(s.id);
                REQUIRE(photos.ok());
                if (!photos->empty() && !with_photos.valid()) {
                    with_photos = s.id;
                    photo_client = c.id;
                }
            }
        }
        REQUIRE(with_photos.valid());
    }

    [[nodiscard]] reports::ReportResult<reports::ReportSummary>
    write(reports::ReportKind kind, const std::filesystem::path& out) {
        reports::ReportRequest request;
        request.kind = kind;
        request.session = with_photos;
        return reports::write_pdf_report(*f.vault, request, out, f.clock);
    }

    [[nodiscard]] std::int64_t audited() {
        storage::AuditFilter filter;
        filter.action = "report.pdf";
        auto n = f.vault->audit().count(filter);
        REQUIRE(n.ok());
        return *n;
    }
};

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// pdfinfo's page count; nullopt when poppler-utils is not installed.
std::optional<int> pdfinfo_pages(const std::filesystem::path& pdf) {
    const auto tool = punctum::test::find_on_path("pdfinfo");
    if (!tool) {
        return std::nullopt;
    }
    const auto r = punctum::test::run_process(tool->string(), {pdf.string()},
                                              punctum::test::environment_without({}));
    REQUIRE(r.exit_code == 0);
    const auto at = r.out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(r.out.substr(at + 6));
}

std::optional<std::string> pdftotext(const std::filesystem::path& pdf) {
    const auto tool = punctum::test::find_on_path("pdftotext");
    if (!tool) {
        return std::nullopt;
    }
    const auto r = punctum::test::run_process(tool->string(), {pdf.string(), "-"},
                                              punctum::test::environment_without({}));
    REQUIRE(r.exit_code == 0);
    return r.out;
}

/// The file is a PDF whose page count pdfinfo agrees with, and whose text holds `words` and
/// every page's footer.
void check_pdf(const std::filesystem::path& pdf, const reports::ReportSummary& summary,
               const std::vector<std::string>& words) {
    REQUIRE(read_all(pdf).rfind("%PDF-", 0) == 0);
    CHECK(summary.pages >= 1);
    CHECK(summary.pages <= 8);
    const auto pages = pdfinfo_pages(pdf);
    const auto text = pdftotext(pdf);
    if (!pages || !text) {
        PUNCTUM_SKIP("poppler-utils (pdfinfo, pdftotext) is not installed: the page count and "
                     "the text of "
                     << pdf.filename().string() << " were not checked");
    }
    CHECK(*pages == summary.pages);
    for (int p = 1; p <= summary.pages; ++p) {
        INFO("page " << p);
        CHECK(text->find("Page " + std::to_string(p) + " of " + std::to_string(summary.pages)) !=
              std::string::npos);
    }
    CHECK(text->find("Punctum") != std::string::npos);
    for (const auto& w : words) {
        INFO("expected text: " << w);
        CHECK(text->find(w) != std::string::npos);
    }
}

} // namespace

TEST_CASE("reports: a session summary holds the treatment, aftercare and expected course",
          "[reports][pdf]") {
    Clinic clinic;
    const auto out = clinic.f.tmp.path() / "session.pdf";
    auto written = clinic.write(reports::ReportKind::session, out);
    INFO((written ? std::string() : written.error().message));
    REQUIRE(written.ok());
    check_pdf(out, *written,
              {"Session summary", "Treatment", "Areas treated", "Aftercare",
               "What recovery usually looks like", "Usually settled by", "evidence"});
}

TEST_CASE("reports: a session summary shows the pairing code of the session's care plan",
          "[reports][pdf][exchange]") {
    Clinic clinic;
    auto issued = clinic.f.vault->exchange().issue_care_plan(
        clinic.with_photos, clinic.f.tmp.path() / "plan.punctum-careplan");
    REQUIRE(issued.ok());
    const auto out = clinic.f.tmp.path() / "session.pdf";
    auto written = clinic.write(reports::ReportKind::session, out);
    INFO((written ? std::string() : written.error().message));
    REQUIRE(written.ok());
    check_pdf(out, *written, {"Your recovery at home", "Pairing code", issued->pairing_code});
}

TEST_CASE("reports: a recovery report holds the chart, flags with sources and photos",
          "[reports][pdf]") {
    Clinic clinic;
    const auto out = clinic.f.tmp.path() / "recovery.pdf";
    auto written = clinic.write(reports::ReportKind::recovery, out);
    INFO((written ? std::string() : written.error().message));
    REQUIRE(written.ok());
    CHECK(written->photos_shown > 0);
    CHECK_FALSE(written->photos_withheld);
    check_pdf(out, *written,
              {"Recovery report", "Recovery so far", "Recovery chart", "Redness (CEA 0-4)",
               "usually settled by day", "Flags", "What was logged", "Photos", "Day 0"});
}

TEST_CASE("reports: a cohort report holds the curves and every group, small ones marked",
          "[reports][pdf]") {
    Clinic clinic;
    const auto out = clinic.f.tmp.path() / "cohort.pdf";
    reports::ReportRequest request;
    request.kind = reports::ReportKind::cohort;
    request.cohort.by = storage::CohortBy::depth;
    auto written = reports::write_pdf_report(*clinic.f.vault, request, out, clinic.f.clock);
    INFO((written ? std::string() : written.error().message));
    REQUIRE(written.ok());
    auto cohort = clinic.f.vault->outcomes().cohort(request.cohort);
    REQUIRE(cohort.ok());
    std::vector<std::string> words{
        "Cohort outcomes", "Grouped by needle depth", "Redness: share of sessions not yet settled",
        "Swelling: share of sessions not yet settled", "Small group: under 10 sessions"};
    for (const auto& g : cohort->groups) {
        words.push_back(g.key);
    }
    check_pdf(out, *written, words);
}

TEST_CASE("reports: photos are withheld where the client withheld consent for their record",
          "[reports][pdf][consent]") {
    Clinic clinic;
    REQUIRE(clinic.f.vault->clients()
                .set_consent(clinic.photo_client, core::PhotoUse::medical_record, false)
                .ok());
    const auto out = clinic.f.tmp.path() / "recovery.pdf";
    auto written = clinic.write(reports::ReportKind::recovery, out);
    REQUIRE(written.ok());
    CHECK(written->photos_shown == 0);
    CHECK(written->photos_withheld);
    check_pdf(out, *written, {"Photo withheld: no consent"});
}

TEST_CASE("reports: an unknown session is refused with a clear error and no file",
          "[reports][pdf]") {
    Clinic clinic;
    const auto out = clinic.f.tmp.path() / "none.pdf";
    reports::ReportRequest request;
    request.kind = reports::ReportKind::recovery;
    request.session = core::SessionId{999999};
    auto written = reports::write_pdf_report(*clinic.f.vault, request, out, clinic.f.clock);
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == storage::StorageErrc::not_found);
    CHECK(written.error().message.find("no session 999999") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    request.session = {};
    auto unnamed = reports::write_pdf_report(*clinic.f.vault, request, out, clinic.f.clock);
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error().code == storage::StorageErrc::invalid_input);
    CHECK(clinic.audited() == 0);
}

TEST_CASE("reports: every report written is audited as report.pdf with what it covered",
          "[reports][pdf][audit]") {
    Clinic clinic;
    CHECK(clinic.audited() == 0);
    REQUIRE(clinic.write(reports::ReportKind::session, clinic.f.tmp.path() / "a.pdf").ok());
    REQUIRE(clinic.write(reports::ReportKind::recovery, clinic.f.tmp.path() / "b.pdf").ok());
    CHECK(clinic.audited() == 2);
    storage::AuditFilter filter;
    filter.action = "report.pdf";
    auto events = clinic.f.vault->audit().events(filter, 10, 0);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 2);
    CHECK(events->front().object == "session:" + std::to_string(clinic.with_photos.value));
    CHECK(events->front().account == "admin");
    CHECK(events->front().client_id == clinic.photo_client);
}
