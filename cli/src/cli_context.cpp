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
    return secret(passphrase_file, "PUNCTUM_PASSPHRASE", prompt, confirm);
}

std::optional<storage::SecureBytes> CliContext::secret(const std::string& file, const char* env,
                                                       const std::string& prompt, bool confirm) {
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            fail(exit_usage, "Cannot read " + file + ".");
            return std::nullopt;
        }
        std::string line;
        std::getline(in, line);
        auto out = storage::SecureBytes::from(line);
        storage::wipe(line.data(), line.size());
        return out;
    }
    if (const char* value = std::getenv(env); value != nullptr) {
        return storage::SecureBytes::from(value);
    }
    auto first = prompt_no_echo(prompt + ": ");
    if (!first) {
        fail(exit_usage, std::string("No secret given for '") + prompt + "'. Set " + env +
                             ", pass it in a file, or run in a terminal to be asked.");
        return std::nullopt;
    }
    if (confirm) {
        auto again = prompt_no_echo("Repeat it: ");
        if (!again || again->view() != first->view()) {
            fail(exit_usage, "The two entries differ. Nothing was changed; try again.");
            return std::nullopt;
        }
    }
    return first;
}

std::optional<std::string> CliContext::account_name() {
    if (!account.empty()) {
        return account;
    }
    auto summary = storage::Vault::inspect(vault_path);
    if (!summary) {
        fail(summary.error());
        return std::nullopt;
    }
    if (summary->accounts.size() != 1) {
        fail(exit_usage, "This vault has several accounts; say which with --account NAME.");
        return std::nullopt;
    }
    return summary->accounts.front();
}

std::unique_ptr<storage::Vault> CliContext::open_vault() {
    const auto who = account_name();
    if (!who) {
        return nullptr;
    }
    auto typed = passphrase("Passphrase for " + *who);
    if (!typed) {
        return nullptr;
    }
    auto vault = storage::Vault::open(vault_path, *who, *typed, clock);
    if (!vault) {
        fail(vault.error());
        return nullptr;
    }
    if (!vault.value()->audit_warning().empty()) {
        std::cerr << "punctum-cli: warning: " << vault.value()->audit_warning() << "\n";
    }
    return std::move(vault.value());
}

} // namespace punctum::cli
