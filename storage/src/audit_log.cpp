#include "audit_log.h"

#include "crypto.h"
#include "punctum/core/date.h"

namespace punctum::storage {

namespace {
constexpr char audit_context[9] = "PNAUDIT1";
} // namespace

AuditLog::AuditLog(Connection& db, const SecureBytes& data_key)
    : db_(db), key_(crypto::subkey(data_key, 1, audit_context)) {}

void AuditLog::append(core::TimePoint at, core::AccountId account, std::string_view action,
                      std::string_view object, std::string_view change) {
    std::int64_t seq = 1;
    crypto::Bytes previous(32, 0);
    {
        Statement head(db_, "SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1");
        if (head.step()) {
            seq = head.int64(0) + 1;
            previous = head.blob(1);
        }
    }
    const std::string when = core::format_timestamp(at);
    const auto digest = crypto::digest(change);
    const std::string message = std::to_string(seq) + "|" + when + "|" +
                                std::to_string(account.value) + "|" + std::string(action) + "|" +
                                std::string(object) + "|" + crypto::to_hex(digest) + "|" +
                                crypto::to_hex(previous);
    const auto mac = crypto::mac(key_, {reinterpret_cast<const unsigned char*>(message.data()), message.size()});
    Statement insert(db_, "INSERT INTO audit_events (seq, at, account_id, action, object, digest, "
                          "mac) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, seq).bind(2, when);
    if (account.valid()) {
        insert.bind(3, account.value);
    } else {
        insert.bind_null(3);
    }
    insert.bind(4, action).bind(5, object).bind_blob(6, digest).bind_blob(7, mac).run();
}

} // namespace punctum::storage
