#include "punctum/core/model/recovery_entry.h"

#include <algorithm>

namespace punctum::core {

bool RecoveryEntry::empty() const {
    return note.empty() &&
           std::none_of(scores.begin(), scores.end(), [](const auto& s) { return s.has_value(); });
}

Result<void, ModelError> validate(const RecoveryEntry& entry, Date treated_on) {
    if (!entry.observed_on.ok()) {
        return fail(ModelErrc::bad_date, "The day of this entry is not a valid date.");
    }
    if (days_between(treated_on, entry.observed_on) < 0) {
        return fail(ModelErrc::bad_date, "A recovery entry cannot be dated before its treatment (" +
                                             format_date(treated_on) + ").");
    }
    for (const auto& scale : all_scales()) {
        const auto value = entry.score(scale.symptom);
        if (value && (*value < 0 || *value > scale.max)) {
            return fail(ModelErrc::out_of_range,
                        std::string(scale.name) + " must be between 0 and " +
                            std::to_string(scale.max) + ", or left blank.");
        }
    }
    if (entry.empty()) {
        return fail(ModelErrc::missing_field,
                    "This entry records nothing. Score at least one sign or add a note.");
    }
    return {};
}

std::string_view to_string(Reporter reporter) {
    return reporter == Reporter::patient ? "patient" : "clinician";
}

} // namespace punctum::core
