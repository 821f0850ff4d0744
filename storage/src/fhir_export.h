#pragma once
// The FHIR R4 Bundle of ExportStore::fhir: walks the vault client by client and writes each
// resource as it goes, so memory holds one client's records at a time. Internal to storage.

#include "export_sink.h"
#include "punctum/storage/export_store.h"
#include "vault_context.h"

namespace punctum::storage::detail {

/// Writes the Bundle into `sink` and counts what it wrote into `summary`. Throws SqlError,
/// ExportWriteFailed, or ExportReadFailed when a store refuses a read.
void write_fhir_bundle(VaultContext& ctx, const ExportScope& scope, ExportSink& sink,
                       ExportSummary& summary, const core::Progress& progress);

/// A store's refusal met while walking the vault, passed up as it was.
struct ExportReadFailed {
    StorageError error;
};

} // namespace punctum::storage::detail
