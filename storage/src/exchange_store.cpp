// The lists behind the exchange pages; the writes are in care_plan_issue.cpp,
// care_plan_open.cpp, report_write.cpp and report_import.cpp.

#include "punctum/storage/exchange_store.h"

#include "guard.h"
#include "vault_context.h"

namespace punctum::storage {

StorageResult<std::vector<PairingInfo>> ExchangeStore::pairings(core::SessionId session) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<PairingInfo>> {
        Statement st(*ctx_.db,
                     "SELECT p.plan_id, p.pairing_code, p.created_at, a.display_name, "
                     "p.patient_key IS NOT NULL, (SELECT COUNT(*) FROM exchange_imports i "
                     "WHERE i.pairing_id = p.pairing_id), (SELECT MAX(imported_at) FROM "
                     "exchange_imports i WHERE i.pairing_id = p.pairing_id) "
                     "FROM exchange_pairings p JOIN accounts a ON a.id = p.created_by "
                     "WHERE p.session_id = ? ORDER BY p.created_at DESC, p.rowid DESC");
        st.bind(1, session.value);
        std::vector<PairingInfo> out;
        while (st.step()) {
            PairingInfo p;
            p.plan_id = st.text(0);
            p.session = session;
            p.pairing_code = st.text(1);
            p.issued_at = core::parse_timestamp(st.text(2)).value_or(core::TimePoint{});
            p.issued_by = st.text(3);
            p.paired = st.integer(4) != 0;
            p.reports_imported = st.integer(5);
            if (auto last = st.optional_text(6)) {
                p.last_import_at = core::parse_timestamp(*last);
            }
            out.push_back(std::move(p));
        }
        return out;
    });
}

StorageResult<std::vector<CarePlanInfo>> ExchangeStore::care_plans() {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<CarePlanInfo>> {
        // Unsent photos count only when the patient allows photos in the record: the
        // others are held back, not waiting.
        Statement st(*ctx_.db,
                     "SELECT p.plan_id, p.session_id, p.clinic_name, s.treated_on, p.opened_at, "
                     "p.reports_sent, (SELECT COUNT(*) FROM recovery_entries e WHERE "
                     "e.session_id = p.session_id AND e.id > p.last_entry_id), "
                     "(SELECT COUNT(*) FROM photos f WHERE f.session_id = p.session_id AND "
                     "f.id > p.last_photo_id AND EXISTS (SELECT 1 FROM client_consents c "
                     "WHERE c.client_id = s.client_id AND c.kind = 'medical_record' AND "
                     "c.granted = 1)) FROM care_plans p JOIN sessions s ON s.id = p.session_id "
                     "ORDER BY p.opened_at DESC, p.rowid DESC");
        std::vector<CarePlanInfo> out;
        while (st.step()) {
            CarePlanInfo c;
            c.plan_id = st.text(0);
            c.session = core::SessionId{st.int64(1)};
            c.clinic_name = st.text(2);
            c.treated_on = core::parse_date(st.text(3)).value_or(core::Date{});
            c.opened_at = core::parse_timestamp(st.text(4)).value_or(core::TimePoint{});
            c.reports_sent = st.integer(5);
            c.unsent_entries = st.integer(6);
            c.unsent_photos = st.integer(7);
            out.push_back(std::move(c));
        }
        return out;
    });
}

} // namespace punctum::storage
