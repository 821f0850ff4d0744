#pragma once
// The backup file format. Version 2 (written today) streams: memory stays flat whatever the
// vault's size.
//
//   PUNCTUM-BACKUP 2\n
//   {"vault_id":..., "kind":..., "created_at":..., "schema_version":S, "keys_size":N,
//    "database_size":M, "chunk_size":C, "audit_head":{"seq":..,"mac":"<hex>","tag":"<hex>"}}\n
//   <N bytes of keys.json>
//   <crypto_secretstream_xchacha20poly1305 header>
//   <the database, exported with sqlcipher_export, in chunks of C bytes (the last one
//    shorter), each sealed by the stream (+17 bytes); the last one tagged FINAL>
//
// The stream key is a subkey of the vault's data key, which the key slots wrap. The first
// chunk's associated data is everything before the stream (magic, header line, key slots), so
// none of it can be changed, and no chunk dropped, reordered or added, without the key.
// The audit head is the newest audit event when the backup was made, tagged with the audit
// key (AuditLog::tag): restore refuses a database that does not reach it.
//
// Version 1 (read only, for backups made by earlier builds): the same magic with "1", a header
// with keys_size, database_size and database_blake2b, then the key slots and the database as
// is. No audit head; its checksum is unkeyed.

#include "audit_log.h"
#include "punctum/core/progress.h"
#include "punctum/storage/secure_bytes.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

/// The audit head a backup carries, as written: seq, MAC and its tag.
struct BackupAuditHead {
    AuditHead head;
    std::vector<unsigned char> tag;
};

/// What a backup's header says (the database itself is read with read_backup_database).
struct BackupHeader {
    int format = 2;
    std::string vault_id;
    std::string kind;
    std::string created_at;
    std::optional<int> schema_version; ///< format 2 only
    std::uint64_t keys_size = 0;
    std::uint64_t database_size = 0;
    std::uint64_t chunk_size = 0;              ///< format 2
    std::string database_blake2b;              ///< format 1
    std::optional<BackupAuditHead> audit_head; ///< format 2
    /// Everything before the database as read: magic, header line, key slots.
    std::string prefix;
    [[nodiscard]] std::string_view keys() const {
        return std::string_view(prefix).substr(prefix.size() - keys_size);
    }
};

inline constexpr int backup_format = 2;
inline constexpr std::uint64_t backup_chunk_size = 1024 * 1024;
inline constexpr std::uint64_t max_backup_chunk_size = 16 * 1024 * 1024;
inline constexpr std::uint64_t min_backup_chunk_size = 4096;

/// Where a backup is read from: the file in a restore, bytes in the fuzzer.
class BackupSource {
public:
    virtual ~BackupSource() = default;
    BackupSource() = default;
    BackupSource(const BackupSource&) = delete;
    BackupSource& operator=(const BackupSource&) = delete;
    /// Fills `into` from `offset` as far as the source goes; fewer bytes only at its end.
    [[nodiscard]] virtual StorageResult<std::size_t> read_at(std::uint64_t offset,
                                                             std::span<unsigned char> into) = 0;
    /// The whole source's size in bytes.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
};

/// A source over bytes in memory.
class MemoryBackupSource final : public BackupSource {
public:
    explicit MemoryBackupSource(std::string_view bytes) : bytes_(bytes) {}
    [[nodiscard]] StorageResult<std::size_t> read_at(std::uint64_t offset,
                                                     std::span<unsigned char> into) override;
    [[nodiscard]] std::uint64_t size() const override { return bytes_.size(); }

private:
    std::string_view bytes_;
};

/// Takes the database's bytes as they come out of the backup, chunk by chunk.
using BackupSink = std::function<StorageResult<void>(std::span<const unsigned char>)>;

/// Reads and checks a backup's beginning: magic, header, sizes against the source's size,
/// the key slot file. Takes any bytes: this parses outside input and is fuzzed (tests/fuzz).
/// Nothing here is authenticated yet: trust it only after read_backup_database succeeded.
[[nodiscard]] StorageResult<BackupHeader> read_backup_header(BackupSource& source);

/// Streams the database out of the backup into `sink`, checking as it goes (format 2: every
/// chunk opens under `data_key`'s backup subkey and the last is FINAL; format 1: the
/// checksum at the end). On failure whatever reached the sink must be thrown away.
[[nodiscard]] StorageResult<void> read_backup_database(BackupSource& source,
                                                       const BackupHeader& header,
                                                       const SecureBytes& data_key,
                                                       const BackupSink& sink);

/// Fills in a format-2 header's prefix (magic, header line, `keys`) and its sizes, for a
/// database of `database_size` bytes.
void compose_backup_prefix(BackupHeader& header, std::string_view keys,
                           std::uint64_t database_size);

/// Writes a whole format-2 backup to `out`: the header's prefix, then the stream of the
/// database read from `database` (`header.database_size` bytes). `progress` gets bytes
/// sealed; a stop asked for returns `cancelled`.
[[nodiscard]] StorageResult<void> write_backup(BackupSource& database, const BackupHeader& header,
                                               const SecureBytes& data_key, const BackupSink& out,
                                               const core::Progress& progress = {});

/// A whole format-1 backup's bytes, as earlier builds wrote them (tests use it to show old
/// backups still restore).
[[nodiscard]] std::string compose_backup_v1(std::string_view vault_id, std::string_view kind,
                                            std::string_view created_at, std::string_view keys,
                                            std::string_view database);

} // namespace punctum::storage
