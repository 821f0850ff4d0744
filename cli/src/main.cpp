// punctum-cli: Punctum without a window, for scripts, tests and administrators.

#include "commands.h"
#include "punctum/storage/process_hardening.h"

#include <iostream>

int main(int argc, char** argv) {
    punctum::storage::harden_process();
    punctum::cli::CliContext ctx;
    CLI::App app{"Punctum: microneedling treatment log and recovery tracker (command line)",
                 "punctum-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "punctum-cli 0.1.0");
    punctum::cli::add_vault_commands(app, ctx);
    punctum::cli::add_record_commands(app, ctx);
    punctum::cli::add_demo_command(app, ctx);
    punctum::cli::add_account_commands(app, ctx);
    punctum::cli::add_flag_commands(app, ctx);
    punctum::cli::add_audit_commands(app, ctx);
    punctum::cli::add_screen_commands(app, ctx);
    punctum::cli::add_assess_command(app, ctx);
    punctum::cli::add_photo_commands(app, ctx);
    punctum::cli::add_photo_vault_commands(app, ctx);
    punctum::cli::add_client_history_command(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : punctum::cli::exit_usage;
    }
    return ctx.exit_code;
}
