#pragma once
// Where a session stands in its course of treatment, and when the next one is due.

#include "punctum/core/date.h"
#include "punctum/core/model/treatment_session.h"

#include <optional>
#include <span>

namespace punctum::core {

/// A session's place in its course: "session 2 of 3, the next due on 31 Mar".
struct CourseProgress {
    int given = 1;                ///< this session's number in its course, from 1
    std::optional<int> planned;   ///< the session's course_sessions; nullopt with no plan
    std::optional<Date> next_due; ///< nullopt with no plan, or when the course is complete
    [[nodiscard]] bool complete() const { return planned && given >= *planned; }
};

/// The course progress of `session` among `client_sessions` (the same client's sessions,
/// in any order; the session itself may be among them and is skipped by its id).
///
/// The rule: the sessions already given in the course are this one and the client's
/// earlier sessions of the same recorded indication (an unrecorded indication matches
/// none), counted back from this session while each is at most twice the planned interval
/// before the next one: a longer pause means the earlier sessions were another course.
/// "Earlier" is an earlier day, or the same day and a smaller id (an unsaved session comes
/// after every stored one). While fewer sessions than planned have been given, the next is
/// due `course_interval_days` after this session's treatment.
[[nodiscard]] CourseProgress course_progress(const TreatmentSession& session,
                                             std::span<const TreatmentSession> client_sessions);

} // namespace punctum::core
