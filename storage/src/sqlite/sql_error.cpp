#include "sqlite/sql_error.h"

#include <sqlcipher/sqlite3.h>

namespace punctum::storage {

StorageErrc classify_sqlite(int code) {
    switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return StorageErrc::corrupt;
    case SQLITE_FULL:
        return StorageErrc::disk_full;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return StorageErrc::read_only;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StorageErrc::in_use;
    case SQLITE_CONSTRAINT:
        return StorageErrc::invalid_input;
    case SQLITE_IOERR:
        return StorageErrc::io;
    case SQLITE_INTERRUPT: // only ever from a progress handler whose caller asked to stop
        return StorageErrc::cancelled;
    default:
        return StorageErrc::internal;
    }
}

std::string explain_sqlite(int code, const std::string& doing) {
    switch (classify_sqlite(code)) {
    case StorageErrc::corrupt:
        return "The vault is damaged (" + doing +
               " failed its integrity check). Nothing was changed. Restore the latest backup, "
               "or run 'punctum-cli vault check' to see what is affected.";
    case StorageErrc::disk_full:
        return "The disk is full, so " + doing +
               " was not saved. Nothing was lost; free some space and try again.";
    case StorageErrc::read_only:
        return "The vault's folder cannot be written (" + doing +
               "). Check its permissions, or copy the vault to a writable place.";
    case StorageErrc::in_use:
        return "The vault is busy in another program (" + doing +
               "). Close the other Punctum window and try again.";
    case StorageErrc::io:
        return "The disk reported an error during " + doing +
               ". Nothing was changed; check the drive and try again.";
    case StorageErrc::cancelled:
        return "Stopped as asked during " + doing + ". Nothing of the unfinished step was kept.";
    default:
        return "Unexpected database error during " + doing + " (SQLite code " +
               std::to_string(code) + "): " + sqlite3_errstr(code) + ".";
    }
}

} // namespace punctum::storage
