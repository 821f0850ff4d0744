#include "punctum/storage/review_store.h"

#include "guard.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

// Per-session figures as scalar subqueries: SQLite evaluates them only for the rows a page
// returns, through the flags' (session_id, ...) and the entries' (session_id, ...) indexes.
constexpr std::string_view session_columns = R"sql(
SELECT s.id, s.client_id, c.display_name, s.treated_on, s.device,
  (SELECT count(*) FROM recovery_entries r WHERE r.session_id = s.id),
  (SELECT CAST(julianday(max(r.observed_on)) - julianday(s.treated_on) AS INTEGER)
     FROM recovery_entries r WHERE r.session_id = s.id),
  (SELECT count(*) FROM flags f WHERE f.session_id = s.id AND f.severity = 'urgent'),
  (SELECT count(*) FROM flags f WHERE f.session_id = s.id AND f.severity = 'watch'),
  (SELECT count(*) FROM flags f WHERE f.session_id = s.id AND f.severity = 'info'),
  (SELECT count(*) FROM flags f WHERE f.session_id = s.id
     AND f.state IN ('open', 'acknowledged')),
  (SELECT count(*) FROM flags f WHERE f.session_id = s.id
     AND f.state IN ('resolved', 'dismissed')),
  (SELECT o.state FROM session_signoffs o WHERE o.session_id = s.id ORDER BY o.id DESC LIMIT 1),
  s.practitioner_id
FROM sessions s JOIN clients c ON c.id = s.client_id)sql";

// The WHERE clause for a filter; parameters ?1..?3 are bound by bind_filter.
std::string where(const ReviewFilter& filter) {
    std::string sql = " WHERE 1";
    if (filter.client.valid()) {
        sql += " AND s.client_id = ?1";
    }
    if (filter.from) {
        sql += " AND s.treated_on >= ?2";
    }
    if (filter.to) {
        sql += " AND s.treated_on <= ?3";
    }
    if (filter.with_flags_only) {
        sql += " AND EXISTS (SELECT 1 FROM flags f WHERE f.session_id = s.id)";
    }
    if (filter.open_flags_only) {
        sql += " AND EXISTS (SELECT 1 FROM flags f WHERE f.session_id = s.id "
               "AND f.state IN ('open', 'acknowledged'))";
    }
    return sql;
}

void bind_filter(Statement& st, const ReviewFilter& filter) {
    if (filter.client.valid()) {
        st.bind(1, filter.client.value);
    }
    if (filter.from) {
        st.bind(2, core::format_date(*filter.from));
    }
    if (filter.to) {
        st.bind(3, core::format_date(*filter.to));
    }
}

} // namespace

StorageResult<std::vector<SessionReview>> ReviewStore::sessions(const ReviewFilter& filter,
                                                                int limit, int offset) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<SessionReview>> {
        Statement st(*ctx_.db, std::string(session_columns) + where(filter) +
                                   " ORDER BY s.treated_on DESC, s.id DESC LIMIT ?4 OFFSET ?5");
        bind_filter(st, filter);
        st.bind(4, limit);
        st.bind(5, offset);
        std::vector<SessionReview> out;
        while (st.step()) {
            SessionReview r;
            r.session_id = core::SessionId{st.int64(0)};
            r.client_id = core::ClientId{st.int64(1)};
            r.client_name = st.text(2);
            r.treated_on = core::parse_date(st.text(3)).value_or(core::Date{});
            r.device = st.text(4);
            r.entries = st.integer(5);
            r.last_day_logged = st.optional_int(6);
            r.urgent = st.integer(7);
            r.watch = st.integer(8);
            r.info = st.integer(9);
            r.open = st.integer(10);
            r.closed = st.integer(11);
            r.outcome = core::classify_outcome({r.entries, r.urgent, r.watch});
            if (auto state = st.optional_text(12)) {
                r.sign_off = sign_off_state_from_string(*state);
            }
            r.practitioner_id = core::AccountId{st.int64(13)};
            out.push_back(std::move(r));
        }
        return out;
    });
}

StorageResult<std::int64_t> ReviewStore::count(const ReviewFilter& filter) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::int64_t> {
        Statement st(*ctx_.db, "SELECT count(*) FROM sessions s" + where(filter));
        bind_filter(st, filter);
        return st.step() ? st.int64(0) : 0;
    });
}

StorageResult<std::vector<std::pair<core::SessionId, core::Severity>>>
ReviewStore::worst_open_severity(core::ClientId client) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<std::pair<core::SessionId, core::Severity>>> {
        Statement st(*ctx_.db, "SELECT f.session_id, max(CASE f.severity WHEN 'urgent' THEN 2 "
                               "WHEN 'watch' THEN 1 ELSE 0 END) FROM flags f "
                               "JOIN sessions s ON s.id = f.session_id WHERE s.client_id = ? "
                               "AND f.state IN ('open', 'acknowledged') GROUP BY f.session_id "
                               "ORDER BY f.session_id");
        st.bind(1, client.value);
        std::vector<std::pair<core::SessionId, core::Severity>> out;
        while (st.step()) {
            const int rank = st.integer(1);
            out.emplace_back(core::SessionId{st.int64(0)}, rank == 2   ? core::Severity::urgent
                                                           : rank == 1 ? core::Severity::watch
                                                                       : core::Severity::info);
        }
        return out;
    });
}

} // namespace punctum::storage
