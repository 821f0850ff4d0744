// libFuzzer: audit-head.json sits beside the vault and in the user's state folder, where
// anyone who can write there can put anything. Any bytes must give the head (when its tag
// verifies under the vault's audit key) or a clear `corrupt` error: never a crash, a hang,
// a leak or an exception.
#include "audit_head_file.h"
#include "audit_log.h"
#include "crypto.h"
#include "sqlite/connection.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

using punctum::storage::AuditHead;
using punctum::storage::AuditLog;

/// An audit log keyed with a fixed key (32 bytes of 0x42), over an in-memory database that
/// the parser never touches: tag() needs only the key.
AuditLog& audit_log() {
    static punctum::storage::Connection db(":memory:", true);
    static AuditLog log(db, punctum::storage::SecureBytes::from(std::string(32, '\x42')));
    return log;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto& log = audit_log();
    auto head = punctum::storage::parse_audit_head(text, log);
    if (head) {
        // What parses carries a tag that verifies: written back as the vault writes it, it
        // must parse again to the same head.
        const nlohmann::json again{{"seq", head->seq},
                                   {"mac", punctum::storage::crypto::to_hex(head->mac)},
                                   {"tag", punctum::storage::crypto::to_hex(log.tag(*head))}};
        auto reread = punctum::storage::parse_audit_head(again.dump(), log);
        if (!reread || reread->seq != head->seq || reread->mac != head->mac) {
            __builtin_trap();
        }
    } else if (head.error().code != punctum::storage::StorageErrc::corrupt) {
        __builtin_trap(); // a damaged head is `corrupt`, nothing else
    }
    return 0;
}
