#include "common/pdf_report_saver.h"

#include "punctum/reports/pdf_report.h"

#include <QDir>
#include <QStandardPaths>

namespace punctum::ui {

PdfReportSaver::PdfReportSaver(QObject* parent) : SessionObject(parent) {
    auto documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty()) {
        documents = QDir::homePath();
    }
    folder_ = QDir(documents).filePath(QStringLiteral("Punctum"));
}

void PdfReportSaver::setKind(const QString& kind) {
    if (kind != kind_) {
        kind_ = kind;
        emit requestChanged();
    }
}

void PdfReportSaver::setSessionId(qint64 id) {
    if (id != session_) {
        session_ = id;
        emit requestChanged();
    }
}

void PdfReportSaver::setCohortBy(const QString& by) {
    if (by != by_) {
        by_ = by;
        emit requestChanged();
    }
}

void PdfReportSaver::setFrom(const QString& from) {
    if (from != from_) {
        from_ = from;
        emit requestChanged();
    }
}

void PdfReportSaver::setTo(const QString& to) {
    if (to != to_) {
        to_ = to;
        emit requestChanged();
    }
}

void PdfReportSaver::setFolder(const QString& folder) {
    if (folder != folder_) {
        folder_ = folder;
        emit requestChanged();
    }
}

QString PdfReportSaver::file_name() const {
    // ISO dates in file names, as in exports; a second save the same day replaces the first.
    const auto day = QString::fromStdString(core::format_date(today()));
    if (kind_ == QLatin1String("cohort")) {
        const auto by = by_.isEmpty() ? QStringLiteral("all") : by_;
        return QStringLiteral("cohort-%1-%2.pdf").arg(by, day);
    }
    return QStringLiteral("%1-session-%2-%3.pdf").arg(kind_).arg(session_).arg(day);
}

void PdfReportSaver::finish(bool ok, const QString& message, const QString& path) {
    failed_ = !ok;
    message_ = message;
    saved_path_ = path;
    emit saved();
}

bool PdfReportSaver::save() {
    const auto kind = reports::report_kind_from_string(kind_.toStdString());
    if (!kind) {
        finish(false, tr("This report cannot be made here (unknown kind %1).").arg(kind_));
        return false;
    }
    reports::ReportRequest request;
    request.kind = *kind;
    request.session = core::SessionId{session_};
    if (!by_.isEmpty()) {
        request.cohort.by =
            storage::cohort_by_from_string(by_.toStdString()).value_or(storage::CohortBy::all);
    }
    request.cohort.from = core::parse_date(from_.trimmed().toStdString());
    request.cohort.to = core::parse_date(to_.trimmed().toStdString());
    const auto v = vault();
    if (!v) {
        finish(false, tr("The vault is locked or busy. Unlock it, or wait for the task to end, "
                         "then save again."));
        return false;
    }
    if (!QDir().mkpath(folder_)) {
        finish(false,
               tr("The folder %1 cannot be made. Check that it can be written.").arg(folder_));
        return false;
    }
    const auto path = QDir(folder_).filePath(file_name());
    const core::SystemClock clock;
    auto written = reports::write_pdf_report(*v, request, path.toStdString(), clock);
    if (!written) {
        finish(false, QString::fromStdString(written.error().message));
        return false;
    }
    auto words = tr("Saved to %1 (%n page(s)).", nullptr, written->pages).arg(path);
    if (written->photos_withheld) {
        words += QLatin1Char(' ') + tr("Photos were left out: the client has withheld consent "
                                       "for their use in the medical record.");
    }
    finish(true, words, path);
    return true;
}

} // namespace punctum::ui
