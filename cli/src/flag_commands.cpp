// flag list | ack | resolve | dismiss, and norms adopt: the flag queue and the clinic's
// norms profile from the command line, each change attributed to the signed-in account.

#include "commands.h"
#include "json_views.h"

#include <iostream>

namespace punctum::cli {

namespace {

struct FlagOptions {
    std::int64_t id = 0;
    std::int64_t session = 0;
    std::string text; // --note or --reason
    std::string profile_file;
};

void run_flag_list(CliContext& ctx, const FlagOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto flags = o.session > 0 ? vault->flags().of_session(core::SessionId{o.session})
                               : vault->flags().needing_attention(100000, 0);
    if (!flags) {
        ctx.fail(flags.error());
        return;
    }
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : *flags) {
            out.push_back(to_json(f));
        }
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (flags->empty()) {
        std::cout << (o.session > 0 ? "This session has no flags.\n"
                                    : "Nothing needs attention: no open flags.\n");
        return;
    }
    for (const auto& f : *flags) {
        std::cout << '#' << f.id << "  " << core::to_string(f.flag.severity) << "  "
                  << storage::to_string(f.state) << "  " << f.client_name << ", treated "
                  << core::format_date(f.treated_on) << ", day " << f.flag.day << "\n    "
                  << f.flag.message << "\n    Source: " << f.flag.source << "\n";
    }
}

void run_flag_move(CliContext& ctx, const FlagOptions& o, storage::FlagState to) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto& flags = vault->flags();
    const auto done = to == storage::FlagState::acknowledged ? flags.acknowledge(o.id)
                      : to == storage::FlagState::resolved   ? flags.resolve(o.id, o.text)
                                                             : flags.dismiss(o.id, o.text);
    if (!done) {
        ctx.fail(done.error());
        return;
    }
    std::cout << "Flag " << o.id << " is now " << storage::to_string(to) << ".\n";
}

void run_norms_adopt(CliContext& ctx, const FlagOptions& o) {
    auto text = read_input(ctx, o.profile_file);
    if (!text) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto adopted = vault->norms().adopt(*text);
    if (!adopted) {
        ctx.fail(adopted.error());
        return;
    }
    std::cout << "Norms profile " << adopted->id << " version " << adopted->version
              << " is now in force. Flags raised from now on cite it.\n";
}

} // namespace

void add_flag_commands(CLI::App& app, CliContext& ctx) {
    static FlagOptions o;
    auto* flag = app.add_subcommand("flag", "The flags raised by recovery entries");
    flag->require_subcommand(1);

    auto* list = flag->add_subcommand(
        "list", "Open and acknowledged flags across clients, most urgent first");
    add_vault_options(*list, ctx);
    list->add_option("--session", o.session, "Every flag of one session instead");
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_flag_list(ctx, o); });

    auto* ack = flag->add_subcommand("ack", "Acknowledge a flag: seen, being handled");
    add_vault_options(*ack, ctx);
    ack->add_option("id", o.id, "Flag id")->required();
    ack->callback([&ctx] { run_flag_move(ctx, o, storage::FlagState::acknowledged); });

    auto* resolve = flag->add_subcommand("resolve", "Resolve a flag: the problem has settled");
    add_vault_options(*resolve, ctx);
    resolve->add_option("id", o.id, "Flag id")->required();
    resolve->add_option("--note", o.text, "What was done");
    resolve->callback([&ctx] { run_flag_move(ctx, o, storage::FlagState::resolved); });

    auto* dismiss = flag->add_subcommand("dismiss", "Dismiss a flag: not a problem after all");
    add_vault_options(*dismiss, ctx);
    dismiss->add_option("id", o.id, "Flag id")->required();
    dismiss->add_option("--reason", o.text, "Why (kept with the record)")->required();
    dismiss->callback([&ctx] { run_flag_move(ctx, o, storage::FlagState::dismissed); });

    add_flag_reassess_command(*flag, ctx);
}

void add_norms_adopt_command(CLI::App& norms, CliContext& ctx) {
    static FlagOptions o;
    auto* adopt = norms.add_subcommand(
        "adopt", "Make a norms profile (FILE or - for stdin) the one this vault works by");
    add_vault_options(*adopt, ctx);
    adopt->add_option("file", o.profile_file, "Profile JSON")->required();
    adopt->callback([&ctx] { run_norms_adopt(ctx, o); });
}

} // namespace punctum::cli
