#pragma once
// TESTS ONLY: a seam to make a passphrase change or a data key rotation fail at one step, as
// a full disk or a failing rename would, so tests can prove each failure leaves a vault that
// opens with the keys it had and goes on working. Not in storage's public headers: the
// command line and the app cannot reach it, and nothing but tests/storage sets it.

namespace punctum::storage::testing {

enum class KeyFault {
    none,
    key_file_write,     ///< a changed key file (passphrase, recovery key) cannot be written
    key_file_commit,    ///< the key file is written, the audit event's commit fails
    rotate_export,      ///< the re-encrypted copy cannot be written
    rotate_keys_write,  ///< the copy is written, its key file cannot be
    rotate_db_switch,   ///< renaming the copy over the database fails
    rotate_keys_switch, ///< the database is switched, renaming its key file fails
};

/// Sets the fault for every key change until set back to none. Tests only.
void inject_key_fault_for_tests(KeyFault where);

} // namespace punctum::storage::testing
