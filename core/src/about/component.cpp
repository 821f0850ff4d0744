// PUNCTUM_VERSION comes from CMake's project(VERSION) on this one file (core/CMakeLists.txt),
// so a version bump rebuilds one object, and no other file spells the version.

#include "punctum/core/about/component.h"

#include <nlohmann/json.hpp>

#ifndef PUNCTUM_VERSION
#error "PUNCTUM_VERSION must be defined by core/CMakeLists.txt from the project version"
#endif

namespace punctum::core {

std::string punctum_version() {
    return PUNCTUM_VERSION;
}

std::vector<Component> core_components() {
    const auto json_version = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_PATCH);
    return {{"JSON for Modern C++ (nlohmann-json)", json_version, "MIT",
             "norms profiles, exchange files and exports"}};
}

} // namespace punctum::core
