// punctum-cli report pdf (issue 14 item 7): each kind from a generated clinic is a PDF with
// the pages the command reports (pdfinfo, when poppler-utils is installed), audited; bad
// requests are refused with a clear message and no file. A build without the UI has no PDF
// reports and says so.

#include "cli_runner.h"
#include "support/skip.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

using punctum::test::CliRunner;

#ifdef PUNCTUM_HAS_PDF_REPORTS

namespace {

std::string head_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    return head;
}

} // namespace

TEST_CASE("cli: report pdf writes each kind of report from a generated clinic", "[cli][pdf]") {
    CliRunner cli;
    cli.init();
    const auto demo = cli.run(
        {"demo", "--vault", cli.vault, "--clients", "12", "--seed", "7", "--photos-every", "0"});
    INFO("demo stderr: " << demo.err);
    REQUIRE(demo.exit_code == 0);
    const auto pdfinfo = punctum::test::find_on_path("pdfinfo");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--kind", "session", "--session", "1"},
             {"--kind", "recovery", "--session", "1"},
             {"--kind", "cohort"},
             {"--kind", "cohort", "--by", "depth", "--from", "2000-01-01", "--to", "2100-12-31"}}) {
        const auto out =
            cli.tmp.path() / ("report-" + std::to_string(args.size()) + args[1] + ".pdf");
        std::vector<std::string> command{"report",  "pdf",   "--vault",
                                         cli.vault, "--out", out.string()};
        command.insert(command.end(), args.begin(), args.end());
        const auto r = cli.run(command);
        INFO("punctum-cli " << CliRunner::join(command) << "\nstdout: " << r.out
                            << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty()); // Qt says nothing on a headless run
        CHECK(head_of(out) == "%PDF-");
        std::smatch m;
        REQUIRE(std::regex_search(r.out, m, std::regex("(\\d+) pages?")));
        const int pages = std::stoi(m[1]);
        CHECK(pages >= 1);
        if (pdfinfo) {
            const auto info = punctum::test::run_process(pdfinfo->string(), {out.string()},
                                                         punctum::test::environment_without({}));
            REQUIRE(info.exit_code == 0);
            CHECK(std::regex_search(info.out,
                                    std::regex("Pages:\\s+" + std::to_string(pages) + "\\b")));
        }
    }
    const auto audit =
        cli.json({"audit", "list", "--vault", cli.vault, "--action", "report.pdf", "--json"});
    CHECK(audit.dump().find("session:1") != std::string::npos);
    if (!pdfinfo) {
        PUNCTUM_SKIP("poppler-utils (pdfinfo) is not installed: page counts were not checked");
    }
}

TEST_CASE("cli: report pdf refuses a missing or unknown session, an unknown kind and a wrong "
          "passphrase, writing nothing",
          "[cli][pdf]") {
    CliRunner cli;
    cli.init();
    const auto out = cli.tmp.path() / "refused.pdf";
    const std::vector<std::string> base{"report",  "pdf",   "--vault",
                                        cli.vault, "--out", out.string()};
    auto with = [&](std::vector<std::string> extra) {
        auto args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    const auto no_session = cli.run(with({"--kind", "recovery"}));
    CHECK(no_session.exit_code == 2);
    CHECK(no_session.err.find("add --session ID") != std::string::npos);
    const auto unknown = cli.run(with({"--kind", "session", "--session", "999"}));
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("There is no session 999 in this vault") != std::string::npos);
    const auto kind = cli.run(with({"--kind", "poster"}));
    CHECK(kind.exit_code == 2);
    CHECK(kind.err.find("--kind must be session, recovery or cohort") != std::string::npos);
    const auto locked = cli.run(with({"--kind", "cohort"}), std::string("not the passphrase"));
    CHECK(locked.exit_code == 3);
    CHECK_FALSE(std::filesystem::exists(out));
}

#else

TEST_CASE("cli: report pdf says this build has no PDF reports", "[cli][pdf]") {
    CliRunner cli;
    cli.init();
    const auto r = cli.run({"report", "pdf", "--vault", cli.vault, "--kind", "cohort", "--out",
                            (cli.tmp.path() / "x.pdf").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("has no PDF reports") != std::string::npos);
}

#endif
