// screen FILE|- and norms [--json] [--profile FILE]: pure functions of the norms profile.

#include "commands.h"

#include "punctum/core/norms/norms_figures.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening_json.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace punctum::cli {

namespace {

struct ScreenOptions {
    std::string input = "-";
    std::string profile_file;
};

} // namespace

std::optional<std::string> read_input(CliContext& ctx, const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin),
                           std::istreambuf_iterator<char>());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ctx.fail(exit_usage, "Cannot read " + path + ".");
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<core::NormsProfile> load_profile(CliContext& ctx, const std::string& file) {
    if (file.empty()) {
        return core::default_norms_profile();
    }
    auto text = read_input(ctx, file);
    if (!text) {
        return std::nullopt;
    }
    auto profile = core::parse_norms_profile(*text);
    if (!profile) {
        ctx.fail(exit_usage, file + ": " + profile.error().message);
        return std::nullopt;
    }
    return std::move(profile.value());
}

namespace {

void run_screen(CliContext& ctx, const ScreenOptions& o) {
    const auto profile = load_profile(ctx, o.profile_file);
    if (!profile) {
        return;
    }
    const auto text = read_input(ctx, o.input);
    if (!text) {
        return;
    }
    auto input = core::parse_screening_input(*text);
    if (!input) {
        ctx.fail(exit_usage, input.error().message);
        return;
    }
    auto result = core::screen(*input, *profile);
    if (!result) {
        ctx.fail(exit_usage, result.error().message);
        return;
    }
    std::cout << core::screening_result_json(*result) << "\n";
}

// The profile's text: from --profile, from the vault (the one it works by), or shipped.
std::optional<std::string> norms_text(CliContext& ctx, const ScreenOptions& o) {
    if (!o.profile_file.empty()) {
        return read_input(ctx, o.profile_file);
    }
    if (ctx.vault_path.empty()) {
        return std::string(core::default_norms_json());
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return std::nullopt;
    }
    auto text = vault->norms().active_json();
    if (!text) {
        ctx.fail(text.error());
        return std::nullopt;
    }
    return std::move(text).value();
}

void run_norms(CliContext& ctx, const ScreenOptions& o) {
    const auto text = norms_text(ctx, o);
    if (!text) {
        return;
    }
    const auto profile = core::parse_norms_profile(*text);
    if (!profile) {
        ctx.fail(exit_usage,
                 (o.profile_file.empty() ? std::string("norms profile") : o.profile_file) + ": " +
                     profile.error().message);
        return;
    }
    if (ctx.json) {
        std::cout << *text << "\n"; // as written, with every source
        return;
    }
    const auto& p = *profile;
    std::cout << p.title << " (" << p.id << " " << p.version << ")\n\nRecovery:\n";
    for (const auto& f : core::recovery_figures(p)) {
        std::cout << "  " << f.what << ": " << f.value << "  [" << p.cite(f.source_key) << "]\n";
        if (!f.note.empty()) {
            std::cout << "      Note: " << f.note << "\n";
        }
    }
    std::cout << "\nScreening:\n";
    for (const auto& rule : p.screening) {
        std::cout << "  " << rule.item << ": " << core::to_string(rule.outcome)
                  << (rule.absolute ? " (absolute: no override)" : "");
        if (rule.days > 0) {
            std::cout << " for " << rule.days << " days";
        }
        if (rule.months > 0) {
            std::cout << " for " << rule.months << " months";
        }
        std::cout << " - " << rule.message << "  [" << p.cite(rule.source) << "]\n";
        if (!rule.note.empty()) {
            std::cout << "      Note: " << rule.note << "\n";
        }
    }
    std::cout << "\nBefore treatment:\n";
    for (const auto& line : p.preparation) {
        std::cout << "  - " << line << "\n";
    }
    // aftercare_source is a sentence, not a source key: cite() would throw on it.
    std::cout << "Aftercare  [" << p.aftercare_source << "]:\n";
    for (const auto& line : p.aftercare) {
        std::cout << "  - " << line << "\n";
    }
}

} // namespace

void add_screen_commands(CLI::App& app, CliContext& ctx) {
    static ScreenOptions o;
    auto* screen = app.add_subcommand(
        "screen", "Decide whether a client can be treated on a day (JSON in, JSON out)");
    screen->add_option("input", o.input, "JSON file, or - for standard input")->required();
    screen->add_option("--profile", o.profile_file,
                       "A norms profile file instead of the shipped one");
    screen->callback([&ctx] { run_screen(ctx, o); });

    auto* norms = app.add_subcommand(
        "norms", "Print the norms profile in force (shipped, or a vault's), with every source");
    norms->add_flag("--json", ctx.json, "Print the profile's JSON");
    norms->add_option("--profile", o.profile_file,
                      "A norms profile file instead of the shipped one");
    norms->add_option("--vault", ctx.vault_path, "The profile this vault works by");
    norms->add_option("--account", ctx.account, "Account to sign in as");
    norms->add_option("--passphrase-file", ctx.passphrase_file, "Read the passphrase from here");
    add_norms_adopt_command(*norms, ctx);
    norms->callback([&ctx, norms] {
        if (!norms->get_subcommand("adopt")->parsed()) {
            run_norms(ctx, o);
        }
    });
}

} // namespace punctum::cli
