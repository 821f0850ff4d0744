#include "punctum/core/model/consent.h"

#include <array>

namespace punctum::core {

namespace {
constexpr std::array<std::string_view, 3> names{"medical_record", "in_clinic_display",
                                                "publication"};
}

std::string_view to_string(PhotoUse use) {
    return names.at(static_cast<std::size_t>(use));
}

std::optional<PhotoUse> photo_use_from_string(std::string_view text) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names.at(i) == text) {
            return static_cast<PhotoUse>(i);
        }
    }
    return std::nullopt;
}

} // namespace punctum::core
