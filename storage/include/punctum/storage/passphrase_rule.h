#pragma once
// The one rule every new passphrase meets, wherever it is chosen (creating a vault, adding an
// account, changing a passphrase, recovering with the recovery key), on the command line as
// in the app: core's strength estimate at core::minimum_passphrase_level ("good") or better.
// Storage applies it itself; the app calls it too, only to answer before a task starts.

#include "punctum/storage/secure_bytes.h"
#include "punctum/storage/storage_error.h"

namespace punctum::storage {

/// Success, or invalid_input with the level and one sentence on how to do better.
[[nodiscard]] StorageResult<void> check_new_passphrase(const SecureBytes& passphrase);

} // namespace punctum::storage
