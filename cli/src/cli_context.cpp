#include "cli_context.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace punctum::cli {

int CliContext::fail(int code, const std::string& message) {
    std::cerr << "punctum-cli: " << message << "\n";
    exit_code = code;
    return code;
}

int CliContext::fail(const storage::StorageError& error) {
    return fail(exit_code_for(error.code), error.message);
}

namespace {

// Reads one line from the terminal with echo off; the line is wiped from ordinary memory.
std::optional<storage::SecureBytes> prompt_no_echo(const std::string& prompt) {
    if (isatty(STDIN_FILENO) == 0) {
        return std::nullopt;
    }
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::cerr << "\n";
    auto secret = storage::SecureBytes::from(line);
    storage::wipe(line.data(), line.size());
    return secret;
}

} // namespace

std::optional<storage::SecureBytes> CliContext::passphrase(const std::string& prompt,
                                                            bool confirm) {
    if (!passphrase_file.empty()) {
        std::ifstream in(passphrase_file, std::ios::binary);
        if (!in) {
            fail(exit_usage, "Cannot read the passphrase file " + passphrase_file + ".");
            return std::nullopt;
        }
        std::string line;
        std::getline(in, line);
        auto secret = storage::SecureBytes::from(line);
        storage::wipe(line.data(), line.size());
        return secret;
    }
    if (const char* env = std::getenv("PUNCTUM_PASSPHRASE"); env != nullptr) {
        return storage::SecureBytes::from(env);
    }
    auto first = prompt_no_echo(prompt + ": ");
    if (!first) {
        fail(exit_usage, "No passphrase given. Set PUNCTUM_PASSPHRASE, pass --passphrase-file, "
                         "or run in a terminal to be asked.");
        return std::nullopt;
    }
    if (confirm) {
        auto again = prompt_no_echo("Repeat the passphrase: ");
        if (!again || again->view() != first->view()) {
            fail(exit_usage, "The two passphrases differ. Nothing was created; try again.");
            return std::nullopt;
        }
    }
    return first;
}

std::unique_ptr<storage::Vault> CliContext::open_vault() {
    auto summary = storage::Vault::inspect(vault_path);
    if (!summary) {
        fail(summary.error());
        return nullptr;
    }
    std::string who = account;
    if (who.empty()) {
        if (summary->accounts.size() != 1) {
            fail(exit_usage, "This vault has several accounts; say which with --account NAME.");
            return nullptr;
        }
        who = summary->accounts.front();
    }
    auto secret = passphrase("Passphrase for " + who);
    if (!secret) {
        return nullptr;
    }
    auto vault = storage::Vault::open(vault_path, who, *secret, clock);
    if (!vault) {
        fail(vault.error());
        return nullptr;
    }
    return std::move(vault.value());
}

} // namespace punctum::cli
