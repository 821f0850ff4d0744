#include "commands.h"

#include "punctum/storage/demo_writer.h"

#include <iostream>

namespace punctum::cli {

namespace {

void run_demo(CliContext& ctx, const storage::DemoFill& fill) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto filled =
        storage::fill_demo(*vault, fill, core::date_of(ctx.clock.now()),
                           [](const core::DemoClient& demo, core::ClientId id, bool photos) {
                               // One line per committed client: a script can follow progress, and
                               // after a crash every printed client is in the vault.
                               std::cout << "client " << id.value << " " << demo.client.display_name
                                         << " (" << demo.sessions.size() << " sessions"
                                         << (photos ? ", photos" : "") << ")\n"
                                         << std::flush;
                               return true;
                           });
    if (!filled) {
        ctx.fail(filled.error());
    }
}

} // namespace

void add_demo_command(CLI::App& app, CliContext& ctx) {
    static storage::DemoFill demo;
    auto* cmd = app.add_subcommand("demo", "Fill a vault with a realistic synthetic clinic");
    add_vault_options(*cmd, ctx);
    cmd->add_option("--clients", demo.clients, "How many clients")->check(CLI::Range(1, 1000000));
    cmd->add_option("--seed", demo.seed, "Random seed; the same seed gives the same clinic");
    cmd->add_option("--photos-every", demo.photos_every,
                    "Give every Nth client analysed photos of their latest session (0: none; "
                    "each photo costs about half a second)")
        ->check(CLI::Range(0, 1000000));
    cmd->add_option("--sessions-per-client", demo.sessions_per_client,
                    "Give every client this many sessions (0: one to three, as in a real "
                    "clinic; 10 with --clients 10000 makes the 100k-session scale vault)")
        ->check(CLI::Range(0, 100));
    cmd->callback([&ctx] { run_demo(ctx, demo); });
}

} // namespace punctum::cli
