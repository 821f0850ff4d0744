// ClientStore's medical history (client_store.h): four text fields on the client's row,
// with the time they last changed. Who changed them, and to what, is in the audit chain.

#include "guard.h"

#include "punctum/core/date.h"
#include "punctum/storage/client_store.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

core::MedicalHistory read_history(Connection& db, core::ClientId id) {
    Statement st(db, "SELECT allergies, sensitivities, medications, conditions, "
                     "history_updated_at FROM clients WHERE id = ?");
    st.bind(1, id.value);
    if (!st.step()) {
        throw SqlError(StorageErrc::not_found, 0, "That client is not in this vault.");
    }
    core::MedicalHistory h;
    h.allergies = st.text(0);
    h.sensitivities = st.text(1);
    h.medications = st.text(2);
    h.conditions = st.text(3);
    if (auto at = st.optional_text(4)) {
        h.updated_at = core::parse_timestamp(*at);
    }
    return h;
}

} // namespace

StorageResult<core::MedicalHistory> ClientStore::history(core::ClientId id) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard(
        [&]() -> StorageResult<core::MedicalHistory> { return read_history(*ctx_.db, id); });
}

StorageResult<core::MedicalHistory> ClientStore::set_history(core::ClientId id,
                                                             core::MedicalHistory history) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (auto valid = core::validate(history); !valid) {
        return fail(StorageErrc::invalid_input, valid.error().message);
    }
    return guard([&]() -> StorageResult<core::MedicalHistory> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        auto current = read_history(db, id);
        history.updated_at = current.updated_at;
        if (history == current) {
            return current; // nothing changed: no write, no audit event
        }
        history.updated_at = ctx_.clock.now();
        Statement st(db, "UPDATE clients SET allergies = ?, sensitivities = ?, medications = ?, "
                         "conditions = ?, history_updated_at = ? WHERE id = ?");
        st.bind(1, history.allergies)
            .bind(2, history.sensitivities)
            .bind(3, history.medications)
            .bind(4, history.conditions)
            .bind(5, core::format_timestamp(*history.updated_at))
            .bind(6, id.value)
            .run();
        ctx_.record("client.history", "client:" + std::to_string(id.value),
                    "allergies=" + history.allergies + "|sensitivities=" + history.sensitivities +
                        "|medications=" + history.medications +
                        "|conditions=" + history.conditions);
        tx.commit();
        ctx_.committed();
        return read_history(db, id); // as stored: the timestamp to the second
    });
}

} // namespace punctum::storage
