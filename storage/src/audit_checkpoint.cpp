#include "audit_checkpoint.h"

#include "audit_head_file.h"
#include "crypto.h"
#include "punctum/core/date.h"
#include "signing.h"
#include "sqlite/sql_error.h"

#include <chrono>
#include <sstream>
#include <vector>

namespace punctum::storage {

namespace {

constexpr std::string_view tag = "PNCKPT1";

std::span<const unsigned char> bytes_of(const std::string& text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

bool has_table(Connection& db, std::string_view name) {
    return db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                        std::string(name) + "'") > 0;
}

// The signing keys registered up to `seq`, as a digest: the checkpoint's walk took them in,
// so a row added (or a key swapped) before it since is a forgery the incremental walk would
// otherwise trust.
std::string keys_digest(Connection& db, std::int64_t seq) {
    std::string rows;
    if (has_table(db, "account_keys")) {
        Statement st(db, "SELECT since_seq, account_id, public_key FROM account_keys "
                         "WHERE since_seq <= ? ORDER BY since_seq, account_id");
        st.bind(1, seq);
        while (st.step()) {
            rows += std::to_string(st.int64(0)) + ":" + std::to_string(st.int64(1)) + ":" +
                    crypto::to_hex(st.blob(2)) + ";";
        }
    }
    return crypto::to_hex(crypto::digest(rows));
}

std::int64_t schema_version(Connection& db) {
    return db.query_int("PRAGMA schema_version");
}

// Everything the signature covers but the vault id, which is known to the reader and bound
// into the signed message instead of stored: a checkpoint copied from another vault fails.
struct Fields {
    AuditChainState state;
    std::string keys;
    std::int64_t schema = 0;
    std::string verified_at;
    std::int64_t signer = 0;

    [[nodiscard]] std::string text() const {
        std::string in_force;
        for (const auto& [account, key] : state.in_force) {
            in_force +=
                (in_force.empty() ? "" : ",") + std::to_string(account) + ":" + crypto::to_hex(key);
        }
        std::string must_sign;
        for (const auto account : state.must_sign) {
            must_sign += (must_sign.empty() ? "" : ",") + std::to_string(account);
        }
        return std::string(tag) + "|" + std::to_string(state.seq) + "|" +
               crypto::to_hex(state.mac) + "|" + crypto::to_hex(state.link) + "|" + keys + "|" +
               in_force + "|" + must_sign + "|" + std::to_string(schema) + "|" + verified_at + "|" +
               std::to_string(signer);
    }
};

std::string signed_message(const std::string& vault_id, const std::string& text) {
    return vault_id + "|" + text;
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, by)) {
        parts.push_back(part);
    }
    if (!text.empty() && text.back() == by) {
        parts.emplace_back();
    }
    return parts;
}

std::optional<std::vector<unsigned char>> hex(const std::string& text) {
    auto bytes = crypto::from_hex(text);
    if (!bytes) {
        return std::nullopt;
    }
    return std::vector<unsigned char>(bytes->begin(), bytes->end());
}

// The stored text back into fields and signature; nullopt when it is not one.
std::optional<std::pair<Fields, std::vector<unsigned char>>> parse(const std::string& stored) {
    const auto parts = split(stored, '|');
    if (parts.size() != 11 || parts[0] != tag) {
        return std::nullopt;
    }
    try {
        Fields f;
        f.state.seq = std::stoll(parts[1]);
        auto mac = hex(parts[2]);
        auto link = hex(parts[3]);
        auto sig = hex(parts[10]);
        if (!mac || !link || !sig) {
            return std::nullopt;
        }
        f.state.mac = *mac;
        f.state.link = *link;
        f.keys = parts[4];
        for (const auto& pair : split(parts[5], ',')) {
            const auto colon = pair.find(':');
            auto key = colon == std::string::npos ? std::nullopt : hex(pair.substr(colon + 1));
            if (!key) {
                return std::nullopt;
            }
            f.state.in_force[std::stoll(pair.substr(0, colon))] = *key;
        }
        for (const auto& account : split(parts[6], ',')) {
            f.state.must_sign.insert(std::stoll(account));
        }
        f.schema = std::stoll(parts[7]);
        f.verified_at = parts[8];
        f.signer = std::stoll(parts[9]);
        return std::make_pair(std::move(f), std::move(*sig));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string account_name(Connection& db, std::int64_t account) {
    Statement st(db, "SELECT name FROM accounts WHERE id = ?");
    st.bind(1, account);
    return st.step() ? st.text(0) : "account #" + std::to_string(account);
}

// Any key the history ever registered for the account: keys are never deleted, so a
// checkpoint stays verifiable after a recovery gave its signer a new key, or a removal.
bool signed_by(Connection& db, std::int64_t account, std::span<const unsigned char> message,
               std::span<const unsigned char> signature) {
    if (!has_table(db, "account_keys")) {
        return false;
    }
    Statement st(db, "SELECT public_key FROM account_keys WHERE account_id = ?");
    st.bind(1, account);
    while (st.step()) {
        if (signing::verify(st.blob(0), message, signature)) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string audit_checkpoint_key(core::AccountId account) {
    return "audit_checkpoint:" + std::to_string(account.value);
}

CheckpointRead read_audit_checkpoint(Connection& db, const std::string& vault_id,
                                     core::AccountId reader) {
    CheckpointRead out;
    Statement st(db, "SELECT value FROM vault_meta WHERE key = ?");
    st.bind(1, audit_checkpoint_key(reader));
    if (!st.step()) {
        return out;
    }
    const auto parsed = parse(st.text(0));
    if (!parsed) {
        out.note = "The audit checkpoint kept for you is damaged, so the whole chain was "
                   "verified: someone with the vault's key altered it.";
        return out;
    }
    const auto& [fields, signature] = *parsed;
    out.seq = fields.state.seq;
    out.verified_at = fields.verified_at;
    out.by = account_name(db, fields.signer);
    if (fields.signer != reader.value ||
        !signed_by(db, fields.signer, bytes_of(signed_message(vault_id, fields.text())),
                   signature)) {
        out.note = "The audit checkpoint kept for you at event #" + std::to_string(out.seq) +
                   " is not signed by you, so the whole chain was verified: someone with the "
                   "vault's key forged or altered it.";
        return out;
    }
    if (fields.schema != schema_version(db)) {
        // A migration, or triggers dropped and remade: either way nothing pinned holds.
        out.note = "The vault's structure changed since the audit checkpoint of " +
                   fields.verified_at + ", so the whole chain was verified.";
        return out;
    }
    Statement at(db, "SELECT mac, " +
                         std::string(has_table(db, "account_keys") ? "signature" : "NULL") +
                         " FROM audit_events WHERE seq = ?");
    at.bind(1, fields.state.seq);
    const bool found = fields.state.seq == 0 || at.step();
    const auto mac = fields.state.seq == 0 || !found ? fields.state.mac : at.blob(0);
    const auto link =
        fields.state.seq == 0 || !found ? fields.state.link : (at.is_null(1) ? mac : at.blob(1));
    if (!found || mac != fields.state.mac || link != fields.state.link) {
        out.tampering = "Audit event #" + std::to_string(out.seq) +
                        (found ? " is no longer the one" : " is gone, yet it is the event") +
                        " your signed checkpoint of " + fields.verified_at +
                        " verified: the history up to it was rewritten or cut since.";
        return out;
    }
    if (keys_digest(db, fields.state.seq) != fields.keys) {
        out.tampering = "The signing keys recorded up to audit event #" + std::to_string(out.seq) +
                        " differ from those your signed checkpoint of " + fields.verified_at +
                        " verified: the vault's key records were altered.";
        return out;
    }
    out.from = fields.state;
    return out;
}

void write_audit_checkpoint(Connection& db, const std::string& vault_id, const AuditLog& log,
                            const AuditChainState& at, core::TimePoint now) {
    Fields fields{at, keys_digest(db, at.seq), schema_version(db), core::format_timestamp(now),
                  log.signer().value};
    const std::string text = fields.text();
    const auto signature = log.sign_as_signer(bytes_of(signed_message(vault_id, text)));
    if (!signature) {
        return;
    }
    try {
        Statement st(db, "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)");
        st.bind(1, audit_checkpoint_key(log.signer()))
            .bind(2, text + "|" + crypto::to_hex(*signature))
            .run();
    } catch (const SqlError&) {
        // A vault that cannot be written now verifies in full next time: nothing is lost.
    }
}

AuditReport verify_since_checkpoint(const std::filesystem::path& folder,
                                    const std::string& vault_id, Connection& db, AuditLog& log,
                                    core::AccountId reader, const core::Clock& clock,
                                    const core::Progress& progress) {
    const auto started = std::chrono::steady_clock::now();
    const CheckpointRead checkpoint = read_audit_checkpoint(db, vault_id, reader);
    const bool incremental = checkpoint.from.has_value();
    AuditChainState reached;
    AuditReport report = verify_with_heads(folder, vault_id, log, progress,
                                           incremental ? &*checkpoint.from : nullptr, &reached);
    report.incremental = incremental;
    report.from_seq = incremental ? checkpoint.seq : 0;
    report.checkpoint_at = checkpoint.verified_at;
    report.checkpoint_by = checkpoint.by;
    report.checkpoint_note = checkpoint.note;
    if (!checkpoint.tampering.empty()) {
        // Reported, not quietly re-verified: a whole walk may pass over a history an insider
        // remade with their own keys, which only the checkpoint can tell apart.
        report.message = checkpoint.tampering + (report.ok ? std::string() : " " + report.message);
        if (report.ok) {
            report.first_bad = checkpoint.seq;
        }
        report.ok = false;
    } else if (report.ok && (!incremental || reached.seq > checkpoint.seq)) {
        write_audit_checkpoint(db, vault_id, log, reached, clock.now());
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace punctum::storage
