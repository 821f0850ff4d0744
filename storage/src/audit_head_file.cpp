#include "audit_head_file.h"

#include "crypto.h"
#include "file_io.h"
#include "key_slot_file.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

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
    auto head = parse_audit_head(*text, log);
    if (!head) {
        return head.failure();
    }
    return std::optional<AuditHead>{std::move(*head)};
}

StorageResult<AuditHead> parse_audit_head(std::string_view text, const AuditLog& log) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
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
    return head;
}

std::filesystem::path state_head_folder(const std::string& vault_id,
                                        const std::filesystem::path& vault_folder) {
    std::filesystem::path base;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state == '/') {
        base = state;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
        base = std::filesystem::path(home) / ".local" / "state";
    } else {
        return {};
    }
    std::error_code ec;
    auto where = std::filesystem::weakly_canonical(std::filesystem::absolute(vault_folder), ec);
    if (ec) {
        where = std::filesystem::absolute(vault_folder);
    }
    const auto place = crypto::to_hex(crypto::digest(where.string()));
    return base / "punctum" / "audit-heads" / (vault_id + "-" + place.substr(0, 16));
}

StorageResult<void> write_audit_heads(const std::filesystem::path& folder,
                                      const std::string& vault_id, AuditLog& log,
                                      const AuditHead& head, bool restored) {
    auto beside = write_audit_head(folder, log, head);
    if (const auto state = state_head_folder(vault_id, folder); !state.empty()) {
        const auto kept = read_audit_head(state, log);
        const bool forward =
            kept && (!kept->has_value() || (head.seq >= (*kept)->seq && log.reaches(**kept)));
        std::error_code ec;
        std::filesystem::create_directories(state, ec);
        if (!ec && (forward || restored)) {
            (void)write_audit_head(state, log, head);
        }
    }
    return beside;
}

std::string rollback_finding(AuditLog& log, const ExpectedHead& expected) {
    if (!expected.finding.empty()) {
        return expected.finding;
    }
    const auto now = log.head();
    for (const auto* kept : {&expected.head, &expected.other}) {
        if (!kept->has_value()) {
            continue;
        }
        if (now.seq < (*kept)->seq) {
            return "This vault's history is shorter than the audit head kept for it (event #" +
                   std::to_string((*kept)->seq) +
                   "): it may have been replaced by an older copy. Run 'punctum-cli vault check' "
                   "and compare with your latest backup.";
        }
        if (!log.reaches(**kept)) {
            return "This vault's history differs from the audit head kept for it at event #" +
                   std::to_string((*kept)->seq) +
                   ": it may have been replaced by another copy. Run 'punctum-cli vault check' "
                   "and compare with your latest backup.";
        }
    }
    return {};
}

AuditReport verify_with_heads(const std::filesystem::path& folder, const std::string& vault_id,
                              AuditLog& log, const core::Progress& progress,
                              const AuditChainState* from, AuditChainState* reached) {
    const auto expected = expected_audit_head(folder, vault_id, log, log.head().seq);
    // The signing keys in the key slots must be the ones the history has in force.
    std::map<std::string, std::vector<unsigned char>> slot_keys;
    if (auto keys = read_key_slots(folder / "keys.json")) {
        for (const auto& slot : keys->slots) {
            if (slot.kind == "passphrase" && !slot.signing_key.empty()) {
                slot_keys[slot.account] = slot.signing_key;
            }
        }
    }
    auto report = log.verify(expected.head, progress, slot_keys, from, reached);
    if (report.ok) {
        if (auto finding = rollback_finding(log, expected); !finding.empty()) {
            report.ok = false;
            report.message = std::move(finding);
        }
    }
    return report;
}

ExpectedHead expected_audit_head(const std::filesystem::path& folder, const std::string& vault_id,
                                 const AuditLog& log, std::int64_t events_in_history) {
    ExpectedHead out;
    auto beside = read_audit_head(folder, log);
    const auto state_folder = state_head_folder(vault_id, folder);
    auto kept = state_folder.empty() ? StorageResult<std::optional<AuditHead>>(std::nullopt)
                                     : read_audit_head(state_folder, log);
    // A damaged copy in the state directory is reported, but the one beside the vault still
    // counts; a damaged one beside the vault is the finding it always was.
    if (!beside) {
        out.finding = beside.error().message;
    }
    if (!kept) {
        out.finding = "The audit head kept in your state folder for this vault is damaged or "
                      "belongs to another vault.";
    }
    const auto* near = beside && beside->has_value() ? &**beside : nullptr;
    const auto* far = kept && kept->has_value() ? &**kept : nullptr;
    if (near == nullptr && beside && (far != nullptr || events_in_history > 0)) {
        out.finding = "The audit head kept beside the vault is missing: it was removed, or the "
                      "folder was replaced. Run 'punctum-cli vault check' and compare with your "
                      "latest backup.";
    }
    if (near != nullptr && far != nullptr) {
        // The state copy only ever moves forward, so on a tie it is the authority.
        const bool far_first = far->seq >= near->seq;
        out.head = far_first ? *far : *near;
        out.other = far_first ? *near : *far;
    } else if (near != nullptr) {
        out.head = *near;
    } else if (far != nullptr) {
        out.head = *far;
    }
    return out;
}

} // namespace punctum::storage
