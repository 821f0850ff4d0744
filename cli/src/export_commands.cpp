// export csv | fhir: records leaving the vault in standard forms (issue 14). Storage writes
// the file (whole or not at all, readable by its owner only) and audits the export; this
// reads the options and says what was written. Scripts rely on:
//   punctum-cli export csv --vault PATH --what sessions|entries|flags|outcomes --out FILE
//   punctum-cli export fhir --vault PATH --out FILE
// --from/--to (and --client for FHIR) narrow what leaves; --json prints what was written.

#include "commands.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace punctum::cli {

namespace {

struct ExportOptions {
    std::string what;
    std::string out;
    std::string from;
    std::string to;
    std::int64_t client = 0;
};

std::optional<storage::ExportScope> scope_of(CliContext& ctx, const ExportOptions& o) {
    storage::ExportScope scope;
    scope.from = parse_day(ctx, o.from, "from");
    scope.to = parse_day(ctx, o.to, "to");
    scope.client = core::ClientId{o.client};
    if (ctx.exit_code != 0) {
        return std::nullopt;
    }
    if (scope.from && scope.to && *scope.to < *scope.from) {
        ctx.fail(exit_usage, "--to is before --from: give the first day, then the last.");
        return std::nullopt;
    }
    return scope;
}

void report(CliContext& ctx, const storage::ExportSummary& summary, const std::string& what,
            const std::string& out) {
    if (ctx.json) {
        nlohmann::json j = {
            {"what", what}, {"out", out}, {"records", summary.records}, {"bytes", summary.bytes}};
        if (what == "fhir") {
            j["photos"] = summary.photos;
            j["photos_withheld"] = summary.photos_withheld;
            j["audit_trail"] = summary.audit_trail;
        }
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << "Wrote " << summary.records << (what == "fhir" ? " resources" : " rows") << " to "
              << out << " (" << summary.bytes << " bytes).\n";
    if (what == "fhir") {
        std::cout << summary.photos << " photos included";
        if (summary.photos_withheld > 0) {
            std::cout << ", " << summary.photos_withheld
                      << " left out: their client withheld consent to medical-record use";
        }
        std::cout << (summary.audit_trail ? ". The audit trail is included.\n"
                                          : ". The audit trail is not: your role may not read "
                                            "it.\n");
    }
    std::cerr << "The file is not encrypted. Keep it where only those who may read these "
                 "records can, and delete it when it has served its purpose.\n";
}

// Reads the scope, opens the vault, lets `write` export, and says what was written.
template <typename Write>
void run_export(CliContext& ctx, const ExportOptions& o, const std::string& what, Write&& write) {
    const auto scope = scope_of(ctx, o);
    if (!scope) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto summary = write(vault->exports(), *scope);
    if (!summary) {
        ctx.fail(summary.error());
        return;
    }
    report(ctx, *summary, what, o.out);
}

void run_csv(CliContext& ctx, const ExportOptions& o) {
    const auto table = storage::csv_table_from_string(o.what);
    if (!table) {
        ctx.fail(exit_usage,
                 "--what must be one of sessions, entries, flags, outcomes; not '" + o.what + "'.");
        return;
    }
    run_export(ctx, o, o.what,
               [&](storage::ExportStore& exports, const storage::ExportScope& scope) {
                   return exports.csv(*table, o.out, scope);
               });
}

void run_fhir(CliContext& ctx, const ExportOptions& o) {
    run_export(ctx, o, "fhir",
               [&](storage::ExportStore& exports, const storage::ExportScope& scope) {
                   return exports.fhir(o.out, scope);
               });
}

} // namespace

void add_export_commands(CLI::App& app, CliContext& ctx) {
    static ExportOptions o;
    auto* exp = app.add_subcommand("export", "Write records as CSV or a FHIR R4 bundle (audited)");
    exp->require_subcommand(1);

    auto* csv = exp->add_subcommand(
        "csv", "One table as CSV (RFC 4180, UTF-8): client ids, no names, notes or photos");
    add_vault_options(*csv, ctx);
    csv->add_option("--what", o.what, "sessions, entries, flags or outcomes")->required();
    csv->add_option("--out", o.out, "The file to write (replaced whole)")->required();
    csv->add_option("--from", o.from, "Sessions treated on or after, YYYY-MM-DD");
    csv->add_option("--to", o.to, "Sessions treated on or before, YYYY-MM-DD");
    csv->add_option("--client", o.client, "One client's records only (their id)");
    csv->add_flag("--json", ctx.json, "Print what was written as JSON");
    csv->callback([&ctx] { run_csv(ctx, o); });

    auto* fhir = exp->add_subcommand(
        "fhir", "The records as a FHIR R4 Bundle (JSON), photos only where consent allows");
    add_vault_options(*fhir, ctx);
    fhir->add_option("--out", o.out, "The file to write (replaced whole)")->required();
    fhir->add_option("--from", o.from, "Sessions treated on or after, YYYY-MM-DD");
    fhir->add_option("--to", o.to, "Sessions treated on or before, YYYY-MM-DD");
    fhir->add_option("--client", o.client, "One client's record only (their id): a handover");
    fhir->add_flag("--json", ctx.json, "Print what was written as JSON");
    fhir->callback([&ctx] { run_fhir(ctx, o); });
}

} // namespace punctum::cli
