#pragma once
// The norms profile in force, for the stores that record it with what they write.
// Internal to storage.

#include "punctum/core/norms/norms_profile.h"
#include "vault_context.h"

#include <cstdint>
#include <memory>

namespace punctum::storage::detail {

struct NormsInForce {
    std::int64_t row = 0; ///< norms_profiles.id
    /// Shared with the context's cache: stays valid if a later call re-parses or adopts.
    std::shared_ptr<const core::NormsProfile> profile;
};

/// The active profile and its row. A vault that never adopted one gets the shipped default
/// stored (and audited) on first use, so even the default is recorded exactly as applied.
/// Call inside a transaction; throws SqlError, or std::runtime_error when a stored
/// profile no longer parses (which guard() reports).
[[nodiscard]] NormsInForce norms_in_force(VaultContext& ctx);

/// Stores `json` (already checked) as the active profile, or reactivates its row, and
/// audits it as `by`. Call inside a transaction. Returns the row. Vault::create uses this
/// form (no VaultContext yet) to record the shipped default as the vault's first profile.
std::int64_t activate_profile(Connection& db, AuditLog& audit, core::TimePoint now,
                              core::AccountId by, const core::NormsProfile& profile,
                              std::string_view json);
/// A vault working by an older version of the profile Punctum ships (not a clinic's own)
/// moves on to the one this build ships, so rules added since (new signs, new screening
/// items) apply from now on; an audited norms.adopt records when. A clinic's own profile is
/// never replaced. True when it moved. Call inside a transaction.
bool follow_shipped_norms(VaultContext& ctx);

/// The same for the signed-in account, keeping ctx's parsed-profile cache.
std::int64_t activate_profile(VaultContext& ctx, const core::NormsProfile& profile,
                              std::string_view json);

} // namespace punctum::storage::detail
