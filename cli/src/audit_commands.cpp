// audit list | verify, and flag reassess: what a reviewer reads, and re-running the norms
// over every session, from the command line. Long work prints its progress on stderr.

#include "commands.h"

#include "punctum/core/date.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace punctum::cli {

namespace {

struct AuditOptions {
    std::string account;
    std::string action;
    std::int64_t client = 0;
    std::string from;
    std::string to;
    int limit = 100;
};

// A progress line on stderr, rewritten in place.
core::Progress progress_on_stderr(const char* what) {
    return [what](std::int64_t done, std::int64_t total) {
        if (total > 0) {
            std::cerr << '\r' << what << ": " << done << " of " << total << std::flush;
            if (done >= total) {
                std::cerr << '\n';
            }
        }
        return true;
    };
}

void run_audit_list(CliContext& ctx, const AuditOptions& o) {
    storage::AuditFilter filter;
    filter.account = o.account;
    filter.action = o.action;
    filter.client = core::ClientId{o.client};
    filter.from = parse_day(ctx, o.from, "from");
    filter.to = parse_day(ctx, o.to, "to");
    if (ctx.exit_code != 0) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto events = vault->audit().events(filter, o.limit, 0);
    if (!events) {
        ctx.fail(events.error());
        return;
    }
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : *events) {
            out.push_back({{"seq", e.seq},
                           {"at", core::format_timestamp(e.at)},
                           {"account", e.account},
                           {"action", e.action},
                           {"object", e.object},
                           {"client_id", e.client_id.valid() ? nlohmann::json(e.client_id.value)
                                                             : nlohmann::json(nullptr)},
                           {"client", e.client_name}});
        }
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (events->empty()) {
        std::cout << "No audit events match. Widen the filters (--account, --action, --client, "
                     "--from, --to).\n";
        return;
    }
    for (const auto& e : *events) {
        std::cout << '#' << e.seq << "  " << core::format_timestamp(e.at) << "  "
                  << (e.account.empty() ? "-" : e.account) << "  " << e.action << "  " << e.object;
        if (!e.client_name.empty()) {
            std::cout << "  (" << e.client_name << ")";
        }
        std::cout << "\n";
    }
}

} // namespace

std::string signature_words(const storage::AuditReport& report) {
    if (report.events == 0) {
        return {};
    }
    if (report.mac_only_events == 0) {
        return " (all signed by their authors)";
    }
    return " (" + std::to_string(report.signed_events) + " signed by their authors; " +
           std::to_string(report.mac_only_events) +
           " from before signing, checked by their MAC only)";
}

namespace {

// The walk's time, and where an incremental one started: a line of its own after the verdict,
// so the verdict's line reads as it always did.
std::string walk_words(const storage::AuditReport& report) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
    std::string out = report.incremental
                          ? "Walked only the events after your checkpoint at event #" +
                                std::to_string(report.from_seq) + " of " + report.checkpoint_at +
                                " (run 'audit verify --full' to walk them all)"
                          : std::string("Walked the whole chain");
    out += ", in " + std::string(seconds) + " s.\n";
    if (!report.checkpoint_note.empty()) {
        out += report.checkpoint_note + "\n";
    }
    return out;
}

void run_audit_verify(CliContext& ctx, bool full) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto report = vault->audit().verify(progress_on_stderr("Verifying audit events"),
                                        full ? storage::AuditScope::full
                                             : storage::AuditScope::since_checkpoint);
    if (!report) {
        ctx.fail(report.error());
        return;
    }
    if (!report->ok) {
        ctx.fail({storage::StorageErrc::corrupt, report->message});
        return;
    }
    std::cout << "The audit trail is intact: " << report->events << " events verified"
              << signature_words(*report) << ".\n"
              << walk_words(*report);
}

void run_flag_reassess(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto done = vault->flags().reassess_all(progress_on_stderr("Re-evaluating sessions"));
    if (!done) {
        ctx.fail(done.error());
        return;
    }
    std::cout << "Re-evaluated " << done->sessions
              << " sessions with the norms in force: " << done->raised << " flags raised, "
              << done->resolved << " resolved because the norms no longer raise them.\n";
}

} // namespace

std::optional<core::Date> parse_day(CliContext& ctx, const std::string& text, const char* name) {
    if (text.empty()) {
        return std::nullopt;
    }
    auto day = core::parse_date(text);
    if (!day) {
        ctx.fail(exit_usage,
                 std::string("--") + name + " must be a date as YYYY-MM-DD, not '" + text + "'.");
    }
    return day;
}

void add_audit_commands(CLI::App& app, CliContext& ctx) {
    static AuditOptions o;
    auto* audit = app.add_subcommand("audit", "Read the audit trail and verify its chain");
    audit->require_subcommand(1);

    auto* list = audit->add_subcommand("list", "Audit events, newest first");
    add_vault_options(*list, ctx);
    list->add_option("--by", o.account, "Only events of this account name");
    list->add_option("--action", o.action, "An action (flag.dismissed) or a family of them (flag)");
    list->add_option("--client", o.client, "Only events on this client's records");
    list->add_option("--from", o.from, "First day, YYYY-MM-DD (UTC)");
    list->add_option("--to", o.to, "Last day, YYYY-MM-DD (UTC)");
    list->add_option("--limit", o.limit, "At most this many events (default 100)")
        ->check(CLI::Range(1, 1000000));
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_audit_list(ctx, o); });

    auto* verify = audit->add_subcommand(
        "verify", "Recompute the MAC and signature of every event after your last verified "
                  "checkpoint, in order (all of them with --full)");
    add_vault_options(*verify, ctx);
    static bool full = false;
    verify->add_flag("--full", full,
                     "Walk the whole chain from its first event (as 'vault check' does), "
                     "trusting no checkpoint");
    verify->callback([&ctx] { run_audit_verify(ctx, full); });
}

void add_flag_reassess_command(CLI::App& flag, CliContext& ctx) {
    auto* reassess = flag.add_subcommand(
        "reassess", "Re-run the norms in force over every session (after norms adopt)");
    add_vault_options(*reassess, ctx);
    reassess->callback([&ctx] { run_flag_reassess(ctx); });
}

} // namespace punctum::cli
