#pragma once
// TESTS ONLY: lifts the passphrase strength rule (passphrase_rule.h) for the whole process,
// for a test that needs a weak passphrase on purpose. Not in storage's public headers: the
// command line and the app cannot reach it, and nothing but tests sets it.

namespace punctum::storage::testing {

/// While true, check_new_passphrase accepts any non-empty passphrase. Tests only.
void accept_weak_passphrases_for_tests(bool accept);

} // namespace punctum::storage::testing
