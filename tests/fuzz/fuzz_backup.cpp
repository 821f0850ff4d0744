// libFuzzer: a backup file is outside input (it may come from anywhere). The parser must
// accept only well-formed backups and refuse the rest with an error.
#include "backup_file.h"
#include "key_slot_file.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto parts = punctum::storage::parse_backup(bytes);
    if (parts) {
        if (parts->keys.size() + parts->database.size() > bytes.size()) {
            __builtin_trap();
        }
        (void)punctum::storage::parse_key_slots(parts->keys);
    }
    return 0;
}
