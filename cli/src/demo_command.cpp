#include "commands.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"

#include <iostream>

namespace punctum::cli {

namespace {

struct DemoOptions {
    int clients = 20;
    std::uint64_t seed = 1;
    int photos_every = 10;
    int sessions_per_client = 0;
};

void run_demo(CliContext& ctx, const DemoOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    const core::Date today = core::date_of(ctx.clock.now());
    for (int i = 0; i < o.clients; ++i) {
        const auto demo = core::demo_client(o.seed, i, today, o.sessions_per_client);
        storage::DemoPhotos photos;
        photos.enabled = o.photos_every > 0 && i % o.photos_every == 0;
        auto id = storage::add_demo_client(*vault, demo, photos);
        if (!id) {
            ctx.fail(id.error());
            return;
        }
        // One line per committed client: a script can follow progress, and after a crash
        // every printed client is in the vault.
        std::cout << "client " << id->value << " " << demo.client.display_name << " ("
                  << demo.sessions.size() << " sessions" << (photos.enabled ? ", photos" : "")
                  << ")\n"
                  << std::flush;
    }
}

} // namespace

void add_demo_command(CLI::App& app, CliContext& ctx) {
    static DemoOptions demo;
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
