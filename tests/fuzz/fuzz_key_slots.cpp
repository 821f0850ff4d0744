// libFuzzer: keys.json comes from disk, so it is outside input. Any bytes must give a
// KeySlotFile or a clear error, never a crash, hang or leak.
#include "key_slot_file.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = punctum::storage::parse_key_slots(text);
    if (parsed) {
        // What parses must serialise and parse back to the same slots.
        auto again =
            punctum::storage::parse_key_slots(punctum::storage::serialize_key_slots(*parsed));
        if (!again || again->slots.size() != parsed->slots.size()) {
            __builtin_trap();
        }
    }
    return 0;
}
