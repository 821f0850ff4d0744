#include "punctum/storage/demo_writer.h"

namespace punctum::storage {

StorageResult<core::ClientId> add_demo_client(Vault& vault, const core::DemoClient& demo) {
    core::ClientId client_id;
    auto done = vault.batch([&]() -> StorageResult<void> {
        auto id = vault.clients().add(demo.client);
        if (!id) {
            return id.failure();
        }
        client_id = *id;
        for (const auto& ds : demo.sessions) {
            auto session = ds.session;
            session.client_id = client_id;
            auto sid = vault.sessions().add(session);
            if (!sid) {
                return sid.failure();
            }
            for (auto entry : ds.entries) {
                entry.session_id = *sid;
                if (auto eid = vault.sessions().add_entry(entry); !eid) {
                    return eid.failure();
                }
            }
        }
        return {};
    });
    if (!done) {
        return done.failure();
    }
    return client_id;
}

} // namespace punctum::storage
