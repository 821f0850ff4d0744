// FlagStore::reassess_all: every session through the norms in force again, in batches.

#include "flag_sync.h"
#include "guard.h"
#include "punctum/storage/flag_store.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {
// Sessions per transaction: large enough that commits (an fsync each) do not dominate,
// small enough that a cancel or a crash loses little finished work.
constexpr std::int64_t batch_size = 250;
} // namespace

StorageResult<ReassessSummary> FlagStore::reassess_all(const core::Progress& progress) {
    if (auto allowed = ctx_.require(core::Action::settle_flags); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<ReassessSummary> {
        auto& db = *ctx_.db;
        const std::int64_t total = db.query_int("SELECT count(*) FROM sessions");
        ReassessSummary summary;
        std::int64_t after = 0; // keyset paging: sessions added meanwhile are still reached
        const std::string reason = "No longer raised by the norms profile now in force.";
        while (true) {
            if (!core::report(progress, summary.sessions, total)) {
                return fail(StorageErrc::cancelled,
                            "Stopped re-evaluating as asked, after " +
                                std::to_string(summary.sessions) + " of " + std::to_string(total) +
                                " sessions. Their flags are up to date; the rest are unchanged.");
            }
            std::vector<core::SessionId> batch;
            {
                Statement ids(db, "SELECT id FROM sessions WHERE id > ? ORDER BY id LIMIT ?");
                ids.bind(1, after).bind(2, batch_size);
                while (ids.step()) {
                    batch.push_back(core::SessionId{ids.int64(0)});
                }
            }
            if (batch.empty()) {
                return summary;
            }
            Transaction tx(db);
            ReassessSummary done;
            for (const auto id : batch) {
                const auto result = detail::sync_flags(ctx_, id, core::EntryId{}, reason);
                done.raised += result.raised;
                done.resolved += result.resolved;
            }
            tx.commit();
            ctx_.committed();
            summary.sessions += static_cast<std::int64_t>(batch.size());
            summary.raised += done.raised;
            summary.resolved += done.resolved;
            after = batch.back().value;
        }
    });
}

} // namespace punctum::storage
