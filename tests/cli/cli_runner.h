#pragma once
// Runs the real punctum-cli against a vault in a temporary folder. The passphrase reaches
// the child through PUNCTUM_PASSPHRASE in its own environment; stdin is /dev/null (no tty).

#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace punctum::test {

inline constexpr const char* cli_passphrase = "cli test passphrase";

struct CliRunner {
    TempDir tmp;
    std::string vault = (tmp.path() / "vault").string();

    /// punctum-cli `args`; `passphrase` nullopt runs it with no PUNCTUM_PASSPHRASE at all.
    [[nodiscard]] ProcessResult
    run(const std::vector<std::string>& args,
        const std::optional<std::string>& passphrase = std::string(cli_passphrase)) const {
        auto env = environment_without({"PUNCTUM_PASSPHRASE", "HOME"});
        env.push_back("HOME=" + tmp.path().string());
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
