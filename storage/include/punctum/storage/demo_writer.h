#pragma once

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/vault.h"

#include <cstdint>
#include <functional>

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

/// A synthetic clinic, as `punctum-cli demo` and the app's "fill with demo clients" make it.
struct DemoFill {
    int clients = 20;
    std::uint64_t seed = 1;
    int photos_every = 10;       ///< every Nth client gets analysed photos (0: none)
    int sessions_per_client = 0; ///< 0: one to three, as in a real clinic
};

/// Called after each client is committed, with the client, their id and whether they got
/// photos; returning false stops the fill there (the clients already written stay).
using DemoClientAdded =
    std::function<bool(const core::DemoClient&, core::ClientId, bool with_photos)>;

/// Adds `fill.clients` demo clients, each in its own transaction (add_demo_client), dated
/// from `today`. Returns how many were added; the first failure is returned as it is.
[[nodiscard]] StorageResult<int> fill_demo(Vault& vault, const DemoFill& fill, core::Date today,
                                           const DemoClientAdded& added = {});

} // namespace punctum::storage
