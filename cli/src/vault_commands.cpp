#include "commands.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace punctum::cli {

void add_vault_options(CLI::App& cmd, CliContext& ctx) {
    cmd.add_option("--vault", ctx.vault_path, "The vault's folder")->required();
    cmd.add_option("--account", ctx.account, "Account to sign in as (default: the only one)");
    cmd.add_option("--passphrase-file", ctx.passphrase_file,
                   "Read the passphrase from the first line of this file");
}

namespace {

struct InitOptions {
    std::string kind = "clinic";
    std::string name;
    std::string display_name;
    std::string kdf = "moderate";
};

void run_init(CliContext& ctx, const InitOptions& opts) {
    storage::NewVault options;
    options.kind = storage::vault_kind_from_string(opts.kind).value_or(storage::VaultKind::clinic);
    options.account_name = !opts.name.empty()
                               ? opts.name
                               : (options.kind == storage::VaultKind::clinic ? "admin" : "patient");
    options.display_name = opts.display_name.empty() ? options.account_name : opts.display_name;
    options.kdf = storage::KdfParams::named(opts.kdf).value_or(storage::KdfParams::moderate());
    auto secret = ctx.passphrase("Choose a passphrase for " + options.account_name, true);
    if (!secret) {
        return;
    }
    auto created = storage::Vault::create(ctx.vault_path, *secret, options, ctx.clock);
    if (!created) {
        ctx.fail(created.error());
        return;
    }
    if (ctx.json) {
        std::cout << nlohmann::json{{"vault", ctx.vault_path},
                                    {"kind", std::string(storage::to_string(options.kind))},
                                    {"account", options.account_name},
                                    {"recovery_key", std::string(created->recovery_key.view())}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << "Created a " << storage::to_string(options.kind) << " vault at " << ctx.vault_path
              << " with the account '" << options.account_name << "'.\n\n"
              << "Recovery key (shown once; write it down and keep it somewhere safe, apart\n"
              << "from this computer; it opens the vault if every passphrase is forgotten):\n\n"
              << "    " << created->recovery_key.view() << "\n";
}

void run_stats(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto stats = vault->stats();
    if (!stats) {
        ctx.fail(stats.error());
        return;
    }
    const nlohmann::json j{{"clients", stats->clients},
                           {"sessions", stats->sessions},
                           {"entries", stats->entries},
                           {"photos", stats->photos},
                           {"flags", stats->flags},
                           {"open_flags", stats->open_flags},
                           {"audit_events", stats->audit_events},
                           {"accounts", stats->accounts}};
    if (ctx.json) {
        std::cout << j.dump(2) << "\n";
    } else {
        for (const auto& [key, value] : j.items()) {
            std::cout << key << ": " << value << "\n";
        }
    }
}

} // namespace

void add_vault_commands(CLI::App& app, CliContext& ctx) {
    auto* vault = app.add_subcommand("vault", "Create and look after a vault");
    vault->require_subcommand(1);

    static InitOptions init;
    auto* init_cmd = vault->add_subcommand("init", "Create a new encrypted vault");
    add_vault_options(*init_cmd, ctx);
    init_cmd->add_option("--kind", init.kind, "clinic (staff accounts) or personal (one patient)")
        ->check(CLI::IsMember({"clinic", "personal"}));
    init_cmd->add_option("--name", init.name, "Name of the first account (admin or patient)");
    init_cmd->add_option("--display-name", init.display_name, "How the first account is shown");
    init_cmd
        ->add_option("--kdf", init.kdf, "Passphrase hardening: interactive, moderate, sensitive")
        ->check(CLI::IsMember({"interactive", "moderate", "sensitive"}));
    init_cmd->add_flag("--json", ctx.json, "Print the result as JSON");
    init_cmd->callback([&ctx] { run_init(ctx, init); });

    auto* stats = vault->add_subcommand("stats", "Count the records in a vault");
    add_vault_options(*stats, ctx);
    stats->add_flag("--json", ctx.json, "Print JSON");
    stats->callback([&ctx] { run_stats(ctx); });

    add_maintenance_commands(*vault, ctx);
}

} // namespace punctum::cli
