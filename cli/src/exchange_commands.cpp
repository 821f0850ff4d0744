// exchange careplan|open|report|import, checkin and session list: care plans out to
// patients and sealed recovery reports back (issue 15). Storage checks, seals, writes and
// audits; this reads the options and says what happened. Scripts rely on:
//   punctum-cli session list --vault PATH --json
//   punctum-cli exchange careplan --vault PATH --session ID --out FILE --json
//       -> {"out": FILE, "pairing_code": "..."}
//   punctum-cli exchange open --vault PATH FILE --code CODE
//   punctum-cli checkin --vault PATH --json FILE|-
//   punctum-cli exchange report --vault PATH --out FILE
//   punctum-cli exchange import --vault PATH FILE
// A refused file exits 4 (exit_integrity) with nothing written.

#include "commands.h"
#include "json_views.h"
#include "punctum/core/recovery/check_in_input.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <set>

namespace punctum::cli {

namespace {

struct ExchangeOptions {
    std::int64_t session = 0;
    std::int64_t client = 0;
    std::string out;
    std::string file;
    std::string code;
    std::string plan;
    bool everything = false;
};

// Opens the vault and runs `body` on it; a storage error becomes the exit code.
template <typename Body> void with_vault(CliContext& ctx, Body&& body) {
    auto vault = ctx.open_vault();
    if (vault) {
        body(*vault);
    }
}

void run_session_list(CliContext& ctx, const ExchangeOptions& o) {
    with_vault(ctx, [&](storage::Vault& vault) {
        auto sessions = vault.sessions().list(core::ClientId{o.client});
        if (!sessions) {
            ctx.fail(sessions.error());
            return;
        }
        if (ctx.json) {
            auto list = nlohmann::json::array();
            for (const auto& s : *sessions) {
                list.push_back({{"id", s.id.value},
                                {"client_id", s.client.value},
                                {"client", s.client_name},
                                {"treated_on", core::format_date(s.treated_on)},
                                {"practitioner", s.practitioner},
                                {"entries", s.entries}});
            }
            std::cout << list.dump(2) << '\n';
            return;
        }
        if (sessions->empty()) {
            std::cout << "No sessions yet. Record one with `punctum-cli session add`.\n";
        }
        for (const auto& s : *sessions) {
            std::cout << s.id.value << "  " << core::format_date(s.treated_on) << "  "
                      << s.client_name << " (client " << s.client.value << "), " << s.entries
                      << " check-ins\n";
        }
    });
}

void run_careplan(CliContext& ctx, const ExchangeOptions& o) {
    with_vault(ctx, [&](storage::Vault& vault) {
        auto issued = vault.exchange().issue_care_plan(core::SessionId{o.session}, o.out);
        if (!issued) {
            ctx.fail(issued.error());
            return;
        }
        if (ctx.json) {
            std::cout << nlohmann::json{{"out", o.out},
                                        {"pairing_code", issued->pairing_code},
                                        {"plan_id", issued->plan_id}}
                             .dump(2)
                      << '\n';
            return;
        }
        std::cout << "Wrote the care plan to " << o.out
                  << ".\nPairing code: " << issued->pairing_code
                  << "\nGive the patient the file, and the code separately (not in the same "
                     "email): only the code opens it.\n";
    });
}

void run_open(CliContext& ctx, const ExchangeOptions& o) {
    with_vault(ctx, [&](storage::Vault& vault) {
        auto opened = vault.exchange().open_care_plan(o.file, o.code);
        if (!opened) {
            ctx.fail(opened.error());
            return;
        }
        if (ctx.json) {
            std::cout << nlohmann::json{{"plan_id", opened->plan_id},
                                        {"session_id", opened->session.value},
                                        {"clinic", opened->clinic_name},
                                        {"treated_on", core::format_date(opened->treated_on)},
                                        {"already_open", opened->already_open}}
                             .dump(2)
                      << '\n';
            return;
        }
        if (opened->already_open) {
            std::cout << "This care plan is already open in this vault (session "
                      << opened->session.value << "); nothing changed.\n";
            return;
        }
        std::cout << "Opened the care plan from " << opened->clinic_name
                  << " for your treatment of " << core::format_date(opened->treated_on)
                  << " (session " << opened->session.value
                  << "). Check in each day with `punctum-cli checkin`; your flags are shown at "
                     "once.\n";
    });
}

// The session a check-in goes to: the one named, or the care plan opened last.
std::optional<core::SessionId> check_in_session(CliContext& ctx, storage::Vault& vault,
                                                const core::CheckInInput& in) {
    if (in.session) {
        return core::SessionId{*in.session};
    }
    auto plans = vault.exchange().care_plans();
    if (!plans) {
        ctx.fail(plans.error());
        return std::nullopt;
    }
    if (plans->empty()) {
        ctx.fail(exit_usage, "This vault holds no care plan: open the one your clinic gave you "
                             "(`punctum-cli exchange open`), or name the session with "
                             "\"session\".");
        return std::nullopt;
    }
    return plans->front().session;
}

void run_checkin(CliContext& ctx, const ExchangeOptions& o) {
    const auto text = read_input(ctx, o.file);
    if (!text) {
        return;
    }
    auto in = core::parse_check_in(*text);
    if (!in) {
        ctx.fail(exit_usage, in.error().message);
        return;
    }
    with_vault(ctx, [&](storage::Vault& vault) {
        const auto session = check_in_session(ctx, vault, *in);
        if (!session) {
            return;
        }
        auto treated = vault.sessions().get(*session);
        auto before = vault.flags().of_session(*session);
        if (!treated || !before) {
            ctx.fail(!treated ? treated.error() : before.error());
            return;
        }
        core::RecoveryEntry entry;
        entry.session_id = *session;
        entry.reporter = core::Reporter::patient;
        entry.observed_on = in->date  ? *in->date
                            : in->day ? core::Date{std::chrono::sys_days(treated->treated_on) +
                                                   std::chrono::days(*in->day)}
                                      : core::date_of(ctx.clock.now());
        entry.scores = in->scores;
        entry.gais_patient = in->gais_patient;
        entry.note = in->note;
        auto id = vault.sessions().add_entry(entry);
        auto after = id ? vault.flags().of_session(*session) : decltype(before)(*before);
        if (!id || !after) {
            ctx.fail(!id ? id.error() : after.error());
            return;
        }
        std::set<std::int64_t> known;
        for (const auto& f : *before) {
            known.insert(f.id);
        }
        auto raised = nlohmann::json::array();
        int open = 0;
        for (const auto& f : *after) {
            if (known.count(f.id) == 0) {
                raised.push_back(to_json(f));
            }
            open += f.state == storage::FlagState::open ? 1 : 0;
        }
        if (ctx.json) {
            std::cout << nlohmann::json{{"entry_id", id->value},
                                        {"session_id", session->value},
                                        {"date", core::format_date(entry.observed_on)},
                                        {"flags", raised},
                                        {"open_flags", open}}
                             .dump(2)
                      << '\n';
            return;
        }
        std::cout << "Logged " << core::format_date(entry.observed_on) << ". "
                  << (raised.empty() ? "Nothing new to flag." : "New flags:") << '\n';
        for (const auto& f : raised) {
            std::cout << "  [" << f["severity"].get<std::string>() << "] "
                      << f["message"].get<std::string>() << '\n';
        }
    });
}

void run_report(CliContext& ctx, const ExchangeOptions& o) {
    with_vault(ctx, [&](storage::Vault& vault) {
        auto written = vault.exchange().write_report(o.out, {o.plan, o.everything});
        if (!written) {
            ctx.fail(written.error());
            return;
        }
        if (ctx.json) {
            std::cout << nlohmann::json{{"out", o.out},
                                        {"report_id", written->report_id},
                                        {"plan_id", written->plan_id},
                                        {"entries", written->entries},
                                        {"photos", written->photos},
                                        {"photos_withheld", written->photos_withheld}}
                             .dump(2)
                      << '\n';
            return;
        }
        std::cout << "Wrote your recovery report to " << o.out << ": " << written->entries
                  << " check-ins, " << written->photos << " photos";
        if (written->photos_withheld > 0) {
            std::cout << " (" << written->photos_withheld
                      << " kept back: you have not allowed photos in your clinic record)";
        }
        std::cout << ". It is sealed: only your clinic can open it.\n";
    });
}

void run_import(CliContext& ctx, const ExchangeOptions& o) {
    with_vault(ctx, [&](storage::Vault& vault) {
        auto imported = vault.exchange().import_report(o.file);
        if (!imported) {
            ctx.fail(imported.error());
            return;
        }
        const auto& r = *imported;
        if (ctx.json) {
            std::cout << nlohmann::json{{"report_id", r.report_id},
                                        {"already_imported", r.already_imported},
                                        {"session_id", r.session.value},
                                        {"client_id", r.client.value},
                                        {"client", r.client_name},
                                        {"entries_added", r.entries_added},
                                        {"entries_known", r.entries_known},
                                        {"photos_added", r.photos_added},
                                        {"photos_known", r.photos_known},
                                        {"new_flags", r.new_flags},
                                        {"new_urgent_flags", r.new_urgent},
                                        {"imported_at", core::format_timestamp(r.imported_at)}}
                             .dump(2)
                      << '\n';
            return;
        }
        if (r.already_imported) {
            std::cout << "This report was already imported on "
                      << core::format_timestamp(r.imported_at) << "; nothing changed.\n";
            return;
        }
        std::cout << "Imported " << r.client_name << "'s report into session " << r.session.value
                  << ": " << r.entries_added << " new check-ins (" << r.entries_known
                  << " already here), " << r.photos_added << " new photos. " << r.new_flags
                  << " new flags";
        std::cout << (r.new_urgent > 0 ? ", " + std::to_string(r.new_urgent) +
                                             " urgent: see Needs attention now.\n"
                                       : ".\n");
    });
}

} // namespace

void add_exchange_commands(CLI::App& app, CliContext& ctx) {
    static ExchangeOptions o;
    auto* sessions = app.get_subcommand("session");
    auto* list = sessions->add_subcommand("list", "List sessions, newest first");
    add_vault_options(*list, ctx);
    list->add_option("--client", o.client, "Only this client's sessions (their id)");
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_session_list(ctx, o); });

    auto* ex = app.add_subcommand(
        "exchange", "Care plans to patients and sealed recovery reports back, by file");
    ex->require_subcommand(1);
    auto* plan = ex->add_subcommand("careplan", "Write a session's care plan for the patient "
                                                "(clinic), with a one-time pairing code");
    add_vault_options(*plan, ctx);
    plan->add_option("--session", o.session, "Session id")->required();
    plan->add_option("--out", o.out, "The file to write")->required();
    plan->add_flag("--json", ctx.json, "Print JSON");
    plan->callback([&ctx] { run_careplan(ctx, o); });

    auto* open = ex->add_subcommand("open", "Open a care plan in your personal vault (patient)");
    add_vault_options(*open, ctx);
    open->add_option("file", o.file, "The care plan file")->required();
    open->add_option("--code", o.code, "The pairing code from your clinic")->required();
    open->add_flag("--json", ctx.json, "Print JSON");
    open->callback([&ctx] { run_open(ctx, o); });

    auto* report =
        ex->add_subcommand("report", "Write your sealed recovery report for the clinic (patient)");
    add_vault_options(*report, ctx);
    report->add_option("--out", o.out, "The file to write")->required();
    report->add_option("--plan", o.plan, "The care plan (its id); default: the last opened");
    report->add_flag("--all", o.everything,
                     "Everything logged for the session, not only what is new since the last "
                     "report");
    report->add_flag("--json", ctx.json, "Print JSON");
    report->callback([&ctx] { run_report(ctx, o); });

    auto* import = ex->add_subcommand("import", "Import a patient's recovery report (clinic)");
    add_vault_options(*import, ctx);
    import->add_option("file", o.file, "The report file")->required();
    import->add_flag("--json", ctx.json, "Print JSON");
    import->callback([&ctx] { run_import(ctx, o);
});

auto* checkin = app.add_subcommand(
    "checkin", "Log a day of your recovery (patient) and see the flags it raised");
add_vault_options(*checkin, ctx);
checkin->add_option("file", o.file, "The check-in as JSON, or - for standard input")->required();
checkin->add_flag("--json", ctx.json, "Print the flags as JSON");
checkin->callback([&ctx] { run_checkin(ctx, o); });
} // namespace punctum::cli

} // namespace punctum::cli
