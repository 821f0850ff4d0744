// The session list behind `punctum-cli session list` (and any picker of sessions).

#include "guard.h"
#include "punctum/storage/session_store.h"
#include "vault_context.h"

namespace punctum::storage {

StorageResult<std::vector<SessionSummary>> SessionStore::list(core::ClientId client) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<std::vector<SessionSummary>> {
        Statement st(*ctx_.db,
                     std::string("SELECT s.id, s.client_id, c.display_name, s.treated_on, "
                                 "a.display_name, (SELECT COUNT(*) FROM recovery_entries e "
                                 "WHERE e.session_id = s.id) FROM sessions s "
                                 "JOIN clients c ON c.id = s.client_id "
                                 "JOIN accounts a ON a.id = s.practitioner_id ") +
                         (client.valid() ? "WHERE s.client_id = ? " : "") +
                         "ORDER BY s.treated_on DESC, s.id DESC");
        if (client.valid()) {
            st.bind(1, client.value);
        }
        std::vector<SessionSummary> out;
        while (st.step()) {
            out.push_back({core::SessionId{st.int64(0)}, core::ClientId{st.int64(1)}, st.text(2),
                           core::parse_date(st.text(3)).value_or(core::Date{}), st.text(4),
                           st.integer(5)});
        }
        return out;
    });
}

} // namespace punctum::storage
