// assess FILE|- [--profile FILE]: the expected recovery and the flags for a session's
// entries (issue #4's contract). A pure function of its input and the norms profile.

#include "commands.h"

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assess_input.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"

#include <iostream>
#include <optional>
#include <string>

namespace punctum::cli {

namespace {

struct AssessOptions {
    std::string input = "-";
    std::string profile_file;
};

void run_assess(CliContext& ctx, const AssessOptions& o) {
    const auto loaded = load_profile(ctx, o.profile_file);
    if (!loaded) {
        return;
    }
    const core::NormsProfile& profile = *loaded;

    const auto text = read_input(ctx, o.input);
    if (!text) {
        return;
    }
    auto input = core::parse_assess_input(*text, profile);
    if (!input) {
        ctx.fail(exit_usage, input.error().message);
        return;
    }
    const auto expected = core::expected_course(input->facts, profile);
    const auto flags = core::assess(input->entries, input->facts, profile);
    std::cout << core::assessment_json(expected, flags, profile) << "\n";
}

} // namespace

void add_assess_command(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<AssessOptions>();
    auto* cmd = app.add_subcommand(
        "assess", "Expected recovery and flags for a session's entries (JSON in, JSON out)");
    cmd->add_option("input", opts->input,
                    "JSON file with {\"session\": ..., \"entries\": [...]}, or - for stdin")
        ->required();
    cmd->add_option("--profile", opts->profile_file,
                    "A norms profile (JSON) to use instead of the default");
    cmd->callback([&ctx, opts] { run_assess(ctx, *opts); });
}

} // namespace punctum::cli
