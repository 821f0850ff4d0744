#include "audit_log.h"

#include "crypto.h"
#include "punctum/core/date.h"
#include "signing.h"
#include "sqlite/sql_error.h"

#include <set>

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

// What a signature covers: the MAC's text (every field and the previous MAC) and the previous
// event's signature (its MAC when it has none). Chaining the signatures means an event cannot
// be removed or replaced without remaking every later signature, including other accounts'.
std::string signed_message(const std::string& mac_text, std::span<const unsigned char> link) {
    return "PNSIG1|" + mac_text + "|" + crypto::to_hex(link);
}

bool signed_schema(Connection& db) {
    return db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'account_keys'") > 0;
}

std::string key_change(std::span<const unsigned char> public_key) {
    return "ed25519:" + crypto::to_hex(public_key);
}

std::string account_object(core::AccountId account) {
    return "account:" + std::to_string(account.value);
}

// The previous event's link for the signature chain: its signature, else its MAC.
std::vector<unsigned char> link_of(Connection& db, std::int64_t seq) {
    if (seq == 0) {
        return std::vector<unsigned char>(32, 0);
    }
    Statement st(db, "SELECT mac, signature FROM audit_events WHERE seq = ?");
    st.bind(1, seq);
    if (!st.step()) {
        return std::vector<unsigned char>(32, 0);
    }
    return st.is_null(1) ? st.blob(0) : st.blob(1);
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

void AuditLog::set_signer(core::AccountId account, SecureBytes secret_key) {
    signer_ = account;
    signer_key_ = std::move(secret_key);
}

void AuditLog::register_key(core::TimePoint at, core::AccountId actor, core::AccountId subject,
                            std::span<const unsigned char> public_key) {
    Statement row(db_, "INSERT INTO account_keys (account_id, since_seq, public_key) "
                       "VALUES (?, ?, ?)");
    row.bind(1, subject.value).bind(2, head().seq + 1).bind_blob(3, public_key).run();
    append(at, actor, "account.signing_key", account_object(subject), key_change(public_key));
}

std::vector<unsigned char> AuditLog::key_in_force(core::AccountId account) {
    Statement st(db_, "SELECT public_key FROM account_keys WHERE account_id = ? "
                      "ORDER BY since_seq DESC LIMIT 1");
    st.bind(1, account.value);
    return st.step() ? st.blob(0) : std::vector<unsigned char>{};
}

void AuditLog::append(core::TimePoint at, core::AccountId account, std::string_view action,
                      std::string_view object, std::string_view change) {
    const AuditHead previous = head();
    const std::int64_t seq = previous.seq + 1;
    const std::vector<unsigned char> previous_mac =
        previous.seq == 0 ? std::vector<unsigned char>(32, 0) : previous.mac;
    const std::string when = core::format_timestamp(at);
    const auto digest = crypto::digest(change);
    const std::string text =
        mac_message(seq, when, account.value, action, object, digest, previous_mac);
    const auto mac = crypto::mac(key_, bytes_of(text));
    const bool signs = account.valid() && account == signer_ && !signer_key_.empty();
    // An unsigned event names no signature column: the schema migrations are tested on
    // databases from before it existed, written through this same log.
    Statement insert(db_, signs ? "INSERT INTO audit_events (seq, at, account_id, action, object, "
                                  "digest, mac, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                : "INSERT INTO audit_events (seq, at, account_id, action, object, "
                                  "digest, mac) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, seq).bind(2, when);
    if (account.valid()) {
        insert.bind(3, account.value);
    } else {
        insert.bind_null(3);
    }
    insert.bind(4, action).bind(5, object).bind_blob(6, digest).bind_blob(7, mac);
    if (signs) {
        insert.bind_blob(
            8,
            signing::sign(signer_key_, bytes_of(signed_message(text, link_of(db_, previous.seq)))));
    }
    insert.run();
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

namespace {

// What the history says about who signs with which key, gathered while walking the chain.
class SignatureCheck {
public:
    explicit SignatureCheck(Connection& db) {
        Statement names(db, "SELECT id, name FROM accounts");
        while (names.step()) {
            names_[names.int64(0)] = names.text(1);
        }
        // A database from before signing (a restore verifies a backup before migrating it)
        // has no signatures to check: its events are all MAC-only.
        if (!signed_schema(db)) {
            return;
        }
        Statement keys(db, "SELECT since_seq, account_id, public_key FROM account_keys");
        while (keys.step()) {
            registered_.emplace(keys.int64(0), Registration{keys.int64(1), keys.blob(2)});
        }
    }

    [[nodiscard]] std::string name(std::int64_t account) const {
        const auto it = names_.find(account);
        return it == names_.end() ? "account #" + std::to_string(account) : "'" + it->second + "'";
    }

    /// Takes in one event; returns a finding, or empty when the event is signed as it must be.
    std::string event(std::int64_t seq, std::int64_t account, const std::string& action,
                      const std::string& object, std::span<const unsigned char> digest,
                      const std::string& mac_text, std::optional<std::vector<unsigned char>> sig,
                      std::span<const unsigned char> link) {
        if (action == "account.signing_key") {
            if (auto finding = take_registration(seq, object, digest); !finding.empty()) {
                return finding;
            }
        } else if (registered_.count(seq) != 0) {
            return "A signing key is recorded as registered at event #" + std::to_string(seq) +
                   ", which registers none: the vault's key records were altered.";
        }
        if (action == "account.add" && sig) {
            // An account added by a signed event signs everything it does from then on.
            if (const auto id = account_of(object)) {
                must_sign_.insert(*id);
            }
        }
        const auto key = in_force_.find(account);
        if (!sig) {
            ++mac_only;
            if (must_sign_.count(account) != 0) {
                return "claims to be by " + name(account) +
                       ", whose events are all signed, but carries no signature: it was "
                       "inserted or altered by someone else";
            }
            return {};
        }
        if (key == in_force_.end()) {
            return "carries a signature, but " + name(account) +
                   " has no signing key in the vault's history: the key records were altered";
        }
        if (!signing::verify(key->second, bytes_of(signed_message(mac_text, link)), *sig)) {
            return "is not signed by " + name(account) +
                   ": it, or an event before it, was altered or forged by someone without " +
                   name(account) + "'s key";
        }
        ++signed_events;
        return {};
    }

    /// Registrations no event accounts for, and slots whose key is not the one in force.
    [[nodiscard]] std::string
    leftovers(const std::map<std::string, std::vector<unsigned char>>& slot_keys) const {
        if (!registered_.empty()) {
            const auto& [seq, reg] = *registered_.begin();
            return "A signing key for " + name(reg.account) + " is recorded at event #" +
                   std::to_string(seq) +
                   ", which is not in the history: the vault's key records were altered.";
        }
        for (const auto& [account_name, key] : slot_keys) {
            for (const auto& [id, n] : names_) {
                if (n != account_name) {
                    continue;
                }
                const auto it = in_force_.find(id);
                if (it != in_force_.end() && it->second != key) {
                    return "The signing key in " + name(id) +
                           "'s key slot is not the one the vault's history registers for "
                           "them: the key file or the history was altered.";
                }
            }
        }
        return {};
    }

    /// Starts from a checkpoint's state: the registrations up to its event were taken in
    /// by the walk that made it (the caller has checked the rows are the ones it saw).
    void seed(const AuditChainState& from) {
        registered_.erase(registered_.begin(), registered_.upper_bound(from.seq));
        in_force_ = from.in_force;
        must_sign_ = from.must_sign;
    }
    void export_to(AuditChainState& out) const {
        out.in_force = in_force_;
        out.must_sign = must_sign_;
    }

    std::int64_t signed_events = 0;
    std::int64_t mac_only = 0;

private:
    struct Registration {
        std::int64_t account;
        std::vector<unsigned char> key;
    };

    static std::optional<std::int64_t> account_of(const std::string& object) {
        constexpr std::string_view prefix = "account:";
        if (object.rfind(prefix, 0) != 0) {
            return std::nullopt;
        }
        try {
            return std::stoll(object.substr(prefix.size()));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

    std::string take_registration(std::int64_t seq, const std::string& object,
                                  std::span<const unsigned char> digest) {
        const auto it = registered_.find(seq);
        const auto subject = account_of(object);
        if (it == registered_.end() || !subject || it->second.account != *subject) {
            return "registers a signing key for " + (subject ? name(*subject) : object) +
                   " that is missing from the vault's key records: they were altered";
        }
        if (crypto::digest(key_change(it->second.key)) !=
            std::vector<unsigned char>(digest.begin(), digest.end())) {
            return "registered a signing key for " + name(*subject) +
                   " other than the one now recorded: the vault's key records were altered";
        }
        in_force_[*subject] = it->second.key;
        must_sign_.insert(*subject);
        registered_.erase(it);
        return {};
    }

    std::map<std::int64_t, std::string> names_;
    std::multimap<std::int64_t, Registration> registered_; // by since_seq
    std::map<std::int64_t, std::vector<unsigned char>> in_force_;
    std::set<std::int64_t> must_sign_;
};

} // namespace

std::optional<std::vector<unsigned char>>
AuditLog::sign_as_signer(std::span<const unsigned char> message) const {
    if (!signer_.valid() || signer_key_.empty()) {
        return std::nullopt;
    }
    return signing::sign(signer_key_, message);
}

AuditReport AuditLog::verify(const std::optional<AuditHead>& expected,
                             const core::Progress& progress,
                             const std::map<std::string, std::vector<unsigned char>>& slot_keys,
                             const AuditChainState* from, AuditChainState* reached) {
    AuditReport report;
    // Reported every few thousand events: often enough for a bar, rare enough to cost nothing.
    constexpr std::int64_t report_every = 4096;
    const std::int64_t start = from != nullptr ? from->seq : 0;
    const std::string after = " FROM audit_events WHERE seq > " + std::to_string(start);
    const std::int64_t total = progress ? db_.query_int("SELECT count(*)" + after) : 0;
    SignatureCheck signatures(db_);
    Statement st(db_, std::string("SELECT seq, at, account_id, action, object, digest, mac, ") +
                          (signed_schema(db_) ? "signature" : "NULL") + after + " ORDER BY seq");
    std::vector<unsigned char> previous(32, 0);
    std::vector<unsigned char> link(32, 0);
    if (from != nullptr) {
        signatures.seed(*from);
        previous = from->mac;
        link = from->link;
    }
    std::int64_t expected_seq = start + 1;
    auto fail_at = [&](std::int64_t seq, const std::string& what) {
        report.ok = false;
        report.first_bad = seq;
        report.message = what;
    };
    auto finish = [&] {
        report.signed_events = signatures.signed_events;
        report.mac_only_events = signatures.mac_only;
        return report;
    };
    while (st.step()) {
        const std::int64_t seq = st.int64(0);
        const std::string at = st.text(1);
        const std::int64_t account = st.is_null(2) ? 0 : st.int64(2);
        const std::string action = st.text(3);
        const std::string object = st.text(4);
        const std::string name =
            "event #" + std::to_string(seq) + " (" + action + " " + object + " at " + at + ")";
        if (seq != expected_seq) {
            fail_at(expected_seq, "Audit event #" + std::to_string(expected_seq) +
                                      " is missing: the history was cut.");
            return finish();
        }
        const auto digest = st.blob(5);
        const std::string text = mac_message(seq, at, account, action, object, digest, previous);
        const auto mac = crypto::mac(key_, bytes_of(text));
        if (mac != st.blob(6)) {
            fail_at(seq,
                    "Audit " + name + " does not verify: it or the event before it was altered.");
            return finish();
        }
        std::optional<std::vector<unsigned char>> signature;
        if (!st.is_null(7)) {
            signature = st.blob(7);
        }
        if (auto finding =
                signatures.event(seq, account, action, object, digest, text, signature, link);
            !finding.empty()) {
            fail_at(seq, "Audit " + name + " " + finding + ".");
            return finish();
        }
        previous = st.blob(6);
        link = signature ? *signature : previous;
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
    if (auto finding = signatures.leftovers(slot_keys); !finding.empty()) {
        fail_at(expected_seq - 1, finding);
        return finish();
    }
    // The last seq, not the count: an incremental walk counts only the events it checked.
    const std::int64_t last = expected_seq - 1;
    if (expected && expected->seq > 0) {
        if (last < expected->seq) {
            fail_at(last + 1, "The vault's history ends at event #" + std::to_string(last) +
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
    if (report.ok && reached != nullptr) {
        reached->seq = last;
        reached->mac = previous;
        reached->link = link;
        signatures.export_to(*reached);
    }
    return finish();
}

} // namespace punctum::storage
