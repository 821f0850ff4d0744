#pragma once
// Each group of subcommands registers itself on the app; the callbacks set ctx.exit_code.

#include "cli_context.h"

#include <CLI/CLI.hpp>

namespace punctum::cli {

void add_vault_commands(CLI::App& app, CliContext& ctx);
void add_record_commands(CLI::App& app, CliContext& ctx);
void add_demo_command(CLI::App& app, CliContext& ctx);
void add_account_commands(CLI::App& app, CliContext& ctx);
/// check, passwd, recover, backup, restore, rotate-key, reveal-key, export-plaintext
void add_maintenance_commands(CLI::App& vault, CliContext& ctx);

/// The --vault, --account and --passphrase-file options every vault command takes.
void add_vault_options(CLI::App& cmd, CliContext& ctx);

} // namespace punctum::cli
