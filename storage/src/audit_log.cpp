#include "audit_log.h"

#include "crypto.h"
#include "punctum/core/date.h"
#include "sqlite/sql_error.h"

namespace punctum::storage {

namespace {

constexpr char audit_context[9] = "PNAUDIT1";

// The text each MAC covers: every stored field and the previous event's MAC.
std::string mac_message(std::int64_t seq, std::string_view at, std::int64_t account,
                        std::string_view action, std::string_view object,
                        std::span<const unsigned char> digest,
                        std::span<const unsigned char> previous) {
    return std::to_string(seq) + "|" + std::string(at) + "|" + std::to_string(account) + "|" +
           std::string(action) + "|" + std::string(object) + "|" + crypto::to_hex(digest) + "|" +
           crypto::to_hex(previous);
}

std::span<const unsigned char> bytes_of(const std::string& text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

} // namespace

void AuditLog::install_key(Connection& db, const SecureBytes& data_key) {
    const SecureBytes key = crypto::subkey(data_key, 1, audit_context);
    Statement st(db, "INSERT INTO vault_meta (key, value) VALUES ('audit_key', ?)");
    st.bind(1, crypto::to_hex(key.bytes())).run();
}

SecureBytes AuditLog::load_key(Connection& db) {
    Statement st(db, "SELECT value FROM vault_meta WHERE key = 'audit_key'");
    if (!st.step()) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "The vault has no audit key, so its history cannot be verified. Restore a "
                       "backup.");
    }
    auto bytes = crypto::from_hex(st.text(0));
    if (!bytes || bytes->size() != 32) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "The vault's audit key is damaged. Restore a backup.");
    }
    SecureBytes key(bytes->size());
    std::copy(bytes->begin(), bytes->end(), key.data());
    wipe(bytes->data(), bytes->size());
    return key;
}

void AuditLog::append(core::TimePoint at, core::AccountId account, std::string_view action,
                      std::string_view object, std::string_view change) {
    const AuditHead previous = head();
    const std::int64_t seq = previous.seq + 1;
    const std::vector<unsigned char> previous_mac =
        previous.seq == 0 ? std::vector<unsigned char>(32, 0) : previous.mac;
    const std::string when = core::format_timestamp(at);
    const auto digest = crypto::digest(change);
    const auto mac = crypto::mac(key_, bytes_of(mac_message(seq, when, account.value, action,
                                                            object, digest, previous_mac)));
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

bool AuditLog::reaches(const AuditHead& head) {
    if (head.seq == 0) {
        return true;
    }
    Statement st(db_, "SELECT mac FROM audit_events WHERE seq = ?");
    st.bind(1, head.seq);
    return st.step() && st.blob(0) == head.mac;
}

AuditHead AuditLog::head() {
    Statement st(db_, "SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1");
    if (!st.step()) {
        return {};
    }
    return {st.int64(0), st.blob(1)};
}

std::vector<unsigned char> AuditLog::tag(const AuditHead& h) const {
    return crypto::mac(key_,
                       bytes_of("head|" + std::to_string(h.seq) + "|" + crypto::to_hex(h.mac)));
}

AuditReport AuditLog::verify(const std::optional<AuditHead>& expected,
                             const core::Progress& progress) {
    AuditReport report;
    // Reported every few thousand events: often enough for a bar, rare enough to cost nothing.
    constexpr std::int64_t report_every = 4096;
    const std::int64_t total = progress ? db_.query_int("SELECT count(*) FROM audit_events") : 0;
    Statement st(db_, "SELECT seq, at, account_id, action, object, digest, mac FROM audit_events "
                      "ORDER BY seq");
    std::vector<unsigned char> previous(32, 0);
    std::int64_t expected_seq = 1;
    auto fail_at = [&](std::int64_t seq, const std::string& what) {
        report.ok = false;
        report.first_bad = seq;
        report.message = what;
    };
    while (st.step()) {
        const std::int64_t seq = st.int64(0);
        const std::string at = st.text(1);
        const std::string action = st.text(3);
        const std::string object = st.text(4);
        const std::string name =
            "event #" + std::to_string(seq) + " (" + action + " " + object + " at " + at + ")";
        if (seq != expected_seq) {
            fail_at(expected_seq, "Audit event #" + std::to_string(expected_seq) +
                                      " is missing: the history was cut.");
            return report;
        }
        const auto mac =
            crypto::mac(key_, bytes_of(mac_message(seq, at, st.is_null(2) ? 0 : st.int64(2), action,
                                                   object, st.blob(5), previous)));
        if (mac != st.blob(6)) {
            fail_at(seq,
                    "Audit " + name + " does not verify: it or the event before it was altered.");
            return report;
        }
        previous = st.blob(6);
        ++report.events;
        ++expected_seq;
        if (report.events % report_every == 0 && !core::report(progress, report.events, total)) {
            throw SqlError(StorageErrc::cancelled, 0,
                           "Stopped verifying the audit trail after " +
                               std::to_string(report.events) + " of " + std::to_string(total) +
                               " events, as asked. Nothing was changed.");
        }
    }
    (void)core::report(progress, report.events, total);
    if (expected && expected->seq > 0) {
        if (report.events < expected->seq) {
            fail_at(report.events + 1,
                    "The vault's history ends at event #" + std::to_string(report.events) +
                        " but the audit head kept beside it records #" +
                        std::to_string(expected->seq) +
                        ": the vault was truncated or replaced by an older copy.");
        } else {
            Statement at_head(db_, "SELECT mac FROM audit_events WHERE seq = ?");
            at_head.bind(1, expected->seq);
            if (!at_head.step() || at_head.blob(0) != expected->mac) {
                fail_at(expected->seq, "Audit event #" + std::to_string(expected->seq) +
                                           " differs from the head kept beside the vault: the "
                                           "vault was replaced by another copy.");
            }
        }
    }
    return report;
}

} // namespace punctum::storage
