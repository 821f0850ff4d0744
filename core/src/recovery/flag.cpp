#include "punctum/core/recovery/flag.h"

#include <initializer_list>

namespace punctum::core {

std::string_view to_string(Severity severity) {
    switch (severity) {
    case Severity::info:
        return "info";
    case Severity::watch:
        return "watch";
    case Severity::urgent:
        return "urgent";
    }
    return "info";
}

std::optional<Severity> severity_from_string(std::string_view text) {
    for (const Severity s : {Severity::info, Severity::watch, Severity::urgent}) {
        if (to_string(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace punctum::core
