// Issue 15 through the real punctum-cli: a clinic vault and a patient's personal vault
// exchange a care plan and a recovery report by file; a refused file exits 4 and writes
// nothing; the same report twice changes nothing and says so.

#include "cli_runner.h"
#include "punctum/core/date.h"

#include <catch2/catch.hpp>

#include <fstream>

using punctum::test::CliRunner;
namespace fs = std::filesystem;

namespace {

std::string days_ago(int n) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return punctum::core::format_date(punctum::core::Date{today - std::chrono::days{n}});
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream(file) << text;
}

/// A clinic with one treated client, its care plan written, and the patient's vault.
struct Pair {
    CliRunner clinic;
    CliRunner patient;
    std::int64_t session = 0;
    std::string plan = (clinic.tmp.path() / "ada.punctum-careplan").string();
    std::string code;

    Pair() {
        clinic.init();
        const auto r = patient.run({"vault", "init", "--vault", patient.vault, "--kdf",
                                    "interactive", "--kind", "personal", "--json"});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto client = clinic.json(
            {"client", "add", "--vault", clinic.vault, "--name", "Ada Lovelace", "--json"});
        const auto added =
            clinic.json(clinic.screened({"session", "add", "--vault", clinic.vault, "--client",
                                         std::to_string(client.at("id").get<std::int64_t>()),
                                         "--date", days_ago(3), "--area", "cheeks:1.5", "--json"}));
        session = added.at("id").get<std::int64_t>();
        const auto issued =
            clinic.json({"exchange", "careplan", "--vault", clinic.vault, "--session",
                         std::to_string(session), "--out", plan, "--json"});
        CHECK(issued.at("out") == plan);
        code = issued.at("pairing_code").get<std::string>();
    }

    /// A check-in of `json` from a file, as the patient.
    nlohmann::json check_in(const std::string& json) {
        const auto input = patient.tmp.path() / "checkin.json";
        write_text(input, json);
        return patient.json({"checkin", "--vault", patient.vault, "--json", input.string()});
    }
};

} // namespace

TEST_CASE("cli: a care plan and a recovery report make the round trip between two vaults",
          "[cli][exchange]") {
    Pair p;
    const auto listed = p.clinic.json({"session", "list", "--vault", p.clinic.vault, "--json"});
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].at("id") == p.session);
    CHECK(listed[0].at("client") == "Ada Lovelace");
    CHECK(listed[0].at("treated_on") == days_ago(3));
    REQUIRE(p.code.size() == 11);

    const auto wrong = p.patient.run(
        {"exchange", "open", "--vault", p.patient.vault, p.plan, "--code", "00000-00000"});
    CHECK(wrong.exit_code == 4);
    CHECK_THAT(wrong.err, Catch::Contains("does not open with that code"));
    const auto opened =
        p.patient.run({"exchange", "open", "--vault", p.patient.vault, p.plan, "--code", p.code});
    INFO(opened.err);
    REQUIRE(opened.exit_code == 0);
    CHECK_THAT(opened.out, Catch::Contains("Opened the care plan"));
    const auto own = p.patient.json({"session", "list", "--vault", p.patient.vault, "--json"});
    REQUIRE(own.size() == 1);
    CHECK(own[0].at("treated_on") == days_ago(3));

    const auto calm = p.check_in(R"({"day": 1, "erythema": 2, "edema": 1})");
    CHECK(calm.at("flags").empty());
    const auto infected = p.check_in(R"({"date": ")" + days_ago(1) +
                                     R"(", "erythema": 3, "pus": true, "fever": true})");
    REQUIRE_FALSE(infected.at("flags").empty());
    CHECK(std::any_of(infected.at("flags").begin(), infected.at("flags").end(),
                      [](const auto& f) { return f.at("severity") == "urgent"; }));
    const auto bad = p.patient.run({"checkin", "--vault", p.patient.vault, "--json", "-"});
    CHECK(bad.exit_code == 2); // empty standard input: not JSON

    const auto report = (p.patient.tmp.path() / "ada.punctum-report").string();
    const auto written =
        p.patient.run({"exchange", "report", "--vault", p.patient.vault, "--out", report});
    INFO(written.err);
    REQUIRE(written.exit_code == 0);
    CHECK_THAT(written.out, Catch::Contains("2 check-ins"));

    const auto imported =
        p.clinic.json({"exchange", "import", "--vault", p.clinic.vault, report, "--json"});
    CHECK(imported.at("already_imported") == false);
    CHECK(imported.at("session_id") == p.session);
    CHECK(imported.at("entries_added") == 2);
    CHECK(imported.at("new_urgent_flags").get<int>() >= 1);
    const auto attention = p.clinic.json({"flag", "list", "--vault", p.clinic.vault, "--json"});
    CHECK(std::any_of(attention.begin(), attention.end(),
                      [](const auto& f) { return f.at("severity") == "urgent"; }));

    const auto before = p.clinic.stats();
    const auto again = p.clinic.run({"exchange", "import", "--vault", p.clinic.vault, report});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("already imported"));
    CHECK(p.clinic.stats() == before);
}

TEST_CASE("cli: an altered or misdirected report exits 4 with nothing written", "[cli][exchange]") {
    Pair p;
    REQUIRE(
        p.patient.run({"exchange", "open", "--vault", p.patient.vault, p.plan, "--code", p.code})
            .exit_code == 0);
    (void)p.check_in(R"({"day": 1, "erythema": 2})");
    const auto report = p.patient.tmp.path() / "r.punctum-report";
    REQUIRE(
        p.patient.run({"exchange", "report", "--vault", p.patient.vault, "--out", report.string()})
            .exit_code == 0);
    std::ifstream in(report, std::ios::binary);
    const std::string good{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

    const auto before = p.clinic.stats();
    const auto altered = p.clinic.tmp.path() / "altered.punctum-report";
    for (const std::size_t at :
         {std::size_t{3}, std::size_t{30}, good.size() / 2, good.size() - 1}) {
        auto bytes = good;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        write_text(altered, bytes);
        const auto r =
            p.clinic.run({"exchange", "import", "--vault", p.clinic.vault, altered.string()});
        INFO("byte " << at << ": " << r.err);
        CHECK(r.exit_code == 4);
        CHECK_FALSE(r.err.empty());
    }
    CHECK(p.clinic.stats() == before);

    // Another clinic's vault: the report was sealed to the first clinic's key.
    CliRunner other;
    other.init();
    const auto misdirected =
        other.run({"exchange", "import", "--vault", other.vault, report.string()});
    CHECK(misdirected.exit_code == 4);
    CHECK_THAT(misdirected.err, Catch::Contains("another clinic"));
}
