#pragma once

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/vault.h"

namespace punctum::storage {

/// Stores one synthetic client with their sessions and entries in a single transaction,
/// attributed to the signed-in account like any other write.
[[nodiscard]] StorageResult<core::ClientId> add_demo_client(Vault& vault,
                                                            const core::DemoClient& demo);

} // namespace punctum::storage
