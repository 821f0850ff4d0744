// screening add | override | list: screenings stored in a vault, the gate a session must pass.
// `screening add` takes the same JSON as `screen` and prints the same result, plus the stored
// id that `session add --screening ID` needs.

#include "commands.h"

#include "punctum/core/screening/screening_json.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace punctum::cli {

namespace {

struct ScreeningOptions {
    std::int64_t client = 0;
    std::string input = "-";
    std::int64_t id = 0;
    std::string justification;
};

// The stored screening as JSON: `screen`'s result fields, then what the vault adds.
nlohmann::json stored_json(const storage::StoredScreening& s) {
    auto out = nlohmann::json::parse(core::screening_result_json(s.result));
    out["id"] = s.id;
    out["client_id"] = s.client_id.value;
    out["date"] = core::format_date(s.input.date);
    out["session_id"] = s.session_id.valid() ? nlohmann::json(s.session_id.value) : nullptr;
    out["overridden"] = s.override_justification.has_value();
    out["override_justification"] =
        s.override_justification ? nlohmann::json(*s.override_justification) : nullptr;
    out["overridden_by"] = s.override_justification ? nlohmann::json(s.overridden_by) : nullptr;
    out["clears_treatment"] = s.clears_treatment();
    out["history_confirmed"] = s.history_confirmed;
    out["created_by"] = s.created_by;
    return out;
}

void print(CliContext& ctx, const storage::StoredScreening& s) {
    if (ctx.json) {
        std::cout << stored_json(s).dump() << "\n";
        return;
    }
    std::cout << "Screening " << s.id << " for client " << s.client_id.value << " on "
              << core::format_date(s.input.date) << ": " << core::to_string(s.result.verdict)
              << (s.override_justification ? " (overridden)" : "") << "\n";
    for (const auto& r : s.result.reasons) {
        std::cout << "  " << core::to_string(r.outcome) << ": " << r.message << "  [" << r.source
                  << "]\n";
    }
    if (s.clears_treatment()) {
        std::cout << "Record the session with --screening " << s.id << ".\n";
    } else {
        std::cout << "This verdict does not clear a treatment. Do not treat, or override it "
                     "with a written justification: punctum-cli screening override --id "
                  << s.id << " --justification TEXT\n";
    }
}

void run_add(CliContext& ctx, const ScreeningOptions& o) {
    const auto text = read_input(ctx, o.input);
    if (!text) {
        return;
    }
    auto input = core::parse_screening_input(*text);
    if (!input) {
        ctx.fail(exit_usage, input.error().message);
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto stored = vault->screenings().record(core::ClientId{o.client}, *input);
    if (!stored) {
        ctx.fail(stored.error());
        return;
    }
    print(ctx, *stored);
}

void run_override(CliContext& ctx, const ScreeningOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto done = vault->screenings().override_verdict(o.id, o.justification); !done) {
        ctx.fail(done.error());
        return;
    }
    auto stored = vault->screenings().get(o.id);
    if (!stored) {
        ctx.fail(stored.error());
        return;
    }
    print(ctx, *stored);
}

void run_list(CliContext& ctx, const ScreeningOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto all = vault->screenings().of_client(core::ClientId{o.client});
    if (!all) {
        ctx.fail(all.error());
        return;
    }
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& s : *all) {
            arr.push_back(stored_json(s));
        }
        std::cout << arr.dump(2) << "\n";
        return;
    }
    if (all->empty()) {
        std::cout << "No screenings for this client yet. Record one with: punctum-cli screening "
                     "add --vault PATH --client ID FILE\n";
    }
    for (const auto& s : *all) {
        print(ctx, s);
    }
}

} // namespace

void add_screening_commands(CLI::App& app, CliContext& ctx) {
    static ScreeningOptions o;
    auto* screening = app.add_subcommand(
        "screening", "Screenings stored in a vault: the gate every session must pass");
    screening->require_subcommand(1);

    auto* add = screening->add_subcommand(
        "add", "Screen a client for a day (the JSON `screen` takes) and store the verdict");
    add_vault_options(*add, ctx);
    add->add_option("--client", o.client, "The client's id")->required();
    add->add_option("input", o.input, "Screening input JSON (FILE, or - for stdin)");
    add->add_flag("--json", ctx.json, "Print JSON");
    add->callback([&ctx] { run_add(ctx, o); });

    auto* override_cmd = screening->add_subcommand(
        "override", "Treat despite a defer (practitioner) or a refer or decline (admin only), "
                    "with a written justification; an absolute contraindication cannot be "
                    "overridden");
    add_vault_options(*override_cmd, ctx);
    override_cmd->add_option("--id", o.id, "The screening's id")->required();
    override_cmd->add_option("--justification", o.justification, "Why treating is safe")
        ->required();
    override_cmd->add_flag("--json", ctx.json, "Print JSON");
    override_cmd->callback([&ctx] { run_override(ctx, o); });

    auto* list = screening->add_subcommand("list", "A client's screenings, newest first");
    add_vault_options(*list, ctx);
    list->add_option("--client", o.client, "The client's id")->required();
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_list(ctx, o); });
}

} // namespace punctum::cli
