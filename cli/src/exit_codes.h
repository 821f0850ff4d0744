#pragma once
// The exit codes scripts rely on (issue #3's command-line contract).

#include "punctum/storage/storage_error.h"

namespace punctum::cli {

enum ExitCode : int {
    exit_ok = 0,
    exit_failure = 1,   ///< anything else
    exit_usage = 2,     ///< bad usage or bad input
    exit_auth = 3,      ///< authentication failed
    exit_integrity = 4, ///< integrity failure; an exchange file refused, nothing written
};

[[nodiscard]] inline int exit_code_for(storage::StorageErrc code) {
    switch (code) {
    case storage::StorageErrc::auth_failed:
        return exit_auth;
    case storage::StorageErrc::corrupt:
    case storage::StorageErrc::rejected:
        return exit_integrity;
    case storage::StorageErrc::invalid_input:
    case storage::StorageErrc::not_found:
    case storage::StorageErrc::not_a_vault:
    case storage::StorageErrc::exists:
        return exit_usage;
    default:
        return exit_failure;
    }
}

} // namespace punctum::cli
