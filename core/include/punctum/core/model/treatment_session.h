#pragma once

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/model_error.h"

#include <string>
#include <vector>

namespace punctum::core {

/// One treated area of a session: where, how deep, how many passes.
struct TreatedArea {
    std::string area; ///< e.g. "forehead", "cheeks"
    double depth_mm = 0.0;
    int passes = 1;
};

/// A microneedling treatment given to a client on a day.
struct TreatmentSession {
    SessionId id;
    ClientId client_id;
    Date treated_on{};
    std::string device;
    std::vector<TreatedArea> areas;
    std::string notes;
    AccountId practitioner;
    TimePoint created_at{};

    /// The deepest needle setting used in the session, 0 when no area is recorded.
    [[nodiscard]] double max_depth_mm() const;
};

/// Checks a session: a valid date, at least one area, depths in 0.1..3.0 mm, passes 1..20.
[[nodiscard]] Result<void, ModelError> validate(const TreatmentSession& session);

} // namespace punctum::core
