// punctum-cli: Punctum without a window, for scripts, tests and administrators.

#include "commands.h"
#include "punctum/core/about/component.h"
#include "punctum/storage/process_hardening.h"

#include <iostream>

int main(int argc, char** argv) {
    punctum::storage::harden_process();
    punctum::cli::CliContext ctx;
    CLI::App app{"Punctum: microneedling treatment log and recovery tracker (command line)",
                 "punctum-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "punctum-cli " + punctum::core::punctum_version());
    punctum::cli::add_version_command(app, ctx);
    punctum::cli::add_vault_commands(app, ctx);
    punctum::cli::add_record_commands(app, ctx);
    punctum::cli::add_demo_command(app, ctx);
    punctum::cli::add_account_commands(app, ctx);
    punctum::cli::add_flag_commands(app, ctx);
    punctum::cli::add_audit_commands(app, ctx);
    punctum::cli::add_report_commands(app, ctx);
    punctum::cli::add_export_commands(app, ctx);
    punctum::cli::add_exchange_commands(app, ctx);
    punctum::cli::add_review_commands(app, ctx);
    punctum::cli::add_screen_commands(app, ctx);
    punctum::cli::add_screening_commands(app, ctx);
    punctum::cli::add_assess_command(app, ctx);
    punctum::cli::add_photo_commands(app, ctx);
    punctum::cli::add_photo_vault_commands(app, ctx);
    punctum::cli::add_client_history_command(app, ctx);
    punctum::cli::add_completion_command(app, ctx); // last: it describes every command above
    // Every command turns what it expects into a message and an exit code. Anything it did
    // not expect still ends here with a message, never an abort: a script sees exit 1 and
    // a sentence, and the vault's own transactions have already rolled back.
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : punctum::cli::exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "error: unexpected failure: " << e.what()
                  << "\nNothing was changed by the failed step. Please report this with the "
                     "command you ran.\n";
        return punctum::cli::exit_failure;
    } catch (...) {
        std::cerr << "error: unexpected failure. Nothing was changed by the failed step. Please "
                     "report this with the command you ran.\n";
        return punctum::cli::exit_failure;
    }
    return ctx.exit_code;
}
