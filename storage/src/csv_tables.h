#pragma once
// The four CSV tables of ExportStore::csv: their columns and the SQL that fills them.
// Internal to storage.

#include "export_sink.h"
#include "punctum/core/progress.h"
#include "punctum/storage/export_store.h"
#include "sqlite/connection.h"

#include <cstdint>

namespace punctum::storage::detail {

/// Writes the header and one row per record of `table` in `scope`, in id order, and
/// returns the number of rows. Throws SqlError, or ExportWriteFailed from the sink.
std::int64_t write_csv_table(Connection& db, CsvTable table, const ExportScope& scope,
                             ExportSink& sink, const core::Progress& progress);

} // namespace punctum::storage::detail
