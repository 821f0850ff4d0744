// ReviewStore::incomplete_records (review_store.h): sessions whose record misses something a
// reviewer expects. Each rule reads the data where it is stored, as explained beside it.

#include "guard.h"

#include "punctum/core/date.h"
#include "punctum/storage/review_store.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

// One row per session, a 0/1 column per missing item; ?1 is today (the vault's clock).
// - screening: the gate links the screening that cleared a session (screenings.session_id).
//   Sessions from before that link count a screening of the same client on or before the
//   treatment day that cleared no other session; the client index serves both.
// - consent answer: client_consents holds one answer per client and photo use. The answer
//   that matters is whether photos may be kept in the record at all (medical_record): the
//   other uses default to "not given" when unanswered, so only this one can be missing.
//   "No" is an answer; only its absence counts.
// - lot numbers: the needle cartridge always has a lot (sessions.cartridge_lot), as does
//   anything applied during the procedure to needled skin (session_products phase
//   'procedure'); aftercare products sent home (sunscreen, a moisturiser) are not traced
//   by lot, so an empty lot there is not a gap (treatment_session.h allows it).
// - first-week follow-up: a recovery entry by anyone (patient check-in or clinician) observed
//   on days 1 to 7. Only asked of sessions treated 7 or more days ago: a younger one may
//   still get it.
// - indication: sessions.indication is '' when not recorded (migration 5's default).
constexpr std::string_view incomplete_query = R"sql(
SELECT * FROM (
SELECT s.id AS id, s.client_id, c.display_name, s.treated_on AS treated_on,
  coalesce(a.display_name, ''),
  NOT EXISTS (SELECT 1 FROM screenings g WHERE g.client_id = s.client_id
    AND (g.session_id = s.id OR (g.session_id IS NULL AND g.screened_on <= s.treated_on))) AS no_screening,
  NOT EXISTS (SELECT 1 FROM client_consents k WHERE k.client_id = s.client_id
    AND k.kind = 'medical_record') AS no_consent,
  (trim(s.cartridge_lot) = '' OR EXISTS (SELECT 1 FROM session_products p WHERE p.session_id = s.id
    AND p.phase = 'procedure' AND trim(p.lot_number) = '')) AS no_lots,
  (julianday(?1) - julianday(s.treated_on) >= 7 AND NOT EXISTS (SELECT 1 FROM recovery_entries r
    WHERE r.session_id = s.id AND r.observed_on BETWEEN date(s.treated_on, '+1 day')
    AND date(s.treated_on, '+7 day'))) AS no_follow_up,
  s.indication = '' AS no_indication
FROM sessions s JOIN clients c ON c.id = s.client_id
LEFT JOIN accounts a ON a.id = s.practitioner_id)
WHERE no_screening OR no_consent OR no_lots OR no_follow_up OR no_indication)sql";

constexpr MissingItem item_order[] = {MissingItem::screening, MissingItem::consent_answer,
                                      MissingItem::lot_numbers, MissingItem::first_week_follow_up,
                                      MissingItem::indication};

} // namespace

std::string_view to_string(MissingItem item) {
    switch (item) {
    case MissingItem::screening:
        return "screening";
    case MissingItem::consent_answer:
        return "consent_answer";
    case MissingItem::lot_numbers:
        return "lot_numbers";
    case MissingItem::first_week_follow_up:
        return "first_week_follow_up";
    case MissingItem::indication:
        return "indication";
    }
    return "unknown";
}

StorageResult<std::vector<IncompleteRecord>> ReviewStore::incomplete_records(int limit,
                                                                             int offset) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<IncompleteRecord>> {
        Statement st(*ctx_.db, std::string(incomplete_query) +
                                   " ORDER BY treated_on DESC, id DESC LIMIT ?2 OFFSET ?3");
        st.bind(1, core::format_date(core::date_of(ctx_.clock.now())));
        st.bind(2, limit);
        st.bind(3, offset);
        std::vector<IncompleteRecord> out;
        while (st.step()) {
            IncompleteRecord r;
            r.session_id = core::SessionId{st.int64(0)};
            r.client_id = core::ClientId{st.int64(1)};
            r.client_name = st.text(2);
            r.treated_on = core::parse_date(st.text(3)).value_or(core::Date{});
            r.practitioner = st.text(4);
            for (int i = 0; i < 5; ++i) {
                if (st.integer(5 + i) != 0) {
                    r.missing.push_back(item_order[i]);
                }
            }
            out.push_back(std::move(r));
        }
        return out;
    });
}

} // namespace punctum::storage
