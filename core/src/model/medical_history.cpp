#include "punctum/core/model/medical_history.h"

#include <utility>

namespace punctum::core {

Result<void, ModelError> validate(const MedicalHistory& history) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"Allergies", &history.allergies},
        {"Sensitivities", &history.sensitivities},
        {"Medications", &history.medications},
        {"Conditions", &history.conditions},
    };
    for (const auto& [name, text] : fields) {
        if (text->size() > medical_history_max_chars) {
            return fail(ModelErrc::out_of_range,
                        std::string(name) + " is too long (at most " +
                            std::to_string(medical_history_max_chars) +
                            " characters); keep the history to what matters for treatment.");
        }
        for (const char c : *text) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7f) {
                return fail(ModelErrc::out_of_range,
                            std::string(name) +
                                " contains a control character; type the text again.");
            }
        }
    }
    return {};
}

} // namespace punctum::core
