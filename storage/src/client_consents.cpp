// ClientStore's photo consents (client_store.h): one answer per client and use.

#include "guard.h"

#include "punctum/core/date.h"
#include "punctum/storage/client_store.h"
#include "vault_context.h"
#include <algorithm>

namespace punctum::storage {

StorageResult<void> ClientStore::set_consent(core::ClientId id, core::PhotoUse use, bool granted) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<void> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement exists(db, "SELECT 1 FROM clients WHERE id = ?");
        exists.bind(1, id.value);
        if (!exists.step()) {
            return fail(StorageErrc::not_found, "That client is not in this vault.");
        }
        // A later answer replaces the earlier one; the audit chain keeps both.
        Statement st(db, "INSERT OR REPLACE INTO client_consents (client_id, kind, granted, "
                         "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)");
        st.bind(1, id.value)
            .bind(2, core::to_string(use))
            .bind(3, granted ? 1 : 0)
            .bind(4, core::format_timestamp(ctx_.clock.now()))
            .bind(5, ctx_.account.id.value)
            .run();
        ctx_.record("consent.set", "client:" + std::to_string(id.value),
                    std::string(core::to_string(use)) + "|" + (granted ? "granted" : "withheld"));
        tx.commit();
        ctx_.committed();
        return {};
    });
}

StorageResult<std::vector<PhotoConsent>> ClientStore::consents(core::ClientId id) {
    return guard([&]() -> StorageResult<std::vector<PhotoConsent>> {
        Statement st(*ctx_.db, "SELECT c.kind, c.granted, c.recorded_at, a.display_name "
                               "FROM client_consents c LEFT JOIN accounts a ON a.id = "
                               "c.recorded_by WHERE c.client_id = ?");
        st.bind(1, id.value);
        std::vector<PhotoConsent> out;
        while (st.step()) {
            const auto use = core::photo_use_from_string(st.text(0));
            if (!use) {
                continue; // the CHECK constraint makes this impossible
            }
            out.push_back({*use, st.integer(1) == 1,
                           core::parse_timestamp(st.text(2)).value_or(core::TimePoint{}),
                           st.optional_text(3).value_or("")});
        }
        std::sort(out.begin(), out.end(),
                  [](const PhotoConsent& a, const PhotoConsent& b) { return a.use < b.use; });
        return out;
    });
}

} // namespace punctum::storage
