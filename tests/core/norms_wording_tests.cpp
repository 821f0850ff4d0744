// What the shipped profile says to people: every citation, message, note and line of advice
// is shown in the app, the command line and exports, so none may point at a file in our own
// repository (a reader outside the project cannot open it).

#include "punctum/core/norms/norms_profile.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace punctum::core;

namespace {

void collect_strings(const nlohmann::json& j, const std::string& path,
                     std::vector<std::pair<std::string, std::string>>& out) {
    if (j.is_string()) {
        out.emplace_back(path, j.get<std::string>());
    } else if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            collect_strings(value, path + "." + key, out);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            collect_strings(j[i], path + "[" + std::to_string(i) + "]", out);
        }
    }
}

} // namespace

TEST_CASE("core: the shipped profile's text names none of our own reference files",
          "[core][norms]") {
    std::vector<std::pair<std::string, std::string>> strings;
    collect_strings(nlohmann::json::parse(default_norms_json()), "", strings);
    REQUIRE(strings.size() > 50);
    for (const auto& [path, text] : strings) {
        INFO(path << ": " << text);
        CHECK(text.find(".md") == std::string::npos);
        CHECK(text.find("shared/") == std::string::npos);
        CHECK(text.find("reference/") == std::string::npos);
    }
}

TEST_CASE("core: the shipped aftercare includes a gentle moisturiser afterwards", "[core][norms]") {
    const auto& aftercare = default_norms_profile().aftercare;
    const bool moisturiser = std::any_of(aftercare.begin(), aftercare.end(), [](const auto& line) {
        return line.find("moisturiser") != std::string::npos;
    });
    CHECK(moisturiser);
}
