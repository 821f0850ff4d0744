#include "punctum/storage/screening_store.h"

#include "guard.h"
#include "norms_in_force.h"
#include "punctum/core/screening/screening_json.h"
#include "punctum/core/screening/treatment_gate.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

constexpr const char* screening_columns =
    "SELECT s.id, s.client_id, s.session_id, s.input, s.reasons, s.override_justification, "
    "o.display_name, s.created_at, c.display_name, s.history_confirmed FROM screenings s "
    "LEFT JOIN accounts o ON o.id = s.overridden_by "
    "LEFT JOIN accounts c ON c.id = s.created_by ";

// Both JSON columns were written by core from checked values; failing to read them back
// means the row was altered outside Punctum.
StoredScreening read_screening(const Statement& st) {
    StoredScreening s;
    s.id = st.int64(0);
    s.client_id = core::ClientId{st.int64(1)};
    s.session_id = core::SessionId{st.is_null(2) ? 0 : st.int64(2)};
    auto input = core::parse_screening_input(st.text(3));
    auto result = core::parse_screening_result(st.text(4));
    if (!input || !result) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "Screening " + std::to_string(s.id) +
                           " no longer reads; run `punctum-cli vault check`.");
    }
    s.input = std::move(input).value();
    s.result = std::move(result).value();
    s.override_justification = st.optional_text(5);
    s.overridden_by = st.optional_text(6).value_or("");
    s.created_at = core::parse_timestamp(st.text(7)).value_or(core::TimePoint{});
    s.created_by = st.optional_text(8).value_or("");
    s.history_confirmed = st.integer(9) == 1;
    return s;
}

bool client_exists(Connection& db, core::ClientId id) {
    Statement st(db, "SELECT 1 FROM clients WHERE id = ?");
    st.bind(1, id.value);
    return st.step();
}

// The interval since the client's last microneedling comes from the vault's own history when
// it has one: its latest session before the screening day replaces an earlier date given
// (or none), and the input records that the vault supplied it. A later date given is kept:
// the client may have been treated elsewhere since.
core::ScreeningInput with_vault_history(Connection& db, core::ClientId client,
                                        core::ScreeningInput input) {
    input.recent_from_vault.clear(); // only the vault says what came from the vault
    if (!input.date.ok()) {
        return input; // screen() refuses it, naming the date
    }
    Statement st(db, "SELECT max(treated_on) FROM sessions WHERE client_id = ? AND treated_on < ?");
    st.bind(1, client.value).bind(2, core::format_date(input.date));
    st.step();
    const auto text = st.optional_text(0);
    const auto last = text ? core::parse_date(*text) : std::nullopt;
    if (!last) {
        return input;
    }
    const auto given = input.recent.find("microneedling");
    if (given == input.recent.end() || core::days_between(given->second, *last) > 0) {
        input.recent["microneedling"] = *last;
        input.recent_from_vault.emplace_back("microneedling");
    }
    return input;
}

} // namespace

StorageResult<StoredScreening> ScreeningStore::record(core::ClientId client,
                                                      const core::ScreeningInput& given) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    auto id = guard([&]() -> StorageResult<std::int64_t> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        if (!client_exists(db, client)) {
            return fail(StorageErrc::not_found, "That client is not in this vault.");
        }
        const auto input = with_vault_history(db, client, given);
        const auto norms = detail::norms_in_force(ctx_);
        auto result = core::screen(input, *norms.profile);
        if (!result) {
            return fail(StorageErrc::invalid_input, result.error().message);
        }
        const auto input_json = core::screening_input_json(input);
        const auto result_json = core::screening_result_json(*result);
        const auto now = core::format_timestamp(ctx_.clock.now());
        Statement st(db, "INSERT INTO screenings (client_id, screened_on, depth_mm, input, "
                         "verdict, earliest_date, reasons, norms_profile_id, created_at, "
                         "created_by, history_confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, client.value).bind(2, core::format_date(input.date));
        if (input.depth_mm) {
            st.bind(3, *input.depth_mm);
        } else {
            st.bind_null(3);
        }
        st.bind(4, input_json).bind(5, core::to_string(result->verdict));
        if (result->earliest_date) {
            st.bind(6, core::format_date(*result->earliest_date));
        } else {
            st.bind_null(6);
        }
        st.bind(7, result_json)
            .bind(8, norms.row)
            .bind(9, now)
            .bind(10, ctx_.account.id.value)
            .bind(11, input.history_confirmed ? 1 : 0)
            .run();
        const auto row = db.last_insert_id();
        ctx_.record("screening.add", "screening:" + std::to_string(row),
                    std::to_string(client.value) + "|" + input_json + "|" +
                        std::string(core::to_string(result->verdict)));
        tx.commit();
        ctx_.committed();
        return row;
    });
    if (!id) {
        return id.failure();
    }
    return get(*id);
}

StorageResult<void> ScreeningStore::override_verdict(std::int64_t screening,
                                                     std::string_view justification) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (justification.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return fail(StorageErrc::invalid_input,
                    "An override needs a written justification: say why treating is safe.");
    }
    auto current = get(screening);
    if (!current) {
        return current.failure();
    }
    if (current->override_justification) {
        return fail(StorageErrc::invalid_input, "This screening has already been overridden.");
    }
    // Who may override what is clinical policy (core/screening/treatment_gate.h): a refer or
    // decline needs an admin, an absolute contraindication no one.
    if (auto allowed = core::may_override(current->result, ctx_.account.role); !allowed) {
        return fail(current->result.verdict <= core::Outcome::caution ? StorageErrc::invalid_input
                                                                      : StorageErrc::forbidden,
                    allowed.error().message);
    }
    return guard([&]() -> StorageResult<void> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement st(db, "UPDATE screenings SET override_justification = ?, overridden_by = ? "
                         "WHERE id = ? AND override_justification IS NULL");
        st.bind(1, justification).bind(2, ctx_.account.id.value).bind(3, screening).run();
        ctx_.record("screening.override", "screening:" + std::to_string(screening), justification);
        tx.commit();
        ctx_.committed();
        return {};
    });
}

StorageResult<void> ScreeningStore::attach(std::int64_t screening, core::SessionId session) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<void> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement st(db, "UPDATE screenings SET session_id = ? WHERE id = ? AND client_id = "
                         "(SELECT client_id FROM sessions WHERE id = ?)");
        st.bind(1, session.value).bind(2, screening).bind(3, session.value).run();
        if (db.changes() != 1) {
            return fail(StorageErrc::not_found,
                        "That screening or session is not in this vault, or they belong to "
                        "different clients.");
        }
        ctx_.record("screening.attach", "screening:" + std::to_string(screening),
                    "session:" + std::to_string(session.value));
        tx.commit();
        ctx_.committed();
        return {};
    });
}

StorageResult<StoredScreening> ScreeningStore::get(std::int64_t id) {
    return guard([&]() -> StorageResult<StoredScreening> {
        Statement st(*ctx_.db, std::string(screening_columns) + "WHERE s.id = ?");
        st.bind(1, id);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That screening is not in this vault.");
        }
        return read_screening(st);
    });
}

StorageResult<std::vector<StoredScreening>> ScreeningStore::of_client(core::ClientId client) {
    return guard([&]() -> StorageResult<std::vector<StoredScreening>> {
        Statement st(*ctx_.db, std::string(screening_columns) +
                                   "WHERE s.client_id = ? ORDER BY s.screened_on DESC, s.id DESC");
        st.bind(1, client.value);
        std::vector<StoredScreening> out;
        while (st.step()) {
            out.push_back(read_screening(st));
        }
        return out;
    });
}

} // namespace punctum::storage
