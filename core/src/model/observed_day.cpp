#include "punctum/core/model/observed_day.h"

namespace punctum::core {

Date latest_today(TimePoint now) {
    return date_of(now + std::chrono::hours{14});
}

Result<void, ModelError> not_in_future(Date observed_on, TimePoint now) {
    if (days_between(latest_today(now), observed_on) > 0) {
        return fail(ModelErrc::bad_date,
                    "The entry is dated " + format_date(observed_on) +
                        ", a day that has not happened yet: choose today or an earlier day.");
    }
    return {};
}

} // namespace punctum::core
