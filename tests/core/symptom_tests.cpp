// The recovery scales and the words a patient sees beside each score.

#include "punctum/core/model/symptom.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

namespace core = punctum::core;
using core::Symptom;

TEST_CASE("core: there is one scale per symptom, in enum order", "[core][symptom]") {
    const auto scales = core::all_scales();
    REQUIRE(scales.size() == static_cast<std::size_t>(core::symptom_count));
    for (std::size_t i = 0; i < scales.size(); ++i) {
        const auto s = static_cast<Symptom>(i);
        INFO(scales[i].key);
        CHECK(scales[i].symptom == s);
        CHECK(&core::scale_of(s) == &scales[i]);
    }
}

TEST_CASE("core: every scale has one label per score", "[core][symptom]") {
    for (const auto& scale : core::all_scales()) {
        INFO(scale.key << " max " << scale.max);
        CHECK(scale.labels.size() == static_cast<std::size_t>(scale.max + 1));
        for (const auto& label : scale.labels) {
            CHECK_FALSE(label.empty());
        }
        CHECK_FALSE(scale.name.empty());
    }
}

TEST_CASE("core: yes/no signs score 0 or 1 and say no or yes", "[core][symptom]") {
    int yes_no = 0;
    for (const auto& scale : core::all_scales()) {
        INFO(scale.key);
        CHECK(scale.yes_no == (scale.max == 1));
        if (scale.yes_no) {
            ++yes_no;
            REQUIRE(scale.labels.size() == 2);
            CHECK(scale.labels[0] == "no");
            CHECK(scale.labels[1] == "yes");
        }
    }
    CHECK(yes_no == 5); // warmth, pus, fever, blisters, hyperpigmentation
}

TEST_CASE("core: the clinical scales name their source and ends", "[core][symptom]") {
    const auto& erythema = core::scale_of(Symptom::erythema);
    CHECK(erythema.max == 4);
    CHECK(erythema.scale == "CEA");
    CHECK(erythema.labels.front() == "clear");
    CHECK(core::scale_of(Symptom::edema).max == 4);
    CHECK(core::scale_of(Symptom::pain).max == 10);
    CHECK(core::scale_of(Symptom::bleeding).labels.back() == "active bleeding");
}

TEST_CASE("core: symptom keys are unique and round trip", "[core][symptom]") {
    std::set<std::string> keys;
    for (const auto& scale : core::all_scales()) {
        INFO(scale.key);
        CHECK(keys.insert(std::string(scale.key)).second);
        CHECK(core::symptom_from_key(scale.key) == scale.symptom);
    }
    CHECK(core::symptom_from_key("erythema") == Symptom::erythema);
    CHECK(core::symptom_from_key("hyperpigmentation") == Symptom::hyperpigmentation);
    CHECK_FALSE(core::symptom_from_key("Erythema").has_value());
    CHECK_FALSE(core::symptom_from_key("redness").has_value());
    CHECK_FALSE(core::symptom_from_key("").has_value());
}
