#pragma once
// Records leaving the vault in standard forms (issue 14): CSV tables for analysis and a
// FHIR R4 Bundle to hand a record to another system. Storage writes the file itself, in
// pieces and whole or not at all (mode 0600), so that a front end never holds a clinic's
// records in memory, and records the export in the audit chain in the same transaction as
// the reading. Reading needs Action::read_records; the FHIR trail needs Action::read_audit.
//
// What leaves:
// - CSV files are for analysis: client ids but no names, dates of birth or free-text notes
//   (which may hold names), and never a photo.
// - The FHIR Bundle is the identified record: names, notes, and each photo whose client
//   has not withheld consent to its use in the medical record (PhotoStore::export_photo's
//   rule, which also audits each photo that leaves).

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/progress.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// The CSV tables: a session each with its stored outcome, a recovery entry each, a flag
/// each, and the stored outcomes alone.
enum class CsvTable { sessions, entries, flags, outcomes };
/// "sessions", "entries", "flags", "outcomes".
[[nodiscard]] std::string_view to_string(CsvTable table);
[[nodiscard]] std::optional<CsvTable> csv_table_from_string(std::string_view name);

/// Which sessions (and their entries, flags and outcomes) to export. Empty fields match all.
struct ExportScope {
    std::optional<core::Date> from; ///< treated on or after
    std::optional<core::Date> to;   ///< treated on or before
    core::ClientId client;          ///< one client's records only (FHIR handover)
};

/// What an export wrote.
struct ExportSummary {
    std::int64_t records = 0;         ///< CSV rows after the header, or Bundle entries
    std::int64_t photos = 0;          ///< FHIR: photos included
    std::int64_t photos_withheld = 0; ///< FHIR: photos left out for want of consent
    bool audit_trail = false;         ///< FHIR: AuditEvents included (Action::read_audit)
    std::uint64_t bytes = 0;
};

class ExportStore {
public:
    explicit ExportStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Writes `table` as CSV (RFC 4180, UTF-8, CRLF, ISO dates, a header row) to `out`.
    /// Progress counts rows (total unknown); cancelled, nothing is written or audited.
    [[nodiscard]] StorageResult<ExportSummary> csv(CsvTable table, const std::filesystem::path& out,
                                                   const ExportScope& scope = {},
                                                   const core::Progress& progress = {});
    /// Writes a FHIR R4 Bundle (type collection, JSON) to `out`. Progress counts clients.
    [[nodiscard]] StorageResult<ExportSummary> fhir(const std::filesystem::path& out,
                                                    const ExportScope& scope = {},
                                                    const core::Progress& progress = {});

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
