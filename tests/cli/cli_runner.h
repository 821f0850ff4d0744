#pragma once
// Runs the real punctum-cli against a vault in a temporary folder. The passphrase reaches
// the child through PUNCTUM_PASSPHRASE in its own environment; stdin is /dev/null (no tty).

#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace punctum::test {

inline constexpr const char* cli_passphrase = "cli test passphrase";

struct CliRunner {
    TempDir tmp;
    std::string vault = (tmp.path() / "vault").string();
    /// The user's state folder (the vault's second audit head), apart from `tmp` so tests
    /// that list what a command left in `tmp` see only what it wrote there.
    TempDir state;

    /// punctum-cli `args`; `passphrase` nullopt runs it with no PUNCTUM_PASSPHRASE at all.
    [[nodiscard]] ProcessResult
    run(const std::vector<std::string>& args,
        const std::optional<std::string>& passphrase = std::string(cli_passphrase)) const {
        auto env = environment_without({"PUNCTUM_PASSPHRASE", "HOME", "XDG_STATE_HOME"});
        env.push_back("HOME=" + tmp.path().string());
        env.push_back("XDG_STATE_HOME=" + state.path().string());
        if (passphrase) {
            env.push_back("PUNCTUM_PASSPHRASE=" + *passphrase);
        }
        return run_process(PUNCTUM_CLI_PATH, args, env);
    }

    /// `vault init` with the cheap key derivation; the test fails if it does not succeed.
    void init() const {
        const auto r = run({"vault", "init", "--vault", vault, "--kdf", "interactive"});
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
    }

    /// Runs a command that must succeed and print JSON; returns the JSON.
    [[nodiscard]] nlohmann::json json(const std::vector<std::string>& args) const {
        const auto r = run(args);
        INFO("punctum-cli " << join(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        const auto parsed = nlohmann::json::parse(r.out, nullptr, false);
        REQUIRE_FALSE(parsed.is_discarded());
        return parsed;
    }

    /// `session add` arguments with a screening of that client for that day recorded first
    /// (`screening add`) and passed as --screening: the gate every clinic session passes.
    /// Without --client or --date the arguments come back as they are, for the usage tests.
    [[nodiscard]] std::vector<std::string> screened(std::vector<std::string> args) const {
        auto value_of = [&args](const std::string& name) -> std::optional<std::string> {
            for (std::size_t i = 0; i + 1 < args.size(); ++i) {
                if (args[i] == name) {
                    return args[i + 1];
                }
            }
            return std::nullopt;
        };
        const auto client = value_of("--client");
        const auto date = value_of("--date");
        if (!client || !date) {
            return args;
        }
        const auto input = tmp.path() / ("screening-" + *client + "-" + *date + ".json");
        {
            std::ofstream out(input);
            out << nlohmann::json{{"date", *date}}.dump();
        }
        const auto r = run(
            {"screening", "add", "--vault", vault, "--client", *client, "--json", input.string()});
        const auto parsed = nlohmann::json::parse(r.out, nullptr, false);
        if (r.exit_code != 0 || parsed.is_discarded()) {
            return args; // an unknown client: let `session add` report it as it would
        }
        args.push_back("--screening");
        args.push_back(std::to_string(parsed.at("id").get<std::int64_t>()));
        return args;
    }

    [[nodiscard]] nlohmann::json stats() const {
        return json({"vault", "stats", "--vault", vault, "--json"});
    }

    static std::string join(const std::vector<std::string>& args) {
        std::string out;
        for (const auto& a : args) {
            out += (out.empty() ? "" : " ") + a;
        }
        return out;
    }
};

} // namespace punctum::test
