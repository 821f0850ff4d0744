// What the shipped profile says to people: every citation, message, note and line of advice
// is shown in the app, the command line and exports, so none may point at a file in our own
// repository (a reader outside the project cannot open it).

#include "punctum/core/norms/norms_figures.h"
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

TEST_CASE("core: the norms printout names every rule's figure with a source it can cite",
          "[core][norms]") {
    const auto& profile = default_norms_profile();
    const auto figures = recovery_figures(profile);
    REQUIRE(figures.size() > 15);
    std::string all;
    for (const auto& f : figures) {
        INFO(f.what << ": " << f.value);
        CHECK_FALSE(f.what.empty());
        CHECK_FALSE(f.value.empty());
        CHECK(profile.sources.count(f.source_key) == 1);
        all += f.what + ": " + f.value + "\n";
    }
    // The rules of severity and first sight are listed with their figures, not only the
    // settling days.
    CHECK_THAT(all, Catch::Contains("Pain that stays is a warning: 5+ after day 1"));
    CHECK_THAT(all, Catch::Contains("warmth with redness 3+; warmth with pain 6+"));
    CHECK_THAT(all, Catch::Contains("swelling beyond the treated area"));
    CHECK_THAT(all, Catch::Contains("Blisters are urgent: in the first 3 days"));
}

TEST_CASE("core: a figure a profile leaves out is left out of the printout", "[core][norms]") {
    auto json = nlohmann::json::parse(default_norms_json());
    json["recovery"].erase("pain_lasting_score");
    json["recovery"].erase("pain_lasting_note");
    json["recovery"].erase("photo_delta_a_rise");
    json["recovery"].erase("photo_source");
    json["recovery"].erase("photo_note");
    auto profile = parse_norms_profile(json.dump());
    INFO((profile ? std::string("parsed") : profile.error().message));
    REQUIRE(profile.ok());
    for (const auto& f : recovery_figures(*profile)) {
        CHECK(f.what.find("Pain that stays") == std::string::npos);
        CHECK(f.what.find("Photo redness") == std::string::npos);
    }
}
