// report outcomes: how recoveries went across the clinic, from the outcomes storage keeps
// per session (issue 14). Scripts rely on the JSON:
//   {"groups": [{"key", "sessions", "small",
//                "erythema_resolution": {"median_days", "ci95": [lo, hi], "censored"},
//                "edema_resolution": {...},
//                "flagged": {"count", "rate", "ci95": [lo, hi]}}]}
// with more fields beside these (what the norms expect, the first week's logging); null
// where a figure cannot be told (a median the curve never reaches, an empty group).

#include "commands.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <iostream>

namespace punctum::cli {

namespace {

struct ReportOptions {
    std::string by;
    std::string from;
    std::string to;
};

nlohmann::json number_or_null(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
nlohmann::json number_or_null(const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json resolution_json(const storage::ResolutionStats& r) {
    const auto& median = r.curve.median;
    return {{"median_days", number_or_null(median.value)},
            {"ci95", {number_or_null(median.lower), number_or_null(median.upper)}},
            {"censored", r.censored},
            {"sessions", r.sessions},
            {"expected_by_day",
             {{"median", number_or_null(r.expected_by_median)},
              {"min", number_or_null(r.expected_by_min)},
              {"max", number_or_null(r.expected_by_max)}}},
            {"resolved_by_expected_day", r.resolved_in_time}};
}

nlohmann::json group_json(const storage::CohortGroup& g) {
    nlohmann::json flagged = {{"count", g.flagged}, {"urgent", g.urgent}};
    if (g.flagged_rate) {
        flagged["rate"] = g.flagged_rate->estimate;
        flagged["ci95"] = {g.flagged_rate->lower, g.flagged_rate->upper};
    } else {
        flagged["rate"] = nullptr;
        flagged["ci95"] = {nullptr, nullptr};
    }
    return {{"key", g.key},
            {"sessions", g.sessions},
            {"small", g.small},
            {"erythema_resolution", resolution_json(g.erythema)},
            {"edema_resolution", resolution_json(g.edema)},
            {"flagged", flagged},
            {"first_week_days_logged", number_or_null(g.first_week_days_logged)}};
}

std::string days_text(const std::optional<double>& days) {
    if (!days) {
        return "not reached";
    }
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%g", *days);
    return text.data();
}

void print_text(const storage::CohortReport& report) {
    if (report.groups.empty()) {
        std::cout << "No sessions were treated in that range.\n";
        return;
    }
    for (const auto& g : report.groups) {
        std::cout << g.key << ": " << g.sessions << (g.sessions == 1 ? " session" : " sessions")
                  << (g.small ? " (small group: under 10 sessions, wide intervals)" : "") << '\n';
        for (const auto& [name, r] :
             {std::pair{"redness", &g.erythema}, std::pair{"swelling", &g.edema}}) {
            const auto& m = r->curve.median;
            std::cout << "  " << name << " settled: median day " << days_text(m.value)
                      << " (95% CI " << days_text(m.lower) << " to " << days_text(m.upper) << "; "
                      << r->censored << " of " << r->sessions << " not settled yet)";
            if (r->expected_by_median) {
                std::cout << "; the norms expect it by day " << *r->expected_by_median;
            }
            std::cout << '\n';
        }
        std::cout << "  watch or urgent flag: " << g.flagged << " of " << g.sessions;
        if (g.flagged_rate) {
            std::array<char, 64> text{};
            std::snprintf(text.data(), text.size(), " (%.0f%%, 95%% CI %.0f%% to %.0f%%)",
                          g.flagged_rate->estimate * 100, g.flagged_rate->lower * 100,
                          g.flagged_rate->upper * 100);
            std::cout << text.data();
        }
        std::cout << '\n';
    }
}

void run_report_outcomes(CliContext& ctx, const ReportOptions& o) {
    storage::CohortQuery query;
    if (!o.by.empty()) {
        auto by = storage::cohort_by_from_string(o.by);
        if (!by || *by == storage::CohortBy::all) {
            ctx.fail(exit_usage, "--by must be one of practitioner, device, depth, addon, "
                                 "indication, fitzpatrick; not '" +
                                     o.by + "'.");
            return;
        }
        query.by = *by;
    }
    query.from = parse_day(ctx, o.from, "from");
    query.to = parse_day(ctx, o.to, "to");
    if (ctx.exit_code != 0) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto report = vault->outcomes().cohort(query);
    if (!report) {
        ctx.fail(report.error());
        return;
    }
    if (!ctx.json) {
        print_text(*report);
        return;
    }
    nlohmann::json out = {
        {"by", storage::to_string(query.by)},
        {"from",
         query.from ? nlohmann::json(core::format_date(*query.from)) : nlohmann::json(nullptr)},
        {"to", query.to ? nlohmann::json(core::format_date(*query.to)) : nlohmann::json(nullptr)},
        {"small_group_sessions", storage::small_group_sessions},
        {"groups", nlohmann::json::array()}};
    for (const auto& g : report->groups) {
        out["groups"].push_back(group_json(g));
    }
    std::cout << out.dump(2) << '\n';
}

} // namespace

void add_report_commands(CLI::App& app, CliContext& ctx) {
    static ReportOptions o;
    auto* report = app.add_subcommand("report", "Reports on recovery outcomes");
    report->require_subcommand(1);
    auto* outcomes = report->add_subcommand(
        "outcomes", "Days to resolution (Kaplan-Meier) and flag rates (Wilson), by group");
    add_vault_options(*outcomes, ctx);
    outcomes->add_option("--by", o.by,
                         "Group by practitioner, device, depth, addon, indication or fitzpatrick");
    outcomes->add_option("--from", o.from, "Treated on or after, YYYY-MM-DD");
    outcomes->add_option("--to", o.to, "Treated on or before, YYYY-MM-DD");
    outcomes->add_flag("--json", ctx.json, "Print JSON");
    outcomes->callback([&ctx] { run_report_outcomes(ctx, o); });
    add_report_pdf_command(*report, ctx);
}

} // namespace punctum::cli
