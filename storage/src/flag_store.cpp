#include "punctum/storage/flag_store.h"

#include "guard.h"
#include "vault_context.h"

#include <array>

namespace punctum::storage {

namespace {

constexpr std::array<std::string_view, 4> state_names{"open", "acknowledged", "resolved",
                                                      "dismissed"};

// Severity as a number, so SQL can put the most urgent first.
constexpr const char* severity_rank =
    "CASE f.severity WHEN 'urgent' THEN 0 WHEN 'watch' THEN 1 ELSE 2 END";

constexpr const char* flag_columns =
    "SELECT f.id, f.session_id, s.client_id, c.display_name, s.treated_on, f.entry_id, "
    "f.rule_id, f.severity, f.symptom, f.day, f.message, f.source, p.profile_key, p.version, "
    "f.state, f.raised_at, f.state_changed_at, a.display_name, f.reason "
    "FROM flags f JOIN sessions s ON s.id = f.session_id "
    "JOIN clients c ON c.id = s.client_id "
    "LEFT JOIN norms_profiles p ON p.id = f.norms_profile_id "
    "LEFT JOIN accounts a ON a.id = f.state_changed_by ";

StoredFlag read_flag(const Statement& st) {
    StoredFlag f;
    f.id = st.int64(0);
    f.session_id = core::SessionId{st.int64(1)};
    f.client_id = core::ClientId{st.int64(2)};
    f.client_name = st.text(3);
    f.treated_on = core::parse_date(st.text(4)).value_or(core::Date{});
    f.entry_id = core::EntryId{st.is_null(5) ? 0 : st.int64(5)};
    f.flag.rule_id = st.text(6);
    f.flag.severity = core::severity_from_string(st.text(7)).value_or(core::Severity::info);
    f.flag.symptom = st.text(8);
    f.flag.day = st.integer(9);
    f.flag.message = st.text(10);
    f.flag.source = st.text(11);
    f.flag.profile_id = st.optional_text(12).value_or("");
    f.flag.profile_version = st.optional_text(13).value_or("");
    f.state = flag_state_from_string(st.text(14)).value_or(FlagState::open);
    f.raised_at = core::parse_timestamp(st.text(15)).value_or(core::TimePoint{});
    if (auto at = st.optional_text(16)) {
        f.changed_at = core::parse_timestamp(*at);
    }
    f.changed_by = st.optional_text(17).value_or("");
    f.reason = st.text(18);
    return f;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

std::string_view to_string(FlagState state) {
    return state_names.at(static_cast<std::size_t>(state));
}

std::optional<FlagState> flag_state_from_string(std::string_view text) {
    for (std::size_t i = 0; i < state_names.size(); ++i) {
        if (state_names.at(i) == text) {
            return static_cast<FlagState>(i);
        }
    }
    return std::nullopt;
}

StorageResult<std::vector<StoredFlag>> FlagStore::of_session(core::SessionId id) {
    return guard([&]() -> StorageResult<std::vector<StoredFlag>> {
        Statement st(*ctx_.db,
                     std::string(flag_columns) + "WHERE f.session_id = ? ORDER BY f.day, f.id");
        st.bind(1, id.value);
        std::vector<StoredFlag> out;
        while (st.step()) {
            out.push_back(read_flag(st));
        }
        return out;
    });
}

StorageResult<std::vector<StoredFlag>> FlagStore::needing_attention(int limit, int offset) {
    return guard([&]() -> StorageResult<std::vector<StoredFlag>> {
        Statement st(*ctx_.db, std::string(flag_columns) +
                                   "WHERE f.state IN ('open', 'acknowledged') ORDER BY " +
                                   severity_rank +
                                   ", f.state = 'acknowledged', f.raised_at, f.id "
                                   "LIMIT ? OFFSET ?");
        st.bind(1, limit).bind(2, offset);
        std::vector<StoredFlag> out;
        while (st.step()) {
            out.push_back(read_flag(st));
        }
        return out;
    });
}

StorageResult<std::int64_t> FlagStore::count_needing_attention() {
    return guard([&]() -> StorageResult<std::int64_t> {
        return ctx_.db->query_int(
            "SELECT count(*) FROM flags WHERE state IN ('open', 'acknowledged')");
    });
}

StorageResult<StoredFlag> FlagStore::get(std::int64_t id) {
    return guard([&]() -> StorageResult<StoredFlag> {
        Statement st(*ctx_.db, std::string(flag_columns) + "WHERE f.id = ?");
        st.bind(1, id);
        if (!st.step()) {
            return fail(StorageErrc::not_found,
                        "There is no flag " + std::to_string(id) + " in this vault.");
        }
        return read_flag(st);
    });
}

StorageResult<std::vector<FlagEvent>> FlagStore::history(std::int64_t id) {
    return guard([&]() -> StorageResult<std::vector<FlagEvent>> {
        Statement st(*ctx_.db, "SELECT e.state, e.at, a.display_name, e.reason FROM flag_events e "
                               "LEFT JOIN accounts a ON a.id = e.account_id WHERE e.flag_id = ? "
                               "ORDER BY e.id");
        st.bind(1, id);
        std::vector<FlagEvent> out;
        while (st.step()) {
            out.push_back({flag_state_from_string(st.text(0)).value_or(FlagState::open),
                           core::parse_timestamp(st.text(1)).value_or(core::TimePoint{}),
                           st.optional_text(2).value_or(""), st.text(3)});
        }
        return out;
    });
}

StorageResult<void> FlagStore::acknowledge(std::int64_t id) {
    return move(id, FlagState::acknowledged, {});
}

StorageResult<void> FlagStore::resolve(std::int64_t id, std::string_view note) {
    return move(id, FlagState::resolved, note);
}

StorageResult<void> FlagStore::dismiss(std::int64_t id, std::string_view reason) {
    if (is_blank(reason)) {
        return fail(StorageErrc::invalid_input,
                    "Say why this flag is dismissed; the reason is kept with the record.");
    }
    return move(id, FlagState::dismissed, reason);
}

StorageResult<void> FlagStore::move(std::int64_t id, FlagState to, std::string_view reason) {
    // Acknowledging is a note that someone has seen it; settling a flag is a clinical
    // judgement, which a reviewer (read-only) may not make.
    const auto action =
        to == FlagState::acknowledged ? core::Action::annotate : core::Action::settle_flags;
    if (auto allowed = ctx_.require(action); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<void> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement current(db, "SELECT state FROM flags WHERE id = ?");
        current.bind(1, id);
        if (!current.step()) {
            return fail(StorageErrc::not_found,
                        "There is no flag " + std::to_string(id) + " in this vault.");
        }
        const auto from = flag_state_from_string(current.text(0)).value_or(FlagState::open);
        const bool allowed_move = (from == FlagState::open && to != FlagState::open) ||
                                  (from == FlagState::acknowledged &&
                                   (to == FlagState::resolved || to == FlagState::dismissed));
        if (!allowed_move) {
            return fail(StorageErrc::invalid_input,
                        "This flag is already " + std::string(to_string(from)) +
                            "; it cannot become " + std::string(to_string(to)) + ".");
        }
        const auto now = core::format_timestamp(ctx_.clock.now());
        Statement update(db, "UPDATE flags SET state = ?, state_changed_at = ?, "
                             "state_changed_by = ?, reason = ? WHERE id = ?");
        update.bind(1, to_string(to))
            .bind(2, now)
            .bind(3, ctx_.account.id.value)
            .bind(4, reason)
            .bind(5, id)
            .run();
        Statement event(db, "INSERT INTO flag_events (flag_id, state, at, account_id, reason) "
                            "VALUES (?, ?, ?, ?, ?)");
        event.bind(1, id)
            .bind(2, to_string(to))
            .bind(3, now)
            .bind(4, ctx_.account.id.value)
            .bind(5, reason)
            .run();
        ctx_.record("flag." + std::string(to_string(to)), "flag:" + std::to_string(id),
                    std::string(to_string(from)) + "->" + std::string(to_string(to)) + "|" +
                        std::string(reason));
        tx.commit();
        ctx_.committed();
        return {};
    });
}

} // namespace punctum::storage
