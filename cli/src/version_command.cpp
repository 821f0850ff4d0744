// version [--json]: Punctum's version (the CMake project version) and what this build runs
// with: the libraries it links, each with the version loaded and its licence, and the norms
// profile it ships. Scripts read the JSON's flat keys; the About page shows the same list.

#include "commands.h"
#include "punctum/core/about/component.h"
#include "punctum/storage/linked_components.h"

#include <iostream>

#include <CLI/Version.hpp>
#include <nlohmann/json.hpp>
#ifdef PUNCTUM_HAS_PDF_REPORTS
#include "punctum/reports/qt_component.h"
#endif

namespace punctum::cli {
namespace {

std::vector<core::Component> components() {
    auto all = storage::linked_components();
#ifdef PUNCTUM_HAS_PDF_REPORTS
    all.push_back(reports::qt_component());
#endif
    all.push_back({"CLI11", CLI11_VERSION, "BSD-3-Clause", "punctum-cli's options"});
    return all;
}

/// The version of the component named `name`, or null when this build does not link it
/// (Qt, in a build without the app).
nlohmann::json version_of(const std::vector<core::Component>& all, std::string_view name) {
    for (const auto& c : all) {
        if (c.name == name) {
            return c.version;
        }
    }
    return nullptr;
}

void print_version(const CliContext& ctx) {
    const auto all = components();
    const auto& norms = core::default_norms_profile();
    if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : all) {
            list.push_back({{"name", c.name},
                            {"version", c.version},
                            {"licence", c.licence},
                            {"role", c.role}});
        }
        const nlohmann::json out{
            {"punctum", core::punctum_version()},
            {"sqlcipher", version_of(all, "SQLCipher")},
            {"sqlite", version_of(all, "SQLite")},
            {"libsodium", version_of(all, "libsodium")},
            {"opencv", version_of(all, "OpenCV")},
            {"qt", version_of(all, "Qt")},
            {"norms", {{"id", norms.id}, {"version", norms.version}, {"title", norms.title}}},
            {"components", list}};
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << "Punctum " << core::punctum_version() << "\n"
              << "Norms profile shipped: " << norms.id << " version " << norms.version << " ("
              << norms.title << ")\n"
              << "\nRuns with:\n";
    for (const auto& c : all) {
        std::cout << "  " << c.name << " " << c.version << "  [" << c.licence << "]  " << c.role
                  << "\n";
    }
#ifndef PUNCTUM_HAS_PDF_REPORTS
    std::cout << "  (built without the app: no Qt)\n";
#endif
}

} // namespace

void add_version_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand(
        "version", "Punctum's version, the libraries it runs with and the norms it ships");
    cmd->add_flag("--json", ctx.json, "Print it as JSON");
    cmd->callback([&ctx] { print_version(ctx); });
}

} // namespace punctum::cli
