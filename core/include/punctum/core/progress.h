#pragma once
// Long work (backups, re-evaluating every session, verifying the audit chain) reports how
// far it has come through one callback, which also carries the caller's wish to stop.

#include <cstdint>
#include <functional>

namespace punctum::core {

/// Called now and then with `done` of `total` steps (`total` may grow; 0 = unknown).
/// Returning false asks the work to stop at the next safe point; what was finished stays
/// consistent and the call returns a `cancelled` error saying how far it got.
using Progress = std::function<bool(std::int64_t done, std::int64_t total)>;

/// Calls `progress` if there is one; true (go on) without one.
[[nodiscard]] inline bool report(const Progress& progress, std::int64_t done, std::int64_t total) {
    return !progress || progress(done, total);
}

} // namespace punctum::core
