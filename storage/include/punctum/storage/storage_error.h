#pragma once

#include "punctum/core/result.h"

namespace punctum::storage {

/// Why a vault operation failed. Every error leaves the files on disk as they were.
enum class StorageErrc {
    auth_failed,   ///< wrong passphrase or recovery key
    not_a_vault,   ///< the path holds no Punctum vault
    newer_version, ///< made by a newer Punctum; this build cannot read it safely
    corrupt,       ///< pages fail their HMAC, or integrity or the audit chain is broken
    in_use,        ///< another process has the vault open
    read_only,     ///< the location cannot be written
    disk_full,     ///< no space left
    exists,        ///< creating a vault where one already is
    not_found,     ///< the record asked for does not exist
    forbidden,     ///< the account's role does not allow this
    invalid_input, ///< the record was refused (see the message)
    io,            ///< another operating-system error
    cancelled,     ///< the caller asked long work to stop; finished steps are kept
    rejected,      ///< an exchange file refused (altered, not for this vault, unknown sender)
    internal,      ///< a bug: the message has the details
};

using StorageError = Error<StorageErrc>;

template <typename T> using StorageResult = Result<T, StorageError>;

} // namespace punctum::storage
