#include "punctum/storage/session_store.h"

#include "flag_sync.h"
#include "guard.h"
#include "norms_in_force.h"
#include "outcome_sync.h"
#include "photo_rows.h"
#include "punctum/core/model/observed_day.h"
#include "screening_gate.h"
#include "session_rows.h"
#include "vault_context.h"

#include <sstream>

namespace punctum::storage {

namespace {

core::TreatmentSession read_session(Connection& db, Statement& st) {
    core::TreatmentSession s;
    s.id = core::SessionId{st.int64(0)};
    s.client_id = core::ClientId{st.int64(1)};
    s.treated_on = core::parse_date(st.text(2)).value_or(core::Date{});
    s.device = st.text(3);
    s.notes = st.text(4);
    s.practitioner = core::AccountId{st.int64(5)};
    s.created_at = core::parse_timestamp(st.text(6)).value_or(core::TimePoint{});
    s.cartridge = st.text(7);
    s.immediate_response = st.text(8);
    s.aftercare_given = st.text(9);
    Statement areas(db, "SELECT area, depth_mm, passes FROM session_areas WHERE session_id = ? "
                        "ORDER BY position");
    areas.bind(1, s.id.value);
    while (areas.step()) {
        s.areas.push_back({areas.text(0), areas.real(1), areas.integer(2)});
    }
    Statement products(db, "SELECT name, lot_number, phase FROM session_products "
                           "WHERE session_id = ? ORDER BY position");
    products.bind(1, s.id.value);
    while (products.step()) {
        s.products.push_back({products.text(0), products.text(1),
                              core::product_phase_from_string(products.text(2))
                                  .value_or(core::ProductPhase::procedure)});
    }
    Statement add_ons(db, "SELECT addon, detail FROM session_addons WHERE session_id = ? "
                          "ORDER BY addon");
    add_ons.bind(1, s.id.value);
    while (add_ons.step()) {
        if (auto kind = core::add_on_from_string(add_ons.text(0))) {
            s.add_ons.push_back({*kind, add_ons.text(1)});
        }
    }
    detail::read_treatment_record(db, s);
    return s;
}

constexpr const char* session_columns =
    "SELECT id, client_id, treated_on, device, notes, practitioner_id, created_at, cartridge, "
    "immediate_response, aftercare_given FROM sessions ";

// The products and add-ons of a new session and its treatment record, each row also in the
// audit digest. A post-care product is digested as "|aftercare:"; one used in the
// procedure as before ("|product:").
void insert_details(Connection& db, core::SessionId id, const core::TreatmentSession& session,
                    std::ostringstream& change) {
    Statement product(db, "INSERT INTO session_products (session_id, position, name, "
                          "lot_number, phase) VALUES (?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& p : session.products) {
        product.bind(1, id.value)
            .bind(2, position++)
            .bind(3, p.name)
            .bind(4, p.lot_number)
            .bind(5, core::to_string(p.phase))
            .run();
        change << (p.phase == core::ProductPhase::aftercare ? "|aftercare:" : "|product:") << p.name
               << ':' << p.lot_number;
    }
    Statement add_on(db, "INSERT INTO session_addons (session_id, addon, detail) VALUES (?, ?, ?)");
    for (const auto& a : session.add_ons) {
        add_on.bind(1, id.value).bind(2, core::to_string(a.kind)).bind(3, a.detail).run();
        change << "|addon:" << core::to_string(a.kind) << ':' << a.detail;
    }
    detail::write_treatment_record(db, id, session, change);
}

// Score columns are named after the symptom keys, in scale order.
std::string score_columns() {
    std::string cols;
    for (const auto& scale : core::all_scales()) {
        cols += ", ";
        cols += scale.key;
    }
    return cols;
}

} // namespace

StorageResult<core::SessionId> SessionStore::add(core::TreatmentSession session) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (auto valid = core::validate(session); !valid) {
        return fail(StorageErrc::invalid_input, valid.error().message);
    }
    return guard([&]() -> StorageResult<core::SessionId> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement exists(db, "SELECT 1 FROM clients WHERE id = ?");
        exists.bind(1, session.client_id.value);
        if (!exists.step()) {
            return fail(StorageErrc::not_found, "That client is not in this vault.");
        }
        if (auto gate = detail::check_screening_gate(ctx_, session); !gate) {
            return gate.failure();
        }
        session.created_at = ctx_.clock.now();
        const auto norms = detail::norms_in_force(ctx_);
        Statement st(db, "INSERT INTO sessions (client_id, treated_on, device, notes, "
                         "practitioner_id, created_at, cartridge, immediate_response, "
                         "aftercare_given, norms_profile_id) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, session.client_id.value)
            .bind(2, core::format_date(session.treated_on))
            .bind(3, session.device)
            .bind(4, session.notes)
            .bind(5, ctx_.account.id.value)
            .bind(6, core::format_timestamp(session.created_at))
            .bind(7, session.cartridge)
            .bind(8, session.immediate_response)
            .bind(9, session.aftercare_given)
            .bind(10, norms.row)
            .run();
        const core::SessionId id{db.last_insert_id()};
        std::ostringstream change;
        change << session.client_id.value << '|' << core::format_date(session.treated_on) << '|'
               << session.device << '|' << session.cartridge << '|' << session.notes << '|'
               << session.immediate_response << '|' << session.aftercare_given;
        Statement area(db, "INSERT INTO session_areas (session_id, position, area, depth_mm, "
                           "passes) VALUES (?, ?, ?, ?, ?)");
        int position = 0;
        for (const auto& a : session.areas) {
            area.bind(1, id.value)
                .bind(2, position++)
                .bind(3, a.area)
                .bind(4, a.depth_mm)
                .bind(5, a.passes)
                .run();
            change << '|' << a.area << ':' << a.depth_mm << ':' << a.passes;
        }
        insert_details(db, id, session, change);
        detail::sign_session(ctx_, id, session, change);
        ctx_.record("session.add", "session:" + std::to_string(id.value), change.str());
        detail::sync_outcome(ctx_, id); // nothing logged yet: a row for the cohort statistics
        tx.commit();
        ctx_.committed();
        return id;
    });
}

StorageResult<core::TreatmentSession> SessionStore::get(core::SessionId id) {
    return guard([&]() -> StorageResult<core::TreatmentSession> {
        Statement st(*ctx_.db, std::string(session_columns) + "WHERE id = ?");
        st.bind(1, id.value);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        return read_session(*ctx_.db, st);
    });
}

StorageResult<std::vector<core::TreatmentSession>> SessionStore::of_client(core::ClientId id) {
    return guard([&]() -> StorageResult<std::vector<core::TreatmentSession>> {
        Statement st(*ctx_.db, std::string(session_columns) +
                                   "WHERE client_id = ? ORDER BY treated_on DESC, id DESC");
        st.bind(1, id.value);
        std::vector<core::TreatmentSession> out;
        while (st.step()) {
            out.push_back(read_session(*ctx_.db, st));
        }
        return out;
    });
}

StorageResult<core::EntryId> SessionStore::add_entry(core::RecoveryEntry entry) {
    return add_entry(std::move(entry), {});
}

StorageResult<void> SessionStore::check_entry(const core::RecoveryEntry& entry) {
    if (auto allowed = ctx_.require(core::Action::log_recovery); !allowed) {
        return allowed;
    }
    auto session = get(entry.session_id);
    if (!session) {
        return session.failure();
    }
    if (auto valid = core::validate(entry, session->treated_on); !valid) {
        return fail(StorageErrc::invalid_input, valid.error().message);
    }
    if (auto when = core::not_in_future(entry.observed_on, ctx_.clock.now()); !when) {
        return fail(StorageErrc::invalid_input, when.error().message);
    }
    return {};
}

StorageResult<core::EntryId> SessionStore::add_entry(core::RecoveryEntry entry,
                                                     const std::vector<NewPhoto>& photos) {
    if (auto valid = check_entry(entry); !valid) {
        return valid.failure();
    }
    return guard([&]() -> StorageResult<core::EntryId> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        entry.created_at = ctx_.clock.now();
        std::string sql = "INSERT INTO recovery_entries (session_id, observed_on, reporter, note, "
                          "recorded_by, created_at" +
                          score_columns() +
                          ", gais_practitioner, gais_patient) VALUES (?, ?, ?, ?, ?, ?";
        for (int i = 0; i < core::symptom_count + 2; ++i) {
            sql += ", ?";
        }
        sql += ")";
        Statement st(db, sql);
        st.bind(1, entry.session_id.value)
            .bind(2, core::format_date(entry.observed_on))
            .bind(3, core::to_string(entry.reporter))
            .bind(4, entry.note)
            .bind(5, ctx_.account.id.value)
            .bind(6, core::format_timestamp(entry.created_at));
        std::string change = core::format_date(entry.observed_on);
        for (int i = 0; i < core::symptom_count; ++i) {
            const auto& value = entry.scores.at(static_cast<std::size_t>(i));
            st.bind(7 + i, value);
            change += "|" + (value ? std::to_string(*value) : std::string("?"));
        }
        // GAIS is digested only when rated, so an entry without it digests as before.
        st.bind(7 + core::symptom_count, entry.gais_practitioner)
            .bind(8 + core::symptom_count, entry.gais_patient);
        if (entry.gais_practitioner || entry.gais_patient) {
            const auto grade = [](const std::optional<int>& g) {
                return g ? std::to_string(*g) : std::string("?");
            };
            change += "|gais:" + grade(entry.gais_practitioner) + ":" + grade(entry.gais_patient);
        }
        st.run();
        const core::EntryId id{db.last_insert_id()};
        ctx_.record("entry.add", "entry:" + std::to_string(id.value), change + "|" + entry.note);
        for (const auto& photo : photos) {
            (void)detail::insert_photo(ctx_, entry.session_id, id, photo);
        }
        detail::sync_flags(ctx_, entry.session_id, id);
        tx.commit();
        ctx_.committed();
        return id;
    });
}

StorageResult<std::vector<core::RecoveryEntry>> SessionStore::entries(core::SessionId id) {
    return guard([&]() -> StorageResult<std::vector<core::RecoveryEntry>> {
        Statement st(*ctx_.db, "SELECT id, session_id, observed_on, reporter, note, recorded_by, "
                               "created_at" +
                                   score_columns() +
                                   ", gais_practitioner, gais_patient"
                                   " FROM recovery_entries WHERE session_id = ? "
                                   "ORDER BY observed_on, id");
        st.bind(1, id.value);
        std::vector<core::RecoveryEntry> out;
        while (st.step()) {
            core::RecoveryEntry e;
            e.id = core::EntryId{st.int64(0)};
            e.session_id = core::SessionId{st.int64(1)};
            e.observed_on = core::parse_date(st.text(2)).value_or(core::Date{});
            e.reporter =
                st.text(3) == "clinician" ? core::Reporter::clinician : core::Reporter::patient;
            e.note = st.text(4);
            e.recorded_by = core::AccountId{st.int64(5)};
            e.created_at = core::parse_timestamp(st.text(6)).value_or(core::TimePoint{});
            for (int i = 0; i < core::symptom_count; ++i) {
                e.scores.at(static_cast<std::size_t>(i)) = st.optional_int(7 + i);
            }
            e.gais_practitioner = st.optional_int(7 + core::symptom_count);
            e.gais_patient = st.optional_int(8 + core::symptom_count);
            out.push_back(std::move(e));
        }
        return out;
    });
}

StorageResult<std::int64_t> SessionStore::add_review_note(core::SessionId id,
                                                          std::string_view body) {
    if (auto allowed = ctx_.require(core::Action::annotate); !allowed) {
        return allowed.failure();
    }
    if (body.find_first_not_of(" \t\n") == std::string_view::npos) {
        return fail(StorageErrc::invalid_input, "A review note needs some text.");
    }
    return guard([&]() -> StorageResult<std::int64_t> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement exists(db, "SELECT 1 FROM sessions WHERE id = ?");
        exists.bind(1, id.value);
        if (!exists.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        Statement st(db, "INSERT INTO review_notes (session_id, body, created_at, created_by) "
                         "VALUES (?, ?, ?, ?)");
        st.bind(1, id.value)
            .bind(2, body)
            .bind(3, core::format_timestamp(ctx_.clock.now()))
            .bind(4, ctx_.account.id.value)
            .run();
        const std::int64_t note = db.last_insert_id();
        ctx_.record("review_note.add", "session:" + std::to_string(id.value), body);
        tx.commit();
        ctx_.committed();
        return note;
    });
}

StorageResult<std::vector<SessionStore::ReviewNote>>
SessionStore::review_notes(core::SessionId id) {
    return guard([&]() -> StorageResult<std::vector<ReviewNote>> {
        Statement st(*ctx_.db,
                     "SELECT n.id, a.display_name, n.created_at, n.body FROM review_notes n "
                     "JOIN accounts a ON a.id = n.created_by WHERE n.session_id = ? "
                     "ORDER BY n.id");
        st.bind(1, id.value);
        std::vector<ReviewNote> out;
        while (st.step()) {
            out.push_back({st.int64(0), st.text(1),
                           core::parse_timestamp(st.text(2)).value_or(core::TimePoint{}),
                           st.text(3)});
        }
        return out;
    });
}

} // namespace punctum::storage
