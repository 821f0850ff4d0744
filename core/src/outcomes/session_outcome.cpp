#include "punctum/core/outcomes/session_outcome.h"

#include <algorithm>
#include <array>
#include <vector>

namespace punctum::core {

std::optional<Resolution> resolution_of(Symptom symptom, Date treated_on,
                                        std::span<const RecoveryEntry> entries) {
    struct Scored {
        int day;
        int score;
    };
    std::vector<Scored> scored;
    for (const auto& entry : entries) {
        if (auto score = entry.score(symptom)) {
            scored.push_back({days_between(treated_on, entry.observed_on), *score});
        }
    }
    if (scored.empty()) {
        return std::nullopt;
    }
    // By day; on one day the highest score last, so the walk back below meets it first and a
    // day with any score above 1 is not taken as settled because another entry said less.
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.day != b.day ? a.day < b.day : a.score < b.score;
    });
    if (scored.back().score > resolved_at_or_below) {
        return Resolution{false, scored.back().day};
    }
    // Walk back from the last score while it stays at or below 1: where that run starts is
    // the day it settled.
    auto first_settled = scored.end();
    while (first_settled != scored.begin() &&
           std::prev(first_settled)->score <= resolved_at_or_below) {
        --first_settled;
    }
    return Resolution{true, first_settled->day};
}

SessionOutcome session_outcome(Date treated_on, std::span<const RecoveryEntry> entries,
                               std::span<const Severity> flags_raised) {
    SessionOutcome out;
    out.erythema = resolution_of(Symptom::erythema, treated_on, entries);
    out.edema = resolution_of(Symptom::edema, treated_on, entries);
    out.entries = static_cast<int>(entries.size());

    std::array<bool, first_week_days + 1> logged{};
    std::optional<Date> practitioner_rated_on;
    std::optional<Date> patient_rated_on;
    for (const auto& entry : entries) {
        const int day = days_between(treated_on, entry.observed_on);
        out.last_logged_day = std::max(out.last_logged_day.value_or(day), day);
        if (day >= 1 && day <= first_week_days) {
            logged.at(static_cast<std::size_t>(day)) = true;
        }
        // The last follow-up that rated it; on one day, the later in `entries` (storage
        // gives them in the order they were written).
        if (entry.gais_practitioner &&
            (!practitioner_rated_on || entry.observed_on >= *practitioner_rated_on)) {
            practitioner_rated_on = entry.observed_on;
            out.gais_practitioner = entry.gais_practitioner;
        }
        if (entry.gais_patient && (!patient_rated_on || entry.observed_on >= *patient_rated_on)) {
            patient_rated_on = entry.observed_on;
            out.gais_patient = entry.gais_patient;
        }
    }
    out.first_week_days_logged = static_cast<int>(std::count(logged.begin(), logged.end(), true));

    for (const Severity severity : flags_raised) {
        switch (severity) {
        case Severity::info:
            ++out.info_flags;
            break;
        case Severity::watch:
            ++out.watch_flags;
            break;
        case Severity::urgent:
            ++out.urgent_flags;
            break;
        }
        out.worst = std::max(out.worst.value_or(severity), severity);
    }
    out.outcome = classify_outcome({.entries = out.entries,
                                    .urgent_raised = out.urgent_flags,
                                    .watch_raised = out.watch_flags});
    return out;
}

} // namespace punctum::core
