#include "backup_file.h"

#include "crypto.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>

namespace punctum::storage {

namespace {

constexpr std::string_view magic_prefix = "PUNCTUM-BACKUP ";
constexpr std::string_view magic_v1 = "PUNCTUM-BACKUP 1\n";
constexpr std::string_view magic_v2 = "PUNCTUM-BACKUP 2\n";
constexpr std::size_t max_header = 4096;
constexpr std::uint64_t max_keys = 1024 * 1024;
constexpr std::size_t v1_chunk = 1024 * 1024;
constexpr std::size_t stream_header = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t chunk_overhead = crypto_secretstream_xchacha20poly1305_ABYTES;

StorageError bad_backup(const std::string& why) {
    return {StorageErrc::corrupt, "This backup cannot be restored: " + why +
                                      ". Nothing was changed. Use another backup."};
}

std::string blake2b_hex(std::string_view data) {
    std::vector<unsigned char> out(32);
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), nullptr, 0);
    return crypto::to_hex(out);
}

// The key the stream is sealed under: a subkey of the data key, for backups only.
SecureBytes stream_key(const SecureBytes& data_key) {
    return crypto::subkey(data_key, 1, "pbackup2");
}

std::uint64_t chunk_count(std::uint64_t database_size, std::uint64_t chunk_size) {
    return std::max<std::uint64_t>(1, (database_size + chunk_size - 1) / chunk_size);
}

// Reads exactly into.size() bytes at `offset`, or says the file ended early.
StorageResult<void> read_exactly(BackupSource& source, std::uint64_t offset,
                                 std::span<unsigned char> into) {
    auto got = source.read_at(offset, into);
    if (!got) {
        return got.failure();
    }
    if (*got != into.size()) {
        return Failure<StorageError>{bad_backup("it is truncated")};
    }
    return {};
}

bool is_unsigned(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_number_unsigned();
}
bool is_string(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string();
}

std::optional<BackupAuditHead> parse_head(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("seq") || !j["seq"].is_number_integer() ||
        !is_string(j, "mac") || !is_string(j, "tag") || j["seq"].get<std::int64_t>() < 0) {
        return std::nullopt;
    }
    auto mac = crypto::from_hex(j["mac"].get<std::string>());
    auto tag = crypto::from_hex(j["tag"].get<std::string>());
    if (!mac || !tag) {
        return std::nullopt;
    }
    return BackupAuditHead{AuditHead{j["seq"].get<std::int64_t>(), std::move(*mac)},
                           std::move(*tag)};
}

// Fills the format-specific fields; false when the header is damaged.
bool parse_fields(const nlohmann::json& h, BackupHeader& out) {
    if (!is_unsigned(h, "keys_size") || !is_unsigned(h, "database_size")) {
        return false;
    }
    out.keys_size = h["keys_size"].get<std::uint64_t>();
    out.database_size = h["database_size"].get<std::uint64_t>();
    for (auto [key, field] : {std::pair{"vault_id", &out.vault_id}, std::pair{"kind", &out.kind},
                              std::pair{"created_at", &out.created_at}}) {
        if (is_string(h, key)) {
            *field = h[key].get<std::string>();
        }
    }
    if (out.format == 1) {
        if (!is_string(h, "database_blake2b")) {
            return false;
        }
        out.database_blake2b = h["database_blake2b"].get<std::string>();
        return true;
    }
    if (!is_unsigned(h, "chunk_size") || !h.contains("schema_version") ||
        !h["schema_version"].is_number_integer() || !h.contains("audit_head")) {
        return false;
    }
    out.chunk_size = h["chunk_size"].get<std::uint64_t>();
    const auto schema = h["schema_version"].get<std::int64_t>();
    if (schema < 0 || schema > 1'000'000) {
        return false;
    }
    out.schema_version = static_cast<int>(schema);
    out.audit_head = parse_head(h["audit_head"]);
    return out.audit_head.has_value();
}

} // namespace

StorageResult<std::size_t> MemoryBackupSource::read_at(std::uint64_t offset,
                                                       std::span<unsigned char> into) {
    if (offset >= bytes_.size()) {
        return std::size_t{0};
    }
    const auto n = std::min<std::size_t>(into.size(), bytes_.size() - offset);
    std::copy_n(bytes_.data() + offset, n, reinterpret_cast<char*>(into.data()));
    return n;
}

StorageResult<BackupHeader> read_backup_header(BackupSource& source) {
    const std::uint64_t total = source.size();
    std::string start(
        static_cast<std::size_t>(std::min<std::uint64_t>(total, magic_v2.size() + max_header + 1)),
        '\0');
    auto got = source.read_at(0, {reinterpret_cast<unsigned char*>(start.data()), start.size()});
    if (!got) {
        return got.failure();
    }
    start.resize(*got);
    BackupHeader out;
    if (start.starts_with(magic_v2)) {
        out.format = 2;
    } else if (start.starts_with(magic_v1)) {
        out.format = 1;
    } else if (const auto end = start.find('\n');
               start.starts_with(magic_prefix) && end != std::string::npos && end < 32) {
        return fail(StorageErrc::newer_version,
                    "This backup was made by a newer version of Punctum (backup format " +
                        start.substr(magic_prefix.size(), end - magic_prefix.size()) +
                        "). Update Punctum to restore it. Nothing was changed.");
    } else {
        return fail(StorageErrc::not_a_vault, "This file is not a Punctum backup.");
    }
    const std::size_t magic_size = magic_v2.size();
    const auto header_end = start.find('\n', magic_size);
    if (header_end == std::string::npos) {
        return Failure<StorageError>{bad_backup("its header is damaged")};
    }
    const auto header =
        nlohmann::json::parse(start.substr(magic_size, header_end - magic_size), nullptr, false);
    if (header.is_discarded() || !header.is_object() || !parse_fields(header, out)) {
        return Failure<StorageError>{bad_backup("its header is damaged")};
    }
    const std::uint64_t body = header_end + 1;
    if (out.keys_size > max_keys || out.database_size > total) {
        return Failure<StorageError>{bad_backup("it is truncated or has extra bytes")};
    }
    std::uint64_t expected = body + out.keys_size + out.database_size;
    if (out.format == 2) {
        if (out.chunk_size < min_backup_chunk_size || out.chunk_size > max_backup_chunk_size) {
            return Failure<StorageError>{bad_backup("its header is damaged")};
        }
        expected += stream_header + chunk_overhead * chunk_count(out.database_size, out.chunk_size);
    }
    if (expected != total) {
        return Failure<StorageError>{bad_backup("it is truncated or has extra bytes")};
    }
    out.prefix = start.substr(0, body);
    out.prefix.resize(body + out.keys_size);
    auto keys = std::span<unsigned char>(reinterpret_cast<unsigned char*>(out.prefix.data()) + body,
                                         out.keys_size);
    if (auto r = read_exactly(source, body, keys); !r) {
        return r.failure();
    }
    return out;
}

StorageResult<void> read_backup_database(BackupSource& source, const BackupHeader& header,
                                         const SecureBytes& data_key, const BackupSink& sink) {
    std::uint64_t at = header.prefix.size();
    std::uint64_t left = header.database_size;
    if (header.format == 1) {
        crypto_generichash_state state;
        crypto_generichash_init(&state, nullptr, 0, 32);
        std::vector<unsigned char> buffer(static_cast<std::size_t>(
            std::min<std::uint64_t>(v1_chunk, std::max<std::uint64_t>(left, 1))));
        while (left > 0) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
            const std::span<unsigned char> piece(buffer.data(), n);
            if (auto r = read_exactly(source, at, piece); !r) {
                return r.failure();
            }
            crypto_generichash_update(&state, piece.data(), piece.size());
            if (auto r = sink(piece); !r) {
                return r.failure();
            }
            at += n;
            left -= n;
        }
        std::vector<unsigned char> digest(32);
        crypto_generichash_final(&state, digest.data(), digest.size());
        if (crypto::to_hex(digest) != header.database_blake2b) {
            return Failure<StorageError>{bad_backup("its database does not match its checksum")};
        }
        return {};
    }

    std::vector<unsigned char> sealed(static_cast<std::size_t>(header.chunk_size) + chunk_overhead);
    std::vector<unsigned char> plain(static_cast<std::size_t>(header.chunk_size));
    if (auto r = read_exactly(source, at, {sealed.data(), stream_header}); !r) {
        return r.failure();
    }
    at += stream_header;
    const SecureBytes key = stream_key(data_key);
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, sealed.data(), key.data()) != 0) {
        return Failure<StorageError>{bad_backup("its database stream is damaged")};
    }
    const std::uint64_t chunks = chunk_count(header.database_size, header.chunk_size);
    StorageResult<void> result;
    for (std::uint64_t i = 0; i < chunks && result; ++i) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, header.chunk_size));
        const std::span<unsigned char> piece(sealed.data(), n + chunk_overhead);
        if (auto r = read_exactly(source, at, piece); !r) {
            result = r.failure();
            break;
        }
        // The first chunk also vouches for everything before the stream.
        const auto* ad =
            i == 0 ? reinterpret_cast<const unsigned char*>(header.prefix.data()) : nullptr;
        const std::size_t ad_size = i == 0 ? header.prefix.size() : 0;
        unsigned long long opened = 0;
        unsigned char tag = 0;
        const bool last = i + 1 == chunks;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &opened, &tag,
                                                       piece.data(), piece.size(), ad,
                                                       ad_size) != 0 ||
            opened != n ||
            tag != (last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                         : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)) {
            result = Failure<StorageError>{bad_backup(
                "it was damaged or changed after it was made (part " + std::to_string(i + 1) +
                " of " + std::to_string(chunks) + " does not verify)")};
            break;
        }
        if (auto r = sink({plain.data(), n}); !r) {
            result = r.failure();
            break;
        }
        at += piece.size();
        left -= n;
    }
    sodium_memzero(&state, sizeof state);
    return result;
}

void compose_backup_prefix(BackupHeader& header, std::string_view keys,
                           std::uint64_t database_size) {
    header.format = backup_format;
    header.keys_size = keys.size();
    header.database_size = database_size;
    if (header.chunk_size == 0) {
        header.chunk_size = backup_chunk_size;
    }
    nlohmann::json json{
        {"vault_id", header.vault_id},     {"kind", header.kind},
        {"created_at", header.created_at}, {"schema_version", header.schema_version.value_or(0)},
        {"keys_size", header.keys_size},   {"database_size", header.database_size},
        {"chunk_size", header.chunk_size}};
    if (header.audit_head) {
        json["audit_head"] = {{"seq", header.audit_head->head.seq},
                              {"mac", crypto::to_hex(header.audit_head->head.mac)},
                              {"tag", crypto::to_hex(header.audit_head->tag)}};
    }
    header.prefix = std::string(magic_v2) + json.dump() + "\n";
    header.prefix += keys;
}

StorageResult<void> write_backup(BackupSource& database, const BackupHeader& header,
                                 const SecureBytes& data_key, const BackupSink& out,
                                 const core::Progress& progress) {
    const auto& prefix = header.prefix;
    if (auto r = out({reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size()}); !r) {
        return r;
    }
    std::vector<unsigned char> plain(static_cast<std::size_t>(header.chunk_size));
    std::vector<unsigned char> sealed(plain.size() + chunk_overhead);
    const SecureBytes key = stream_key(data_key);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, sealed.data(), key.data());
    StorageResult<void> result = out({sealed.data(), stream_header});
    const std::uint64_t chunks = chunk_count(header.database_size, header.chunk_size);
    std::uint64_t done = 0;
    for (std::uint64_t i = 0; i < chunks && result; ++i) {
        const auto n = static_cast<std::size_t>(
            std::min<std::uint64_t>(header.database_size - done, header.chunk_size));
        auto got = database.read_at(done, {plain.data(), n});
        if (!got || *got != n) {
            result = got ? fail(StorageErrc::io, "The database copy ended early while it was "
                                                 "being backed up. Try the backup again.")
                         : got.failure();
            break;
        }
        const bool last = i + 1 == chunks;
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, sealed.data(), &written, plain.data(), n,
            i == 0 ? reinterpret_cast<const unsigned char*>(prefix.data()) : nullptr,
            i == 0 ? prefix.size() : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                 : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        result = out({sealed.data(), static_cast<std::size_t>(written)});
        done += n;
        if (result && !core::report(progress, static_cast<std::int64_t>(done),
                                    static_cast<std::int64_t>(header.database_size))) {
            result = fail(StorageErrc::cancelled,
                          "Stopped the backup as asked. No backup file was written.");
        }
    }
    sodium_memzero(&state, sizeof state);
    return result;
}

std::string compose_backup_v1(std::string_view vault_id, std::string_view kind,
                              std::string_view created_at, std::string_view keys,
                              std::string_view database) {
    const nlohmann::json header{{"vault_id", vault_id},
                                {"kind", kind},
                                {"created_at", created_at},
                                {"keys_size", keys.size()},
                                {"database_size", database.size()},
                                {"database_blake2b", blake2b_hex(database)}};
    std::string out(magic_v1);
    out += header.dump();
    out += '\n';
    out += keys;
    out += database;
    return out;
}

} // namespace punctum::storage
