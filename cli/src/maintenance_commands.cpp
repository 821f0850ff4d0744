// vault check | passwd | recover | backup | restore | rotate-key | reveal-key | recovery-key |
// export-plaintext

#include "commands.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace punctum::cli {

namespace {

struct MaintenanceOptions {
    std::string new_passphrase_file;
    std::string recovery_key_file;
    std::string file;
    bool replace = false;
    bool understood = false;
    std::string kdf = "moderate";
};

storage::KdfParams kdf_of(const MaintenanceOptions& o) {
    return storage::KdfParams::named(o.kdf).value_or(storage::KdfParams::moderate());
}

void run_check(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto check = vault->check();
    if (!check) {
        ctx.fail(check.error());
        return;
    }
    const auto& r = check.value();
    if (ctx.json) {
        nlohmann::json j{
            {"ok", r.ok()},
            {"integrity", r.integrity_problems.empty() ? nlohmann::json("ok")
                                                       : nlohmann::json(r.integrity_problems)},
            {"audit_events", r.audit.events},
            {"audit_ok", r.audit.ok},
            {"audit_signed_events", r.audit.signed_events},
            {"audit_mac_only_events", r.audit.mac_only_events},
            {"first_broken_event",
             r.audit.first_bad ? nlohmann::json(*r.audit.first_bad) : nlohmann::json(nullptr)},
            {"message", r.audit.message}};
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "Integrity: "
                  << (r.integrity_problems.empty()
                          ? "ok"
                          : std::to_string(r.integrity_problems.size()) + " problem(s)")
                  << "\n";
        for (const auto& p : r.integrity_problems) {
            std::cout << "  " << p << "\n";
        }
        std::cout << "Audit chain: " << (r.audit.ok ? "ok" : "BROKEN") << ", " << r.audit.events
                  << " event(s) verified" << signature_words(r.audit) << "\n";
        if (!r.audit.ok) {
            std::cout << "  " << r.audit.message << "\n";
        }
    }
    if (!r.ok()) {
        ctx.exit_code = exit_integrity;
    }
}

void run_passwd(CliContext& ctx, const MaintenanceOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto next = ctx.secret(o.new_passphrase_file, "PUNCTUM_NEW_PASSPHRASE", "New passphrase", true);
    if (!next) {
        return;
    }
    if (auto r = vault->change_passphrase(*next, kdf_of(o)); !r) {
        ctx.fail(r.error());
        return;
    }
    std::cout << "Passphrase changed for '" << vault->account().name
              << "'. No data was rewritten.\n";
}

void run_recover(CliContext& ctx, const MaintenanceOptions& o) {
    const auto who = ctx.account_name();
    if (!who) {
        return;
    }
    auto key = ctx.secret(o.recovery_key_file, "PUNCTUM_RECOVERY_KEY", "Recovery key", false);
    if (!key) {
        return;
    }
    auto next = ctx.secret(o.new_passphrase_file, "PUNCTUM_NEW_PASSPHRASE",
                           "New passphrase for " + *who, true);
    if (!next) {
        return;
    }
    auto vault =
        storage::Vault::recover(ctx.vault_path, key->view(), *who, *next, kdf_of(o), ctx.clock);
    if (!vault) {
        ctx.fail(vault.error());
        return;
    }
    std::cout << "'" << *who
              << "' has a new passphrase. The recovery key still works; keep it safe.\n";
}

void run_backup(CliContext& ctx, const MaintenanceOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto r = vault->backup_to(o.file); !r) {
        ctx.fail(r.error());
        return;
    }
    std::cout << "Backup written to " << o.file
              << ". It is encrypted; any account's passphrase (at this moment) opens it.\n";
}

void run_restore(CliContext& ctx, const MaintenanceOptions& o) {
    if (ctx.account.empty()) {
        ctx.fail(exit_usage, "Say which account's passphrase opens the backup: --account NAME.");
        return;
    }
    auto typed = ctx.passphrase("Passphrase for " + ctx.account + " (as in the backup)");
    if (!typed) {
        return;
    }
    if (auto r = storage::Vault::restore(o.file, ctx.vault_path, ctx.account, *typed, ctx.clock,
                                         o.replace);
        !r) {
        ctx.fail(r.error());
        return;
    }
    std::cout << "Restored " << o.file << " into " << ctx.vault_path << " after verifying it.\n";
}

void run_rotate(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto r = vault->rotate_data_key(); !r) {
        ctx.fail(r.error());
        return;
    }
    std::cout << "The vault is re-encrypted under a new data key; every account keeps its "
                 "passphrase. Old copies of the key open nothing written from now on.\n";
}

void run_reveal(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto hex = vault->reveal_data_key_hex();
    if (!hex) {
        ctx.fail(hex.error());
        return;
    }
    // The instructions never have the key typed or pasted: an interactive sqlcipher shell
    // writes every line, the key too, to ~/.sqlite_history, and a key on a command line is
    // visible to other users in the process list and lands in the shell's own history. Piped
    // in, it reaches neither: sqlcipher keeps no history when its input is not a terminal,
    // and the key lives only in a subshell's variable.
    const auto vault_arg = vault->folder().string();
    std::cerr << "WARNING: this is the raw key of the whole vault. Anyone who has it can read and\n"
                 "change every record without a passphrase. Do not store it, send it or paste it\n"
                 "anywhere. To read the vault with the standard sqlcipher tool, never type the\n"
                 "key: pipe it in with your SQL (query.sql), so it reaches no file, no command\n"
                 "line and no shell history:\n"
                 "  (key=$(punctum-cli vault reveal-key --vault '"
              << vault_arg
              << "' 2>/dev/null); printf 'PRAGMA key = \"x%s%s%s\"; PRAGMA cipher_page_size = "
                 "4096;\\n' \"'\" \"$key\" \"'\"; cat query.sql) | sqlcipher -batch '"
              << (vault->folder() / storage::Vault::database_file).string() << "'\n";
    std::cout << hex->view() << "\n";
}

void run_recovery_key(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto key = vault->replace_recovery_key();
    if (!key) {
        ctx.fail(key.error());
        return;
    }
    std::cerr
        << "The old recovery key no longer opens this vault (backups made before today still\n"
           "open with it). Write the new one down and keep it somewhere safe, away from this\n"
           "computer; it is shown only now:\n";
    std::cout << key->view() << "\n";
}

void run_export(CliContext& ctx, const MaintenanceOptions& o) {
    if (!o.understood) {
        ctx.fail(exit_usage, "A plaintext export writes every record UNENCRYPTED to disk. If that "
                             "is what you need, repeat with --i-understand-this-is-unencrypted.");
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto r = vault->export_plaintext(o.file); !r) {
        ctx.fail(r.error());
        return;
    }
    std::cerr << "WARNING: " << o.file << " is NOT encrypted. Delete it securely when done.\n";
}

} // namespace

void add_maintenance_commands(CLI::App& vault, CliContext& ctx) {
    static MaintenanceOptions o;
    auto kdf_option = [](CLI::App* cmd) {
        cmd->add_option("--kdf", o.kdf, "Passphrase hardening: interactive, moderate, sensitive")
            ->check(CLI::IsMember({"interactive", "moderate", "sensitive"}));
    };

    auto* check = vault.add_subcommand("check", "Integrity check and audit chain verification");
    add_vault_options(*check, ctx);
    check->add_flag("--json", ctx.json, "Print JSON");
    check->callback([&ctx] { run_check(ctx); });

    auto* passwd = vault.add_subcommand("passwd", "Change your passphrase (rewrites one key slot)");
    add_vault_options(*passwd, ctx);
    passwd->add_option(
        "--new-passphrase-file", o.new_passphrase_file,
        "Read the new passphrase from this file (else PUNCTUM_NEW_PASSPHRASE or a prompt)");
    kdf_option(passwd);
    passwd->callback([&ctx] { run_passwd(ctx, o); });

    auto* recover = vault.add_subcommand("recover", "Set a new passphrase with the recovery key");
    add_vault_options(*recover, ctx);
    recover->add_option(
        "--recovery-key-file", o.recovery_key_file,
        "Read the recovery key from this file (else PUNCTUM_RECOVERY_KEY or a prompt)");
    recover->add_option("--new-passphrase-file", o.new_passphrase_file,
                        "Read the new passphrase from this file");
    kdf_option(recover);
    recover->callback([&ctx] { run_recover(ctx, o); });

    auto* backup = vault.add_subcommand("backup", "Write one encrypted backup file");
    add_vault_options(*backup, ctx);
    backup->add_option("--out", o.file, "Backup file to write")->required();
    backup->callback([&ctx] { run_backup(ctx, o); });

    auto* restore = vault.add_subcommand("restore", "Verify a backup, then restore it");
    add_vault_options(*restore, ctx);
    restore->add_option("--from", o.file, "Backup file")->required();
    restore->add_flag("--replace", o.replace, "Replace an existing vault at --vault");
    restore->callback([&ctx] { run_restore(ctx, o); });

    auto* rotate =
        vault.add_subcommand("rotate-key", "Re-encrypt the vault under a new data key (admin)");
    add_vault_options(*rotate, ctx);
    rotate->callback([&ctx] { run_rotate(ctx); });

    auto* reveal =
        vault.add_subcommand("reveal-key", "Print the raw SQLCipher key (hex), with a warning");
    add_vault_options(*reveal, ctx);
    reveal->callback([&ctx] { run_reveal(ctx); });

    auto* recovery = vault.add_subcommand(
        "recovery-key", "Replace the recovery key; the old one stops working (admin)");
    add_vault_options(*recovery, ctx);
    recovery->callback([&ctx] { run_recovery_key(ctx); });

    auto* exp = vault.add_subcommand("export-plaintext", "Write an UNENCRYPTED SQLite copy");
    add_vault_options(*exp, ctx);
    exp->add_option("--out", o.file, "File to write")->required();
    exp->add_flag("--i-understand-this-is-unencrypted", o.understood,
                  "Confirm the copy is not encrypted");
    exp->callback([&ctx] { run_export(ctx, o); });
}

} // namespace punctum::cli
