// punctum-cli version [--json] (issue 16 item 3): one version, CMake's project version, and
// the version of each library the build runs with, the norms profile it ships.

#include "cli_runner.h"
#include "punctum/core/norms/norms_profile.h"

#include <catch2/catch.hpp>

#include <regex>

using punctum::test::CliRunner;

namespace {

bool looks_like_version(const nlohmann::json& v) {
    static const std::regex dotted{R"(^[0-9]+\.[0-9]+(\.[0-9]+)*$)"};
    return v.is_string() && std::regex_match(v.get<std::string>(), dotted);
}

} // namespace

TEST_CASE("cli: version prints the project version and what the build runs with",
          "[cli][version]") {
    CliRunner cli;
    const auto out = cli.json({"version", "--json"});
    CHECK(out.at("punctum") == PUNCTUM_PROJECT_VERSION);
    for (const char* key : {"sqlcipher", "sqlite", "libsodium", "opencv"}) {
        INFO(key << ": " << out.at(key));
        CHECK(looks_like_version(out.at(key)));
    }
#ifdef PUNCTUM_HAS_PDF_REPORTS
    CHECK(looks_like_version(out.at("qt")));
#else
    CHECK(out.at("qt").is_null()); // a build without the app links no Qt
#endif
    const auto& norms = punctum::core::default_norms_profile();
    CHECK(out.at("norms").at("id") == norms.id);
    CHECK(out.at("norms").at("version") == norms.version);

    // Every component names its licence; the flat keys are the list's own versions.
    REQUIRE(out.at("components").size() >= 6);
    for (const auto& c : out.at("components")) {
        INFO(c.dump());
        CHECK_FALSE(c.at("name").get<std::string>().empty());
        CHECK_FALSE(c.at("licence").get<std::string>().empty());
        CHECK_FALSE(c.at("role").get<std::string>().empty());
        if (c.at("name") == "SQLCipher") {
            CHECK(c.at("version") == out.at("sqlcipher"));
        }
    }

    // The text form and --version say the same version.
    const auto text = cli.run({"version"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.rfind(std::string("Punctum ") + PUNCTUM_PROJECT_VERSION + "\n", 0) == 0);
    CHECK(text.out.find("SQLCipher " + out.at("sqlcipher").get<std::string>()) !=
          std::string::npos);
    CHECK(text.out.find(norms.id + " version " + norms.version) != std::string::npos);
    const auto flag = cli.run({"--version"});
    CHECK(flag.exit_code == 0);
    CHECK(flag.out == std::string("punctum-cli ") + PUNCTUM_PROJECT_VERSION + "\n");
}
