#include "audit_head_file.h"

#include "crypto.h"
#include "file_io.h"

#include <nlohmann/json.hpp>

namespace punctum::storage {

StorageResult<void> write_audit_head(const std::filesystem::path& folder, const AuditLog& log,
                                     const AuditHead& head) {
    const nlohmann::json json{{"seq", head.seq},
                              {"mac", crypto::to_hex(head.mac)},
                              {"tag", crypto::to_hex(log.tag(head))}};
    return write_file_atomically(folder / audit_head_file, json.dump() + "\n");
}

StorageResult<std::optional<AuditHead>> read_audit_head(const std::filesystem::path& folder,
                                                        const AuditLog& log) {
    std::error_code ec;
    if (!std::filesystem::exists(folder / audit_head_file, ec)) {
        return std::optional<AuditHead>{};
    }
    auto text = read_small_file(folder / audit_head_file, 4096);
    if (!text) {
        return text.failure();
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    auto damaged = [] {
        return fail(StorageErrc::corrupt,
                    "The audit head kept beside the vault is damaged or belongs to another vault.");
    };
    if (json.is_discarded() || !json.is_object() || !json.contains("seq") ||
        !json["seq"].is_number_integer() || !json.contains("mac") || !json["mac"].is_string() ||
        !json.contains("tag") || !json["tag"].is_string()) {
        return damaged();
    }
    auto mac = crypto::from_hex(json["mac"].get<std::string>());
    auto tag = crypto::from_hex(json["tag"].get<std::string>());
    if (!mac || !tag) {
        return damaged();
    }
    AuditHead head{json["seq"].get<std::int64_t>(), std::move(*mac)};
    if (log.tag(head) != *tag) {
        return damaged();
    }
    return std::optional<AuditHead>{std::move(head)};
}

} // namespace punctum::storage
