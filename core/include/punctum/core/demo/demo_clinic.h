#pragma once
// A synthetic clinic, so a newcomer sees a working app and tests and benchmarks have
// realistic volume. Deterministic: the same seed and index always give the same client.

#include "punctum/core/model/client.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"

#include <cstdint>
#include <vector>

namespace punctum::core {

/// A session with the recovery entries logged after it.
struct DemoSession {
    TreatmentSession session;
    std::vector<RecoveryEntry> entries;
};

/// A client with their treatment history.
struct DemoClient {
    Client client;
    std::vector<DemoSession> sessions;
};

/// The `index`-th synthetic client of the clinic made from `seed`, with sessions in the
/// months before `today`. Most recoveries follow the usual course (redness and swelling
/// settling within three days); about one in five lingers or shows a warning sign.
/// `sessions` > 0 gives every client that many sessions (for scale runs: 10k clients with
/// 10 each is the 100k-session clinic); 0 draws one to three, as a real clinic's mix.
[[nodiscard]] DemoClient demo_client(std::uint64_t seed, int index, Date today, int sessions = 0);

} // namespace punctum::core
