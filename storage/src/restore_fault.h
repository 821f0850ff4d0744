#pragma once
// TESTS ONLY: a seam to make Vault::restore fail at a step after the old vault was moved
// aside, so tests can prove the rollback puts it back. Not in storage's public headers: the
// command line and the app cannot reach it, and nothing but tests/storage sets it.

namespace punctum::storage::testing {

/// Where the next restores fail, with an I/O error, as if the disk had failed there.
enum class RestoreFault {
    none,
    after_move,   ///< the restored folder is in place, not yet opened
    after_record, ///< opened, the restore recorded and the audit heads written
};

/// Sets the fault for every restore until set back to none. Tests only.
void inject_restore_fault_for_tests(RestoreFault where);

} // namespace punctum::storage::testing
