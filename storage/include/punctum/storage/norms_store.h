#pragma once
// The norms profile a vault works by. A clinic may adopt its own profile; each adoption is
// stored whole (its JSON and digest) and audited, and every flag, session and screening
// records the row of the profile in force, so a verdict can always be traced to the exact
// rule and figure that produced it, even after the clinic moves on to another profile.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// A profile the vault has used, as listed on the settings page.
struct AdoptedProfile {
    std::int64_t row = 0; ///< what flags, sessions and screenings refer to
    std::string id;
    std::string version;
    std::string title;
    core::TimePoint adopted_at{};
    std::string adopted_by; ///< display name; empty for the shipped default
    bool active = false;
};

class NormsStore {
public:
    explicit NormsStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// The profile in force: the one last adopted, or the shipped default.
    [[nodiscard]] StorageResult<core::NormsProfile> active();
    /// Its JSON exactly as adopted, sources and all.
    [[nodiscard]] StorageResult<std::string> active_json();
    /// Checks `json` as strictly as any outside input, then makes it the profile in force
    /// (Action::change_settings). Adopting a profile already stored (same id and version)
    /// must match it byte for byte, so a version cannot silently change meaning.
    [[nodiscard]] StorageResult<AdoptedProfile> adopt(std::string_view json);
    /// Goes back to the shipped default profile (Action::change_settings).
    [[nodiscard]] StorageResult<AdoptedProfile> adopt_default();
    /// Every profile the vault has used, newest adoption first.
    [[nodiscard]] StorageResult<std::vector<AdoptedProfile>> history();

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
