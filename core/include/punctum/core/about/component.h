#pragma once
// What Punctum is built from, as the About page and `punctum-cli version` show it: each
// library a build links, the version it runs with, and the licence it comes under.

#include <string>
#include <vector>

namespace punctum::core {

struct Component {
    std::string name;    ///< "SQLCipher"
    std::string version; ///< as the library reports it at run time where it can, else as built
    std::string licence; ///< an SPDX expression: "BSD-3-Clause"
    std::string role;    ///< what Punctum uses it for, in a few words
};

/// Punctum's own version: CMake's project version, the one version everything shows.
[[nodiscard]] std::string punctum_version();

/// What punctum_core itself links (nlohmann-json, compiled in).
[[nodiscard]] std::vector<Component> core_components();

} // namespace punctum::core
