#include "punctum/core/model/recovery_entry.h"

#include <algorithm>
#include <array>

namespace punctum::core {

namespace {

using namespace std::string_view_literals;

constexpr std::array gais_labels{"very much improved"sv, "much improved"sv, "improved"sv,
                                 "no change"sv, "worse"sv};

bool gais_ok(const std::optional<int>& grade) {
    return !grade || (*grade >= gais_min && *grade <= gais_max);
}

} // namespace

std::string_view gais_words(int grade) {
    if (grade < gais_min || grade > gais_max) {
        return {};
    }
    return gais_labels.at(static_cast<std::size_t>(grade - gais_min));
}

bool RecoveryEntry::empty() const {
    return note.empty() && !gais_practitioner && !gais_patient &&
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
    if (!gais_ok(entry.gais_practitioner) || !gais_ok(entry.gais_patient)) {
        return fail(ModelErrc::out_of_range,
                    "An improvement rating (GAIS) must be from 1 (very much improved) to 5 "
                    "(worse), or left blank.");
    }
    if (entry.gais_practitioner && entry.reporter != Reporter::clinician) {
        return fail(ModelErrc::out_of_range,
                    "The practitioner's improvement rating belongs to a clinician's follow-up; "
                    "a patient's check-in records the patient's own rating.");
    }
    if (entry.empty()) {
        return fail(ModelErrc::missing_field, "This entry records nothing. Score at least one "
                                              "sign, rate the improvement or add a note.");
    }
    return {};
}

std::string_view to_string(Reporter reporter) {
    return reporter == Reporter::patient ? "patient" : "clinician";
}

} // namespace punctum::core
