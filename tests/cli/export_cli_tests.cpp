// punctum-cli export csv | fhir (issue 14 items 5 to 8) over generated clinics: the cohort
// report's Kaplan-Meier medians and intervals and its Wilson flag rates, recomputed here
// from the sessions CSV alone with code written apart from core/outcomes, agree with
// `report outcomes`; the FHIR bundle validates against the official R4 JSON schema with a
// real validator (node, tests/fhir/validate.js); bad options are usage errors.

#include "cli_runner.h"
#include "support/process.h"
#include "support/skip.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

using punctum::test::CliRunner;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// RFC 4180 records of the sessions file: no field of it is quoted across lines, but names
// may be quoted with commas inside.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            rows.back().back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == ',') {
            rows.back().emplace_back();
        } else if (!quoted && c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    rows.pop_back();
    std::vector<std::map<std::string, std::string>> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == rows[0].size());
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < rows[0].size(); ++c) {
            row[rows[0][c]] = rows[r][c];
        }
        out.push_back(std::move(row));
    }
    return out;
}

constexpr double z = 1.959963984540054;

struct Km {
    std::optional<double> median, lower, upper;
    int observations = 0;
    int censored = 0;
};

// Where a curve (one value per distinct day, NaN where undefined) first comes to 0.5 or
// below; when it sits at exactly 0.5, the middle of that stretch (R's print.survfit).
std::optional<double> at_half(const std::vector<std::pair<int, double>>& curve) {
    const double tol = std::sqrt(std::numeric_limits<double>::epsilon());
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const double y = curve[i].second;
        if (std::isnan(y) || y >= 0.5 + tol) {
            continue;
        }
        if (std::abs(y - 0.5) >= tol) {
            return curve[i].first;
        }
        for (std::size_t j = i + 1; j < curve.size(); ++j) {
            if (!std::isnan(curve[j].second) && curve[j].second < y) {
                return (curve[i].first + curve[j].first) / 2.0;
            }
        }
        return curve[i].first;
    }
    return std::nullopt;
}

// Kaplan-Meier with Greenwood's variance and log-transformed 95% limits, from the
// definitions (Kaplan & Meier 1958; R survfit's defaults).
Km kaplan_meier(const std::vector<std::pair<int, bool>>& follow_ups) {
    Km km;
    std::map<int, std::pair<int, int>> by_day; // day -> events, censored
    for (const auto& [day, event] : follow_ups) {
        ++(event ? by_day[day].first : by_day[day].second);
        ++km.observations;
        km.censored += event ? 0 : 1;
    }
    int at_risk = km.observations;
    double s = 1, greenwood = 0;
    std::vector<std::pair<int, double>> est, lo, hi;
    for (const auto& [day, counts] : by_day) {
        const auto [d, c] = counts;
        if (d > 0) {
            s *= 1.0 - static_cast<double>(d) / at_risk;
            greenwood += at_risk == d ? std::numeric_limits<double>::infinity()
                                      : static_cast<double>(d) / (at_risk * (at_risk - d));
        }
        const double nan = std::numeric_limits<double>::quiet_NaN();
        est.emplace_back(day, s);
        lo.emplace_back(day, s > 0 ? s * std::exp(-z * std::sqrt(greenwood)) : nan);
        hi.emplace_back(day, s > 0 ? std::min(1.0, s * std::exp(z * std::sqrt(greenwood))) : nan);
        at_risk -= d + c;
    }
    km.median = at_half(est);
    km.lower = at_half(lo);
    km.upper = at_half(hi);
    return km;
}

std::vector<std::pair<int, bool>>
follow_ups(const std::vector<std::map<std::string, std::string>>& rows,
           const std::string& symptom) {
    std::vector<std::pair<int, bool>> out;
    for (const auto& row : rows) {
        if (!row.at(symptom + "_resolved_day").empty()) {
            out.emplace_back(std::stoi(row.at(symptom + "_resolved_day")), true);
        } else if (!row.at(symptom + "_censored_day").empty()) {
            out.emplace_back(std::stoi(row.at(symptom + "_censored_day")), false);
        }
    }
    return out;
}

void check_number(const nlohmann::json& reported, const std::optional<double>& ours) {
    INFO("report: " << reported.dump()
                    << ", recomputed: " << (ours ? std::to_string(*ours) : std::string("none")));
    REQUIRE(reported.is_null() == !ours.has_value());
    if (ours) {
        CHECK(reported.get<double>() == Approx(*ours));
    }
}

void check_group(const nlohmann::json& group,
                 const std::vector<std::map<std::string, std::string>>& rows) {
    INFO("group " << group.at("key"));
    CHECK(group.at("sessions").get<std::size_t>() == rows.size());
    CHECK(group.at("small").get<bool>() == (rows.size() < 10));
    for (const char* symptom : {"erythema", "edema"}) {
        const auto km = kaplan_meier(follow_ups(rows, symptom));
        const auto& r = group.at(std::string(symptom) + "_resolution");
        CHECK(r.at("censored").get<int>() == km.censored);
        CHECK(r.at("sessions").get<int>() == km.observations);
        check_number(r.at("median_days"), km.median);
        check_number(r.at("ci95").at(0), km.lower);
        check_number(r.at("ci95").at(1), km.upper);
    }
    int flagged = 0;
    for (const auto& row : rows) {
        flagged += std::stoi(row.at("watch_flags")) + std::stoi(row.at("urgent_flags")) > 0 ? 1 : 0;
    }
    const double n = static_cast<double>(rows.size());
    const double p = flagged / n;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    const auto& f = group.at("flagged");
    CHECK(f.at("count").get<int>() == flagged);
    CHECK(f.at("rate").get<double>() == Approx(p));
    CHECK(f.at("ci95").at(0).get<double>() == Approx(std::max(0.0, centre - half)));
    CHECK(f.at("ci95").at(1).get<double>() == Approx(std::min(1.0, centre + half)));
}

} // namespace

TEST_CASE("cli: Kaplan-Meier and Wilson figures recomputed from the sessions CSV agree with "
          "report outcomes",
          "[cli][export]") {
    CliRunner cli;
    cli.init();
    const auto demo = cli.run({"demo", "--vault", cli.vault, "--clients", "60", "--seed", "11"});
    INFO("demo stderr: " << demo.err);
    REQUIRE(demo.exit_code == 0);
    const auto csv = cli.tmp.path() / "sessions.csv";
    const auto written = cli.json({"export", "csv", "--vault", cli.vault, "--what", "sessions",
                                   "--out", csv.string(), "--json"});
    const auto rows = read_csv(read(csv));
    CHECK(written.at("records").get<std::size_t>() == rows.size());
    CHECK(rows.size() == cli.stats().at("sessions").get<std::size_t>());

    const auto all = cli.json({"report", "outcomes", "--vault", cli.vault, "--json"});
    REQUIRE(all.at("groups").size() == 1);
    check_group(all.at("groups").at(0), rows);

    // By device: each group is the rows with that device's name.
    const auto by =
        cli.json({"report", "outcomes", "--vault", cli.vault, "--by", "device", "--json"});
    REQUIRE(by.at("groups").size() >= 2);
    for (const auto& group : by.at("groups")) {
        std::vector<std::map<std::string, std::string>> theirs;
        for (const auto& row : rows) {
            if (row.at("device") == group.at("key").get<std::string>()) {
                theirs.push_back(row);
            }
        }
        check_group(group, theirs);
    }
}

TEST_CASE("cli: each CSV table is written and audited, and bad options say what was expected",
          "[cli][export]") {
    CliRunner cli;
    cli.init();
    REQUIRE(cli.run({"demo", "--vault", cli.vault, "--clients", "5", "--seed", "3"}).exit_code ==
            0);
    for (const char* what : {"sessions", "entries", "flags", "outcomes"}) {
        const auto out = cli.tmp.path() / (std::string(what) + ".csv");
        const auto r =
            cli.run({"export", "csv", "--vault", cli.vault, "--what", what, "--out", out.string()});
        INFO(what << ": " << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("Wrote ") == 0);
        CHECK(r.err.find("not encrypted") != std::string::npos);
        CHECK(read(out).find("\r\n") != std::string::npos);
    }
    const auto trail =
        cli.json({"audit", "list", "--vault", cli.vault, "--action", "export", "--json"});
    CHECK(trail.dump().find("export.csv") != std::string::npos);

    const auto bad = cli.run({"export", "csv", "--vault", cli.vault, "--what", "clients", "--out",
                              (cli.tmp.path() / "x.csv").string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("sessions, entries, flags, outcomes") != std::string::npos);
    const auto backwards =
        cli.run({"export", "csv", "--vault", cli.vault, "--what", "sessions", "--from",
                 "2026-05-01", "--to", "2026-04-01", "--out", (cli.tmp.path() / "x.csv").string()});
    CHECK(backwards.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(cli.tmp.path() / "x.csv"));
}

TEST_CASE("cli: the FHIR export of a generated clinic validates against the official R4 schema",
          "[cli][export][fhir]") {
    if (std::string(PUNCTUM_NODE).empty()) {
        PUNCTUM_SKIP("node is not installed (Debian package nodejs, in packaging/deps)");
    }
    CliRunner cli;
    cli.init();
    REQUIRE(cli.run({"demo", "--vault", cli.vault, "--clients", "8", "--seed", "5"}).exit_code ==
            0);
    const auto bundle = cli.tmp.path() / "bundle.json";
    const auto written =
        cli.json({"export", "fhir", "--vault", cli.vault, "--out", bundle.string(), "--json"});
    CHECK(written.at("records").get<int>() > 50);
    CHECK(written.at("audit_trail") == true);

    const auto valid =
        punctum::test::run_process(PUNCTUM_NODE, {PUNCTUM_FHIR_VALIDATE, bundle.string()},
                                   punctum::test::environment_without({}));
    INFO("validator: " << valid.out << valid.err);
    CHECK(valid.exit_code == 0);
    CHECK(valid.out.find("valid FHIR R4 Bundle") != std::string::npos);

    // The validator can fail: the same bundle with an Observation status FHIR does not have.
    auto broken = nlohmann::json::parse(read(bundle));
    for (auto& entry : broken.at("entry")) {
        if (entry.at("resource").at("resourceType") == "Observation") {
            entry["resource"]["status"] = "done";
            break;
        }
    }
    const auto bad_file = cli.tmp.path() / "broken.json";
    std::ofstream(bad_file) << broken.dump();
    const auto invalid =
        punctum::test::run_process(PUNCTUM_NODE, {PUNCTUM_FHIR_VALIDATE, bad_file.string()},
                                   punctum::test::environment_without({}));
    CHECK(invalid.exit_code == 1);
    CHECK(invalid.out.find("status") != std::string::npos);
}
