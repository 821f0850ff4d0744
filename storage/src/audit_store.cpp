#include "punctum/storage/audit_store.h"

#include "audit_checkpoint.h"
#include "audit_head_file.h"
#include "guard.h"
#include "vault_context.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <iterator>

namespace punctum::storage {

namespace {

// Every action storage records (grep `record(` and `append(` in storage/src). The audit
// store tests check that a vault which has seen each kind of write holds no other.
constexpr auto actions = std::to_array<std::string_view>({
    "account.add",         "account.passphrase", "account.recover",    "account.remove",
    "client.add",          "consent.set",        "entry.add",          "flag.acknowledged",
    "flag.dismissed",      "flag.raise",         "flag.resolved",      "norms.adopt",
    "photo.add",           "photo.analyze",      "photo.export",       "review_note.add",
    "screening.add",       "screening.attach",   "screening.override", "session.add",
    "setting.change",      "vault.backup",       "vault.create",       "vault.export_plaintext",
    "vault.restore",       "vault.reveal_key",   "vault.rotate_key",   "client.history",
    "account.signing_key", "vault.recovery_key", "outcomes.recompute", "review.signoff",
    "review.return",       "review.addressed",   "report.pdf",         "export.csv",
    "export.fhir",         "exchange.identity",  "exchange.careplan",  "exchange.open",
    "exchange.report",     "exchange.import",
}); // sized by its list: a count kept by hand would pad with empty actions

// The client an object belongs to, from its "kind:id" text; evaluated only for the rows a
// page returns (the rows come in seq order, so SQLite stops after LIMIT).
constexpr std::string_view client_of_object = R"sql(
CASE substr(e.object, 1, instr(e.object, ':') - 1)
  WHEN 'client' THEN CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER)
  WHEN 'session' THEN (SELECT client_id FROM sessions
                       WHERE id = CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER))
  WHEN 'entry' THEN (SELECT s.client_id FROM recovery_entries r JOIN sessions s ON s.id = r.session_id
                     WHERE r.id = CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER))
  WHEN 'flag' THEN (SELECT s.client_id FROM flags f JOIN sessions s ON s.id = f.session_id
                    WHERE f.id = CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER))
  WHEN 'photo' THEN (SELECT client_id FROM photos
                     WHERE id = CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER))
  WHEN 'screening' THEN (SELECT client_id FROM screenings
                         WHERE id = CAST(substr(e.object, instr(e.object, ':') + 1) AS INTEGER))
END)sql";

// Every object text that belongs to client ?5: matched through the audit_by_object index.
constexpr std::string_view objects_of_client = R"sql(
e.object IN (SELECT 'client:' || ?5
  UNION ALL SELECT 'session:' || id FROM sessions WHERE client_id = ?5
  UNION ALL SELECT 'entry:' || r.id FROM recovery_entries r JOIN sessions s ON s.id = r.session_id
            WHERE s.client_id = ?5
  UNION ALL SELECT 'flag:' || f.id FROM flags f JOIN sessions s ON s.id = f.session_id
            WHERE s.client_id = ?5
  UNION ALL SELECT 'photo:' || id FROM photos WHERE client_id = ?5
  UNION ALL SELECT 'screening:' || id FROM screenings WHERE client_id = ?5))sql";

// The known actions of a family ("flag" -> flag.acknowledged, flag.dismissed, ...); empty
// for an exact action ("flag.raise") or a family we do not know.
std::vector<std::string> family_members(const std::string& action) {
    std::vector<std::string> out;
    if (action.find('.') == std::string::npos) {
        for (const auto known : actions) {
            if (known.starts_with(action + ".")) {
                out.emplace_back(known);
            }
        }
    }
    return out;
}

// The WHERE clause for a filter; parameters ?1..?5 are bound by bind_filter.
std::string where(const AuditFilter& filter) {
    std::string sql = " WHERE 1";
    if (!filter.account.empty()) {
        sql += " AND a.name = ?1";
    }
    if (!filter.action.empty()) {
        // Exact: an equality the audit_by_action index serves in seq order. Otherwise a
        // family we do not know, by pattern (known families are split up by the callers).
        sql += filter.action.find('.') != std::string::npos ? " AND e.action = ?2"
                                                            : " AND e.action LIKE ?2 || '.%'";
    }
    if (filter.from) {
        sql += " AND e.at >= ?3";
    }
    if (filter.to) {
        sql += " AND e.at < ?4";
    }
    if (filter.client.valid()) {
        sql += " AND ";
        sql += objects_of_client;
    }
    return sql;
}

void bind_filter(Statement& st, const AuditFilter& filter) {
    if (!filter.account.empty()) {
        st.bind(1, filter.account);
    }
    if (!filter.action.empty()) {
        st.bind(2, filter.action);
    }
    if (filter.from) {
        st.bind(3, core::format_date(*filter.from));
    }
    if (filter.to) {
        // Timestamps are "YYYY-MM-DDTHH:MM:SSZ": before the next day's date sorts after
        // every time of the last day.
        const auto next = core::Date{std::chrono::sys_days{*filter.to} + std::chrono::days{1}};
        st.bind(4, core::format_date(next));
    }
    if (filter.client.valid()) {
        st.bind(5, filter.client.value);
    }
}

} // namespace

std::span<const std::string_view> AuditStore::known_actions() {
    return actions;
}

StorageResult<std::vector<AuditEvent>> AuditStore::events(const AuditFilter& filter, int limit,
                                                          int offset) {
    if (auto allowed = ctx_.require(core::Action::read_audit); !allowed) {
        return allowed.failure();
    }
    if (const auto members = family_members(filter.action); !members.empty()) {
        // A family: each member's newest events through the action index, merged by seq.
        // One query over "action IN (...)" would sort every match of the family first.
        std::vector<AuditEvent> merged;
        for (const auto& member : members) {
            AuditFilter one = filter;
            one.action = member;
            auto page = events(one, limit + offset, 0);
            if (!page) {
                return page.failure();
            }
            merged.insert(merged.end(), std::make_move_iterator(page->begin()),
                          std::make_move_iterator(page->end()));
        }
        std::sort(merged.begin(), merged.end(),
                  [](const auto& a, const auto& b) { return a.seq > b.seq; });
        const auto first = std::min(merged.size(), static_cast<std::size_t>(offset));
        const auto last = std::min(merged.size(), first + static_cast<std::size_t>(limit));
        return std::vector<AuditEvent>(
            std::make_move_iterator(merged.begin() + static_cast<std::ptrdiff_t>(first)),
            std::make_move_iterator(merged.begin() + static_cast<std::ptrdiff_t>(last)));
    }
    return guard([&]() -> StorageResult<std::vector<AuditEvent>> {
        const std::string sql =
            "SELECT e.seq, e.at, coalesce(a.name, ''), coalesce(a.display_name, ''), e.action, "
            "e.object, c.id, coalesce(c.display_name, '') FROM audit_events e "
            "LEFT JOIN accounts a ON a.id = e.account_id "
            "LEFT JOIN clients c ON c.id = (" +
            std::string(client_of_object) + ")" + where(filter) +
            " ORDER BY e.seq DESC LIMIT ?6 OFFSET ?7";
        Statement st(*ctx_.db, sql);
        bind_filter(st, filter);
        st.bind(6, limit);
        st.bind(7, offset);
        std::vector<AuditEvent> out;
        while (st.step()) {
            AuditEvent e;
            e.seq = st.int64(0);
            e.at = core::parse_timestamp(st.text(1)).value_or(core::TimePoint{});
            e.account = st.text(2);
            e.account_display_name = st.text(3);
            e.action = st.text(4);
            e.object = st.text(5);
            e.client_id = core::ClientId{st.is_null(6) ? 0 : st.int64(6)};
            e.client_name = st.text(7);
            out.push_back(std::move(e));
        }
        return out;
    });
}

StorageResult<std::int64_t> AuditStore::count(const AuditFilter& filter) {
    if (auto allowed = ctx_.require(core::Action::read_audit); !allowed) {
        return allowed.failure();
    }
    if (const auto members = family_members(filter.action); !members.empty()) {
        std::int64_t total = 0;
        for (const auto& member : members) {
            AuditFilter one = filter;
            one.action = member;
            auto n = count(one);
            if (!n) {
                return n.failure();
            }
            total += *n;
        }
        return total;
    }
    return guard([&]() -> StorageResult<std::int64_t> {
        Statement st(*ctx_.db, "SELECT count(*) FROM audit_events e "
                               "LEFT JOIN accounts a ON a.id = e.account_id" +
                                   where(filter));
        bind_filter(st, filter);
        return st.step() ? st.int64(0) : 0;
    });
}

StorageResult<AuditReport> AuditStore::verify(const core::Progress& progress, AuditScope scope) {
    if (auto allowed = ctx_.require(core::Action::read_audit); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<AuditReport> {
        if (scope == AuditScope::since_checkpoint) {
            return verify_since_checkpoint(ctx_.folder, ctx_.keys.vault_id, *ctx_.db, *ctx_.audit,
                                           ctx_.account.id, ctx_.clock, progress);
        }
        const auto started = std::chrono::steady_clock::now();
        auto report = verify_with_heads(ctx_.folder, ctx_.keys.vault_id, *ctx_.audit, progress);
        report.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return report;
    });
}

} // namespace punctum::storage
