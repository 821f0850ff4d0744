#include "punctum/core/model/client.h"

namespace punctum::core {

Result<void, ModelError> validate(const Client& client) {
    if (client.display_name.find_first_not_of(" \t") == std::string::npos) {
        return fail(ModelErrc::missing_field,
                    "The client needs a name. Enter a name and try again.");
    }
    if (client.fitzpatrick && (*client.fitzpatrick < 1 || *client.fitzpatrick > 6)) {
        return fail(ModelErrc::out_of_range,
                    "Fitzpatrick skin type must be between 1 and 6, or left unknown.");
    }
    if (client.date_of_birth && !client.date_of_birth->ok()) {
        return fail(ModelErrc::bad_date, "The date of birth is not a valid date.");
    }
    return {};
}

} // namespace punctum::core
