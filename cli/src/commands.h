#pragma once
// Each group of subcommands registers itself on the app; the callbacks set ctx.exit_code.

#include "cli_context.h"
#include "punctum/core/date.h"
#include "punctum/core/norms/norms_profile.h"

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace punctum::cli {

/// version [--json]: Punctum's version and the versions and licences of what it links.
void add_version_command(CLI::App& app, CliContext& ctx);
void add_vault_commands(CLI::App& app, CliContext& ctx);
/// " (all signed by their authors)", or how many events predate signing: what `audit verify`
/// and `vault check` say after the number of events verified.
[[nodiscard]] std::string signature_words(const storage::AuditReport& report);
void add_record_commands(CLI::App& app, CliContext& ctx);
void add_demo_command(CLI::App& app, CliContext& ctx);
void add_account_commands(CLI::App& app, CliContext& ctx);
/// flag list|ack|resolve|dismiss
void add_flag_commands(CLI::App& app, CliContext& ctx);
/// audit list|verify
void add_audit_commands(CLI::App& app, CliContext& ctx);
/// flag reassess (a subcommand of `flag`)
void add_flag_reassess_command(CLI::App& flag, CliContext& ctx);
/// norms adopt FILE: the vault's own norms profile (a subcommand of `norms`).
void add_norms_adopt_command(CLI::App& norms, CliContext& ctx);
/// screen FILE|- and norms: pure functions of the norms profile, no vault needed.
void add_screen_commands(CLI::App& app, CliContext& ctx);
/// screening add|override|list: screenings stored in a vault (the session gate).
void add_screening_commands(CLI::App& app, CliContext& ctx);
/// assess FILE|-: expected recovery and flags for a session's entries, no vault needed.
void add_assess_command(CLI::App& app, CliContext& ctx);
/// photo analyze IMAGE and photo strip IN OUT: the photo module on files, no vault needed.
void add_photo_commands(CLI::App& app, CliContext& ctx);
/// photo add|list|measure|export and client consent: photos in a vault. Registers on the
/// `photo` and `client` commands, so it runs after add_photo_commands and add_record_commands.
void add_photo_vault_commands(CLI::App& app, CliContext& ctx);
/// client history: a client's medical history. Registers on `client`, so it runs after
/// add_record_commands.
void add_client_history_command(CLI::App& app, CliContext& ctx);
/// check, passwd, recover, backup, restore, rotate-key, reveal-key, export-plaintext
void add_maintenance_commands(CLI::App& vault, CliContext& ctx);

/// The text of FILE, or of standard input for "-"; nullopt after reporting why.
[[nodiscard]] std::optional<std::string> read_input(CliContext& ctx, const std::string& path);
/// The shipped norms profile, or the one in `file`; nullopt after reporting why.
[[nodiscard]] std::optional<core::NormsProfile> load_profile(CliContext& ctx,
                                                             const std::string& file);

/// export csv|fhir: records in standard forms, written and audited by storage (issue 14).
void add_export_commands(CLI::App& app, CliContext& ctx);

/// report outcomes: cohort statistics over the stored outcomes (issue 14).
void add_report_commands(CLI::App& app, CliContext& ctx);
/// report pdf: a session, recovery or cohort report as a PDF (a subcommand of `report`).
void add_report_pdf_command(CLI::App& report, CliContext& ctx);
/// review signoff|return|addressed|show|returned|incomplete: sign-off (issue 14 item 3).
void add_review_commands(CLI::App& app, CliContext& ctx);

/// session list, exchange careplan|open|report|import, checkin (issue 15). Registers on
/// `session`, so it runs after add_record_commands.
void add_exchange_commands(CLI::App& app, CliContext& ctx);

/// `text` as a date (YYYY-MM-DD) for the option --`name`; nullopt when empty, or after
/// reporting a usage error (exit 2) when it is not a date.
[[nodiscard]] std::optional<core::Date> parse_day(CliContext& ctx, const std::string& text,
                                                  const char* name);

/// The --vault, --account and --passphrase-file options every vault command takes.
void add_vault_options(CLI::App& cmd, CliContext& ctx);

/// completion bash: a bash completion script walked from the whole command tree (hidden from
/// --help); registered last, after every other command.
void add_completion_command(CLI::App& app, CliContext& ctx);

} // namespace punctum::cli
