#pragma once

namespace punctum::storage {

/// Disables core dumps and ptrace attachment by other users' processes for this process
/// (RLIMIT_CORE = 0, PR_SET_DUMPABLE = 0): an unlocked vault's keys must not land in a
/// crash file. Call first thing in every program that unlocks a vault.
void harden_process();

} // namespace punctum::storage
