#include "punctum/core/outcomes/recovery_outcome.h"

#include <array>
#include <utility>

namespace punctum::core {

namespace {
constexpr std::array<std::pair<RecoveryOutcome, std::string_view>, 4> names{{
    {RecoveryOutcome::no_check_ins, "no_check_ins"},
    {RecoveryOutcome::within_course, "within_course"},
    {RecoveryOutcome::beyond_course, "beyond_course"},
    {RecoveryOutcome::urgent, "urgent"},
}};
} // namespace

RecoveryOutcome classify_outcome(const OutcomeEvidence& evidence) {
    if (evidence.urgent_raised > 0) {
        return RecoveryOutcome::urgent;
    }
    if (evidence.watch_raised > 0) {
        return RecoveryOutcome::beyond_course;
    }
    return evidence.entries > 0 ? RecoveryOutcome::within_course : RecoveryOutcome::no_check_ins;
}

std::string_view to_string(RecoveryOutcome outcome) {
    for (const auto& [value, name] : names) {
        if (value == outcome) {
            return name;
        }
    }
    return "unknown";
}

std::optional<RecoveryOutcome> recovery_outcome_from_string(std::string_view name) {
    for (const auto& [value, known] : names) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::string_view outcome_level(RecoveryOutcome outcome) {
    switch (outcome) {
    case RecoveryOutcome::urgent:
        return "urgent";
    case RecoveryOutcome::beyond_course:
        return "watch";
    case RecoveryOutcome::within_course:
        return "ok";
    case RecoveryOutcome::no_check_ins:
        return "none";
    }
    return "none";
}

} // namespace punctum::core
