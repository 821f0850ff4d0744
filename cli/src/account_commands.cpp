// account list | add | remove (clinic vaults; admin)

#include "commands.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace punctum::cli {

namespace {

struct AccountOptions {
    std::string name;
    std::string display_name;
    std::string role = "practitioner";
    std::string new_passphrase_file;
    std::string kdf = "moderate";
};

void run_list(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto accounts = vault->accounts().list();
    if (!accounts) {
        ctx.fail(accounts.error());
        return;
    }
    auto arr = nlohmann::json::array();
    for (const auto& a : *accounts) {
        arr.push_back({{"name", a.name},
                       {"display_name", a.display_name},
                       {"role", std::string(core::to_string(a.role))}});
    }
    if (ctx.json) {
        std::cout << arr.dump(2) << "\n";
        return;
    }
    for (const auto& a : *accounts) {
        std::cout << a.name << "\t" << core::to_string(a.role) << "\t" << a.display_name << "\n";
    }
}

void run_add(CliContext& ctx, const AccountOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto secret = ctx.secret(o.new_passphrase_file, "PUNCTUM_NEW_PASSPHRASE",
                             "Passphrase for the new account " + o.name, true);
    if (!secret) {
        return;
    }
    const auto role = core::role_from_string(o.role);
    auto added = vault->accounts().add(
        o.name, o.display_name, role.value_or(core::Role::practitioner), *secret,
        storage::KdfParams::named(o.kdf).value_or(storage::KdfParams::moderate()));
    if (!added) {
        ctx.fail(added.error());
        return;
    }
    std::cout << "Added " << o.role << " '" << o.name << "'.\n";
}

void run_remove(CliContext& ctx, const AccountOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto r = vault->accounts().remove(o.name); !r) {
        ctx.fail(r.error());
        return;
    }
    std::cout << "Removed '" << o.name
              << "' and its key slot. Run 'punctum-cli vault rotate-key' "
                 "so that any copy of the old key opens nothing new.\n";
}

} // namespace

void add_account_commands(CLI::App& app, CliContext& ctx) {
    static AccountOptions o;
    auto* accounts = app.add_subcommand("account", "Manage who can unlock a clinic vault (admin)");
    accounts->require_subcommand(1);
    auto* list = accounts->add_subcommand("list", "List accounts");
    add_vault_options(*list, ctx);
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_list(ctx); });

    auto* add = accounts->add_subcommand("add", "Add an account with its own passphrase");
    add_vault_options(*add, ctx);
    add->add_option("--name", o.name, "Login name, e.g. sam.okafor")->required();
    add->add_option("--display-name", o.display_name, "How the account is shown");
    add->add_option("--role", o.role, "admin, practitioner or reviewer")
        ->check(CLI::IsMember({"admin", "practitioner", "reviewer"}));
    add->add_option("--new-passphrase-file", o.new_passphrase_file,
                    "Read the new account's passphrase from this file (else PUNCTUM_NEW_PASSPHRASE "
                    "or a prompt)");
    add->add_option("--kdf", o.kdf, "Passphrase hardening")
        ->check(CLI::IsMember({"interactive", "moderate", "sensitive"}));
    add->callback([&ctx] { run_add(ctx, o); });

    auto* remove = accounts->add_subcommand("remove", "Remove an account and its key slot");
    add_vault_options(*remove, ctx);
    remove->add_option("--name", o.name, "Account to remove")->required();
    remove->callback([&ctx] { run_remove(ctx, o); });
}

} // namespace punctum::cli
