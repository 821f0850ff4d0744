#include "reviews/export_tasks.h"

#include "punctum/storage/export_store.h"

#include <QDir>
#include <QLocale>
#include <QStandardPaths>

namespace punctum::ui {

namespace {

QString written(const storage::ExportSummary& s, const QString& path, bool fhir) {
    const QString where = QDir::toNativeSeparators(path);
    if (!fhir) {
        return ExportTasks::tr("Saved %n rows to %1. The file is not encrypted: keep it where "
                               "only those who may read these records can.",
                               nullptr, static_cast<int>(s.records))
            .arg(where);
    }
    QString text =
        ExportTasks::tr("Saved %n FHIR resources to %1.", nullptr, static_cast<int>(s.records))
            .arg(where);
    if (s.photos_withheld > 0) {
        text += QLatin1Char(' ') +
                ExportTasks::tr("%n photos were left out: their client withheld consent to "
                                "use in the medical record.",
                                nullptr, static_cast<int>(s.photos_withheld));
    }
    text += QLatin1Char(' ') +
            (s.audit_trail ? ExportTasks::tr("The audit trail is included.")
                           : ExportTasks::tr("The audit trail is not: your role may not read it."));
    return text + QLatin1Char(' ') +
           ExportTasks::tr("The file is not encrypted: keep it where only those who may read "
                           "these records can.");
}

} // namespace

bool ExportTasks::exportTo(const QString& what, const QUrl& file) {
    VaultSession* session = vaultSession();
    const bool fhir = what == QLatin1String("fhir");
    const auto table = storage::csv_table_from_string(what.toStdString());
    if (session == nullptr || (!fhir && !table)) {
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    return session->runOnVault(
        QStringLiteral("export"), fhir ? tr("Exporting a FHIR bundle") : tr("Exporting as CSV"),
        [path, fhir, table](storage::Vault& vault,
                            const core::Progress& progress) -> storage::StorageResult<QString> {
            const std::filesystem::path out = path.toStdString();
            auto summary = fhir ? vault.exports().fhir(out, {}, progress)
                                : vault.exports().csv(*table, out, {}, progress);
            if (!summary) {
                return summary.failure();
            }
            return written(*summary, path, fhir);
        },
        [fhir](qint64 done, qint64 total) {
            return fhir ? tr("%1 of %2 clients").arg(done).arg(total)
                        : tr("%1 rows").arg(QLocale().toString(done));
        });
}

QUrl ExportTasks::suggestedFile(const QString& what) const {
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString day = QString::fromStdString(core::format_date(today()));
    const QString suffix =
        what == QLatin1String("fhir") ? QStringLiteral("json") : QStringLiteral("csv");
    return QUrl::fromLocalFile(
        QDir(home).filePath(QStringLiteral("punctum-%1-%2.%3").arg(what, day, suffix)));
}

} // namespace punctum::ui
