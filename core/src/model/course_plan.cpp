#include "punctum/core/model/course_plan.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace punctum::core {

namespace {

// A session not yet stored has no id: it comes after every stored one of its day.
bool before(const TreatmentSession& a, const TreatmentSession& b) {
    const int days = days_between(a.treated_on, b.treated_on);
    if (days != 0) {
        return days > 0;
    }
    if (!b.id.valid()) {
        return a.id.valid();
    }
    return a.id.valid() && a.id.value < b.id.value;
}

} // namespace

CourseProgress course_progress(const TreatmentSession& session,
                               std::span<const TreatmentSession> client_sessions) {
    CourseProgress out;
    out.planned = session.course_sessions;
    if (session.indication) {
        std::vector<const TreatmentSession*> earlier;
        for (const auto& other : client_sessions) {
            const bool itself = session.id.valid() && other.id == session.id;
            if (!itself && other.client_id == session.client_id &&
                other.indication == session.indication && before(other, session)) {
                earlier.push_back(&other);
            }
        }
        // Newest first, walking back from this session until a pause ends the course.
        std::sort(earlier.begin(), earlier.end(),
                  [](const auto* a, const auto* b) { return before(*b, *a); });
        const std::optional<int> max_gap =
            session.course_interval_days ? std::optional<int>(2 * *session.course_interval_days)
                                         : std::nullopt;
        Date next = session.treated_on;
        for (const auto* e : earlier) {
            if (max_gap && days_between(e->treated_on, next) > *max_gap) {
                break;
            }
            ++out.given;
            next = e->treated_on;
        }
    }
    if (out.planned && session.course_interval_days && out.given < *out.planned) {
        out.next_due = Date{std::chrono::sys_days{session.treated_on} +
                            std::chrono::days{*session.course_interval_days}};
    }
    return out;
}

} // namespace punctum::core
