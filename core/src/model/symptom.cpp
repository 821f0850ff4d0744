#include "punctum/core/model/symptom.h"

#include <array>

namespace punctum::core {
namespace {

using namespace std::string_view_literals;

// Labels from norms.md "Grading scales": CEA for redness, Draize-type for swelling.
constexpr std::array erythema_labels{"clear"sv, "almost clear, slight redness"sv,
                                     "mild, definite redness"sv, "moderate, marked redness"sv,
                                     "severe, fiery redness"sv};
constexpr std::array edema_labels{"none"sv, "very slight"sv, "slight, edges raised"sv,
                                  "moderate, raised about 1 mm"sv,
                                  "severe, raised more than 1 mm and beyond the area"sv};
constexpr std::array pain_labels{
    "no pain"sv,         "1"sv, "2"sv, "3"sv, "4"sv, "5"sv, "6"sv, "7"sv, "8"sv, "9"sv,
    "worst imaginable"sv};
constexpr std::array mild_labels{"none"sv, "mild"sv, "moderate"sv, "severe"sv};
constexpr std::array bleeding_labels{"none"sv, "pinpoint"sv, "oozing"sv, "active bleeding"sv};
constexpr std::array yes_no_labels{"no"sv, "yes"sv};

constexpr std::array<SymptomScale, symptom_count> scales{{
    {Symptom::erythema, "erythema", "Redness", 4, false, "CEA", erythema_labels},
    {Symptom::edema, "edema", "Swelling", 4, false, "Draize-type edema", edema_labels},
    {Symptom::pain, "pain", "Pain", 10, false, "NRS 0-10", pain_labels},
    {Symptom::itching, "itching", "Itching", 3, false, "", mild_labels},
    {Symptom::bruising, "bruising", "Bruising", 3, false, "", mild_labels},
    {Symptom::scabbing, "scabbing", "Scabbing", 3, false, "", mild_labels},
    {Symptom::dryness, "dryness", "Dryness or flaking", 3, false, "", mild_labels},
    {Symptom::bleeding, "bleeding", "Bleeding", 3, false, "", bleeding_labels},
    {Symptom::warmth, "warmth", "Warmth", 1, true, "", yes_no_labels},
    {Symptom::pus, "pus", "Pus", 1, true, "", yes_no_labels},
    {Symptom::fever, "fever", "Fever or chills", 1, true, "", yes_no_labels},
    {Symptom::blisters, "blisters", "Blisters", 1, true, "", yes_no_labels},
    {Symptom::hyperpigmentation, "hyperpigmentation", "Darker patches", 1, true, "", yes_no_labels},
}};

} // namespace

const SymptomScale& scale_of(Symptom symptom) {
    return scales.at(static_cast<std::size_t>(symptom));
}

std::span<const SymptomScale> all_scales() {
    return scales;
}

std::optional<Symptom> symptom_from_key(std::string_view key) {
    for (const auto& s : scales) {
        if (s.key == key) {
            return s.symptom;
        }
    }
    return std::nullopt;
}

} // namespace punctum::core
