// Shell completion and manual pages (issue 16 item 1): `punctum-cli completion bash` is a
// script bash accepts and that completes real commands and options; the manual page names
// every command `punctum-cli --help` lists, and both pages render without a groff warning.

#include "cli_runner.h"
#include "support/skip.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using punctum::test::CliRunner;
using punctum::test::ProcessResult;

namespace {

const std::filesystem::path man_dir{PUNCTUM_MAN_DIR};

/// The completion script, written into the runner's temporary folder.
std::filesystem::path write_script(const CliRunner& cli) {
    const auto r = cli.run({"completion", "bash"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE_FALSE(r.out.empty());
    const auto path = cli.tmp.path() / "punctum-cli.bash";
    std::ofstream(path) << r.out;
    return path;
}

/// bash with the script sourced, after the words typed so far (`words`, the last one the word
/// under the cursor): the completions offered, one per line.
std::set<std::string> complete(const std::filesystem::path& script,
                               const std::vector<std::string>& words) {
    std::string array;
    for (const auto& w : words) {
        array += " '" + w + "'";
    }
    const std::string program = "source '" + script.string() + "' || exit 9\n" + "COMP_WORDS=(" +
                                array + ")\n" + "COMP_CWORD=" + std::to_string(words.size() - 1) +
                                "\n" +
                                "_punctum_cli\n"
                                "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    const auto r = punctum::test::run_process("/bin/bash", {"--norc", "--noprofile", "-c", program},
                                              punctum::test::environment_without({}));
    INFO("bash stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    std::set<std::string> offered;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            offered.insert(line);
        }
    }
    return offered;
}

/// The names under "Subcommands:" in a --help text.
std::vector<std::string> subcommands_in_help(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream lines(help);
    bool in_list = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("Subcommands:", 0) == 0) {
            in_list = true;
            continue;
        }
        // A name is indented by two spaces; a wrapped description further.
        if (in_list && line.size() > 2 && line.rfind("  ", 0) == 0 && line[2] != ' ') {
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (in_list && !line.empty() && line[0] != ' ') {
            in_list = false;
        }
    }
    return names;
}

/// Whether `page` sets `name` in bold as a whole word (".B name" or "\fBname"), as its
/// COMMANDS section does: "screen" is not named by "screening".
bool names_in_bold(const std::string& page, const std::string& name) {
    for (const std::string& bold : {".B " + name, "\\fB" + name}) {
        for (auto at = page.find(bold); at != std::string::npos; at = page.find(bold, at + 1)) {
            const auto end = at + bold.size();
            const auto next = end == page.size() ? ' ' : page[end];
            if (std::isalnum(static_cast<unsigned char>(next)) == 0 && next != '-' && next != '_') {
                return true;
            }
        }
    }
    return false;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// groff's warnings (all of them: -ww) rendering `page` as a manual page.
ProcessResult render(const std::filesystem::path& groff, const std::filesystem::path& page) {
    return punctum::test::run_process(groff.string(),
                                      {"-man", "-ww", "-z", "-Tutf8", page.string()},
                                      punctum::test::environment_without({}));
}

} // namespace

TEST_CASE("cli: completion bash is a script bash accepts", "[cli][completion]") {
    CliRunner cli;
    const auto script = write_script(cli);
    const auto r = punctum::test::run_process("/bin/bash", {"-n", script.string()},
                                              punctum::test::environment_without({}));
    INFO("bash -n: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
}

TEST_CASE("cli: completion bash completes commands, subcommands and options", "[cli][completion]") {
    CliRunner cli;
    const auto script = write_script(cli);

    SECTION("a command from its first letters") {
        const auto offered = complete(script, {"punctum-cli", "ex"});
        CHECK(offered == std::set<std::string>{"export", "exchange"});
        CHECK(complete(script, {"punctum-cli", "exp"}) == std::set<std::string>{"export"});
    }
    SECTION("every top-level command, the hidden completion command too") {
        const auto offered = complete(script, {"punctum-cli", ""});
        for (const char* name : {"vault", "client", "session", "photo", "version", "completion"}) {
            INFO(name);
            CHECK(offered.count(name) == 1);
        }
    }
    SECTION("a subcommand of the command typed") {
        const auto offered = complete(script, {"punctum-cli", "vault", ""});
        CHECK(offered.count("init") == 1);
        CHECK(offered.count("check") == 1);
        CHECK(offered.count("export") == 0); // a top-level command, not vault's
    }
    SECTION("the options of the subcommand reached, past options and their values") {
        const auto offered = complete(script, {"punctum-cli", "export", "csv", "--"});
        CHECK(offered.count("--vault") == 1);
        CHECK(offered.count("--what") == 1);
        CHECK(offered.count("--help") == 0);
        CHECK(offered.count("--kdf") == 0); // vault init's, not export csv's
        const auto later = complete(
            script, {"punctum-cli", "--version", "export", "csv", "--vault", "csv", "--w"});
        CHECK(later == std::set<std::string>{"--what"});
    }
    SECTION("an option's named values") {
        CHECK(complete(script, {"punctum-cli", "vault", "init", "--kind", ""}) ==
              std::set<std::string>{"clinic", "personal"});
    }
    SECTION("file names for an option that takes a file") {
        std::ofstream(cli.tmp.path() / "backup-2026.pvb") << "x";
        const auto prefix = (cli.tmp.path() / "backup-").string();
        CHECK(complete(script, {"punctum-cli", "vault", "restore", "--from", prefix}) ==
              std::set<std::string>{prefix + "2026.pvb"});
        // A date option offers no file names.
        CHECK(complete(script, {"punctum-cli", "export", "csv", "--to", prefix}).empty());
    }
}

TEST_CASE("man: punctum-cli.1 names every command that --help lists", "[man]") {
    CliRunner cli;
    const auto help = cli.run({"--help"});
    REQUIRE(help.exit_code == 0);
    const auto commands = subcommands_in_help(help.out);
    REQUIRE(commands.size() >= 10);
    const auto page = read_text(man_dir / "punctum-cli.1");
    REQUIRE_FALSE(page.empty());
    for (const auto& name : commands) {
        INFO("command: " << name);
        CHECK(names_in_bold(page, name));
    }
}

TEST_CASE("man: both manual pages render without a groff warning", "[man]") {
    const auto groff = punctum::test::find_on_path("groff");
    if (!groff) {
        PUNCTUM_SKIP("groff is not installed (Debian package groff-base): pages not rendered");
    }
    for (const char* name : {"punctum-cli.1", "punctum.1"}) {
        const auto page = man_dir / name;
        INFO(page.string());
        REQUIRE(std::filesystem::exists(page));
        const auto r = render(*groff, page);
        INFO("groff stderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        // configure_file put the project's version in the title line.
        CHECK(read_text(page).find("Punctum " PUNCTUM_PROJECT_VERSION) != std::string::npos);
    }
}
