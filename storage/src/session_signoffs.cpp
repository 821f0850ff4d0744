// ReviewStore's sign-off (review_store.h): a session marked reviewed, returned to its
// practitioner with a finding, or that finding marked addressed. Each step is a new row of
// session_signoffs (migration 8) and an audit event; nothing is overwritten.

#include "guard.h"

#include "punctum/core/date.h"
#include "punctum/storage/review_store.h"
#include "vault_context.h"

#include <array>
#include <utility>

namespace punctum::storage {

namespace {

constexpr std::array<std::pair<SignOffState, std::string_view>, 3> state_names{{
    {SignOffState::reviewed, "reviewed"},
    {SignOffState::returned, "returned"},
    {SignOffState::addressed, "addressed"},
}};

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Characters, not bytes: a limit people read in the form counts what they typed.
std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    return n;
}

// The note a step keeps, or why it was refused. A reply to a finding may be empty (marking it
// addressed can say everything); a comment or a finding must say something.
StorageResult<std::string> checked_note(SignOffState state, std::string_view text) {
    const std::string_view note = trimmed(text);
    if (note.empty() && state == SignOffState::reviewed) {
        return fail(StorageErrc::invalid_input,
                    "A sign-off needs a comment. Say what you checked, for example "
                    "\"Record complete, recovery within the usual course.\"");
    }
    if (note.empty() && state == SignOffState::returned) {
        return fail(StorageErrc::invalid_input,
                    "Returning a session needs a finding. Say what the practitioner should "
                    "check or complete.");
    }
    if (const auto length = utf8_length(note); length > sign_off_note_limit) {
        return fail(StorageErrc::invalid_input,
                    "Keep it to " + std::to_string(sign_off_note_limit) + " characters (this has " +
                        std::to_string(length) + "). Put longer notes in a review note.");
    }
    return std::string(note);
}

SignOff read_sign_off(Statement& st) {
    SignOff s;
    s.id = st.int64(0);
    s.session_id = core::SessionId{st.int64(1)};
    s.state = sign_off_state_from_string(st.text(2)).value_or(SignOffState::reviewed);
    s.note = st.text(3);
    s.at = core::parse_timestamp(st.text(4)).value_or(core::TimePoint{});
    s.by = st.optional_text(5).value_or("");
    return s;
}

constexpr std::string_view sign_off_columns =
    "SELECT o.id, o.session_id, o.state, o.note, o.at, a.display_name FROM session_signoffs o "
    "LEFT JOIN accounts a ON a.id = o.by WHERE o.session_id = ?";

} // namespace

std::string_view to_string(SignOffState state) {
    for (const auto& [s, name] : state_names) {
        if (s == state) {
            return name;
        }
    }
    return "reviewed";
}

std::optional<SignOffState> sign_off_state_from_string(std::string_view text) {
    for (const auto& [s, name] : state_names) {
        if (name == text) {
            return s;
        }
    }
    return std::nullopt;
}

StorageResult<std::int64_t> ReviewStore::sign_off(core::SessionId session,
                                                  std::string_view comment) {
    return review_step(session, SignOffState::reviewed, comment);
}

StorageResult<std::int64_t> ReviewStore::return_to_practitioner(core::SessionId session,
                                                                std::string_view finding) {
    return review_step(session, SignOffState::returned, finding);
}

StorageResult<std::int64_t> ReviewStore::mark_addressed(core::SessionId session,
                                                        std::string_view reply) {
    return review_step(session, SignOffState::addressed, reply);
}

StorageResult<std::int64_t> ReviewStore::review_step(core::SessionId session, SignOffState state,
                                                     std::string_view text) {
    // Addressing a finding is the practitioner's clinical work; judging it is the reviewer's.
    const bool addressing = state == SignOffState::addressed;
    if (auto allowed =
            ctx_.require(addressing ? core::Action::write_clinical : core::Action::review_sessions);
        !allowed) {
        return allowed.failure();
    }
    auto note = checked_note(state, text);
    if (!note) {
        return note.failure();
    }
    return guard([&]() -> StorageResult<std::int64_t> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement found(db, "SELECT practitioner_id, (SELECT state FROM session_signoffs "
                            "WHERE session_id = s.id ORDER BY id DESC LIMIT 1) "
                            "FROM sessions s WHERE s.id = ?");
        found.bind(1, session.value);
        if (!found.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        const bool own = found.int64(0) == ctx_.account.id.value;
        const auto current = found.optional_text(1);
        if (!addressing && own) {
            return fail(StorageErrc::forbidden,
                        "You treated this session, so someone else signs it off. Ask another "
                        "reviewer.");
        }
        if (addressing && !own && ctx_.account.role != core::Role::admin) {
            return fail(StorageErrc::forbidden, "Only the practitioner who treated this session "
                                                "can mark its finding addressed.");
        }
        if (addressing && current != "returned") {
            return fail(StorageErrc::invalid_input,
                        "This session has no returned finding waiting to be addressed.");
        }
        Statement st(db, "INSERT INTO session_signoffs (session_id, state, note, at, by) "
                         "VALUES (?, ?, ?, ?, ?)");
        st.bind(1, session.value)
            .bind(2, to_string(state))
            .bind(3, *note)
            .bind(4, core::format_timestamp(ctx_.clock.now()))
            .bind(5, ctx_.account.id.value)
            .run();
        const std::int64_t id = db.last_insert_id();
        const std::string_view action = state == SignOffState::reviewed   ? "review.signoff"
                                        : state == SignOffState::returned ? "review.return"
                                                                          : "review.addressed";
        ctx_.record(action, "session:" + std::to_string(session.value), *note);
        tx.commit();
        ctx_.committed();
        return id;
    });
}

StorageResult<std::optional<SignOff>> ReviewStore::current_sign_off(core::SessionId session) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::optional<SignOff>> {
        Statement st(*ctx_.db, std::string(sign_off_columns) + " ORDER BY o.id DESC LIMIT 1");
        st.bind(1, session.value);
        if (!st.step()) {
            return std::optional<SignOff>{};
        }
        return std::optional<SignOff>{read_sign_off(st)};
    });
}

StorageResult<std::vector<SignOff>> ReviewStore::sign_off_history(core::SessionId session) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<SignOff>> {
        Statement st(*ctx_.db, std::string(sign_off_columns) + " ORDER BY o.id");
        st.bind(1, session.value);
        std::vector<SignOff> out;
        while (st.step()) {
            out.push_back(read_sign_off(st));
        }
        return out;
    });
}

StorageResult<std::vector<ReturnedSession>> ReviewStore::returned_to_me() {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<ReturnedSession>> {
        // The latest step of each of the account's sessions, kept when it is a return.
        Statement st(*ctx_.db,
                     "SELECT s.id, s.client_id, c.display_name, s.treated_on, o.note, "
                     "a.display_name, o.at FROM sessions s JOIN clients c ON c.id = s.client_id "
                     "JOIN session_signoffs o ON o.id = (SELECT max(id) FROM session_signoffs "
                     "WHERE session_id = s.id) LEFT JOIN accounts a ON a.id = o.by "
                     "WHERE s.practitioner_id = ? AND o.state = 'returned' ORDER BY o.id DESC");
        st.bind(1, ctx_.account.id.value);
        std::vector<ReturnedSession> out;
        while (st.step()) {
            ReturnedSession r;
            r.session_id = core::SessionId{st.int64(0)};
            r.client_id = core::ClientId{st.int64(1)};
            r.client_name = st.text(2);
            r.treated_on = core::parse_date(st.text(3)).value_or(core::Date{});
            r.finding = st.text(4);
            r.returned_by = st.optional_text(5).value_or("");
            r.returned_at = core::parse_timestamp(st.text(6)).value_or(core::TimePoint{});
            out.push_back(std::move(r));
        }
        return out;
    });
}

} // namespace punctum::storage
