#pragma once

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/model_error.h"

#include <optional>
#include <string>

namespace punctum::core {

/// A person who is treated. Fitzpatrick type (1-6) matters for pigmentation risk.
struct Client {
    ClientId id;
    std::string display_name;
    std::optional<Date> date_of_birth;
    std::optional<int> fitzpatrick; ///< 1..6, unknown if not assessed
    std::string notes;
    TimePoint created_at{};
};

/// Checks a client before it is stored: a name, a Fitzpatrick type in 1..6.
[[nodiscard]] Result<void, ModelError> validate(const Client& client);

} // namespace punctum::core
