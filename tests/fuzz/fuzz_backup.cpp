// libFuzzer: a backup file is outside input (it may come from anywhere). The parser must
// accept only well-formed backups and refuse the rest with an error, and the streaming reader
// must stay within the sizes the header promised. The seeds (corpus/backup) are sealed under
// an all-zero data key, the key used here, so the fuzzer also reaches past the first chunk.
#include "backup_file.h"
#include "crypto.h"
#include "key_slot_file.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace punctum::storage;
    if (!crypto::ready()) {
        __builtin_trap();
    }
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    MemoryBackupSource source(bytes);
    auto header = read_backup_header(source);
    if (!header) {
        return 0;
    }
    if (header->prefix.size() + header->database_size > bytes.size() ||
        header->keys().size() != header->keys_size) {
        __builtin_trap();
    }
    (void)parse_key_slots(header->keys());
    SecureBytes key(crypto::data_key_size);
    wipe(key.data(), key.size());
    std::uint64_t seen = 0;
    auto read = read_backup_database(source, *header, key, [&](std::span<const unsigned char> b) {
        seen += b.size();
        return StorageResult<void>{};
    });
    if (seen > header->database_size || (read && seen != header->database_size)) {
        __builtin_trap();
    }
    return 0;
}
