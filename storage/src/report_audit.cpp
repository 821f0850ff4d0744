// A PDF report leaves the vault as surely as an exported photo does, so producing one is an
// audit event like photo.export: who, when, and what it covered.

#include "punctum/storage/audit_store.h"

#include "guard.h"
#include "vault_context.h"

namespace punctum::storage {

StorageResult<void> AuditStore::record_report(std::string_view object, std::string_view detail) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<void> {
        Transaction tx(*ctx_.db);
        ctx_.record("report.pdf", object, detail);
        tx.commit();
        ctx_.committed();
        return {};
    });
}

} // namespace punctum::storage
