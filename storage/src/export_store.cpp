#include "punctum/storage/export_store.h"

#include "csv_tables.h"
#include "export_sink.h"
#include "fhir_export.h"
#include "guard.h"
#include "streamed_file.h"
#include "vault_context.h"

#include <array>
#include <utility>

namespace punctum::storage {

namespace {

constexpr std::array<std::pair<CsvTable, std::string_view>, 4> table_names{{
    {CsvTable::sessions, "sessions"},
    {CsvTable::entries, "entries"},
    {CsvTable::flags, "flags"},
    {CsvTable::outcomes, "outcomes"},
}};

// What the audit event says of the scope: "all", or "2026-01-01..2026-03-31", "client:3".
std::string scope_words(const ExportScope& scope) {
    std::string words;
    if (scope.from || scope.to) {
        words = (scope.from ? core::format_date(*scope.from) : "") + ".." +
                (scope.to ? core::format_date(*scope.to) : "");
    }
    if (scope.client.valid()) {
        words += (words.empty() ? "" : " ") + std::string("client:") +
                 std::to_string(scope.client.value);
    }
    return words.empty() ? "all" : words;
}

// Reads inside one transaction (a consistent snapshot), writes into a file beside `out`
// that appears whole only once the audit event naming it is committed: an export that is
// on disk is always in the trail. If the file cannot be committed after that, the trail
// says more left than did, never less.
template <typename Write>
StorageResult<ExportSummary> run_export(detail::VaultContext& ctx, const std::filesystem::path& out,
                                        const ExportScope& scope, std::string_view action,
                                        Write&& write) {
    if (auto allowed = ctx.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    auto file = StreamedFile::create(out);
    if (!file) {
        return file.failure();
    }
    detail::ExportSink sink(std::move(*file));
    return guard([&]() -> StorageResult<ExportSummary> {
        ExportSummary summary;
        Transaction tx(*ctx.db);
        try {
            std::string detail = write(sink, summary);
            // The object is what a reviewer filters the trail by: a client's own export shows
            // in that client's trail. What and where go into the event's digested change.
            ctx.record(action,
                       scope.client.valid() ? "client:" + std::to_string(scope.client.value)
                                            : std::string("vault"),
                       detail + "|" + std::to_string(summary.records) + " records|" +
                           std::filesystem::absolute(out).string());
        } catch (const detail::ExportWriteFailed& failed) {
            return Failure<StorageError>{failed.error};
        } catch (const detail::ExportReadFailed& failed) {
            return Failure<StorageError>{failed.error};
        }
        tx.commit();
        ctx.committed();
        if (auto committed = sink.commit(); !committed) {
            return committed.failure();
        }
        summary.bytes = sink.bytes();
        return summary;
    });
}

} // namespace

std::string_view to_string(CsvTable table) {
    for (const auto& [t, name] : table_names) {
        if (t == table) {
            return name;
        }
    }
    return "unknown";
}

std::optional<CsvTable> csv_table_from_string(std::string_view name) {
    for (const auto& [t, n] : table_names) {
        if (n == name) {
            return t;
        }
    }
    return std::nullopt;
}

StorageResult<ExportSummary> ExportStore::csv(CsvTable table, const std::filesystem::path& out,
                                              const ExportScope& scope,
                                              const core::Progress& progress) {
    return run_export(
        ctx_, out, scope, "export.csv", [&](detail::ExportSink& sink, ExportSummary& summary) {
            summary.records = detail::write_csv_table(*ctx_.db, table, scope, sink, progress);
            return std::string(to_string(table)) + "|" + scope_words(scope);
        });
}

StorageResult<ExportSummary> ExportStore::fhir(const std::filesystem::path& out,
                                               const ExportScope& scope,
                                               const core::Progress& progress) {
    return run_export(
        ctx_, out, scope, "export.fhir", [&](detail::ExportSink& sink, ExportSummary& summary) {
            detail::write_fhir_bundle(ctx_, scope, sink, summary, progress);
            return "bundle|" + scope_words(scope) + "|" + std::to_string(summary.photos) +
                   " photos, " + std::to_string(summary.photos_withheld) + " withheld";
        });
}

} // namespace punctum::storage
