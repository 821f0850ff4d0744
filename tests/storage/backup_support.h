#pragma once
// Building backups by hand for restore tests: the data key of an open vault, a backup's
// header, and a format-2 backup sealed around any database file with any header.

#include "backup_file.h"
#include "crypto.h"
#include "punctum/storage/vault.h"
#include "streamed_file.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace punctum::test {

/// The vault's data key, as an admin could reveal it.
inline storage::SecureBytes data_key_of(storage::Vault& vault) {
    auto hex = vault.reveal_data_key_hex();
    REQUIRE(hex.ok());
    const auto raw = storage::crypto::from_hex(hex->view());
    REQUIRE(raw.has_value());
    storage::SecureBytes key(raw->size());
    std::copy(raw->begin(), raw->end(), key.data());
    return key;
}

/// A backup's header, read as restore reads it.
inline storage::BackupHeader header_of(const std::filesystem::path& backup) {
    auto source = storage::FileBackupSource::open(backup);
    REQUIRE(source.ok());
    auto header = storage::read_backup_header(**source);
    INFO((header ? std::string("read") : header.error().message));
    REQUIRE(header.ok());
    return std::move(header.value());
}

/// Writes `out` as a format-2 backup of `database` under `header` (its audit head, schema
/// version, ...) and `keys`, sealed under `key`: what someone holding the key could forge.
inline void write_backup_file(const std::filesystem::path& out, storage::BackupHeader header,
                              const std::string& keys, const std::filesystem::path& database,
                              const storage::SecureBytes& key) {
    auto source = storage::FileBackupSource::open(database);
    REQUIRE(source.ok());
    header.chunk_size = 4096; // several chunks even for a small test vault
    storage::compose_backup_prefix(header, keys, (*source)->size());
    auto file = storage::StreamedFile::create(out);
    REQUIRE(file.ok());
    REQUIRE(storage::write_backup(**source, header, key, [&](std::span<const unsigned char> bytes) {
                return (*file)->write(bytes);
            }).ok());
    REQUIRE((*file)->commit().ok());
}

} // namespace punctum::test
