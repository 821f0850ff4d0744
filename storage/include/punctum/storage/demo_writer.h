#pragma once

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/vault.h"

namespace punctum::storage {

/// Whether a demo client gets photos: synthetic skin photos of their latest session, with a
/// ColorChecker in the frame, whose treated-area redness follows the logged erythema, each
/// analysed (treated patch against untreated skin) like a practitioner would.
struct DemoPhotos {
    bool enabled = false;
    int per_session = 3; ///< at most, on the first entries' days
};

/// Stores one synthetic client with their sessions, entries and (optionally) photos in a
/// single transaction, attributed to the signed-in account like any other write; flags are
/// raised by the norms engine as the entries go in. In a personal vault the sessions join the
/// patient's own record (ClientStore::own) instead of a new client.
[[nodiscard]] StorageResult<core::ClientId>
add_demo_client(Vault& vault, const core::DemoClient& demo, const DemoPhotos& photos = {});

} // namespace punctum::storage
