#include "exchange/care_plans_page_controller.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "exchange/care_plan_list_model.h"
#include "exchange/exchange_settings.h"
#include "exchange/exchange_words.h"
#include "exchange/inbox_files.h"

#include "punctum/core/exchange/pairing_code.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace punctum::ui {

namespace {

QString local_path(const QUrl& file) {
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

QString documents_folder() {
    auto documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString clinic_of(storage::Vault& vault, const std::string& plan_id) {
    if (auto plans = vault.exchange().care_plans()) {
        for (const auto& p : *plans) {
            if (p.plan_id == plan_id) {
                return QString::fromStdString(p.clinic_name);
            }
        }
    }
    return CarePlansPageController::tr("your clinic");
}

QString sent_words(const storage::WrittenReport& w, const QString& clinic, const QString& path,
                   bool outbox) {
    QString text;
    if (w.entries == 0 && w.photos == 0) {
        text = CarePlansPageController::tr("Your first report for %1 holds no check-ins yet: "
                                           "it tells the clinic your app is paired.")
                   .arg(clinic);
    } else if (w.photos == 0) {
        text = CarePlansPageController::tr("Your report for %1 holds %2.")
                   .arg(clinic, exchange_words::checkins(w.entries));
    } else {
        text =
            CarePlansPageController::tr("Your report for %1 holds %2 and %3.")
                .arg(clinic, exchange_words::checkins(w.entries), exchange_words::photos(w.photos));
    }
    if (w.photos_withheld > 0) {
        text += QLatin1Char(' ') +
                CarePlansPageController::tr("%1 held back: you have not allowed photos in your "
                                            "clinic record.")
                    .arg(exchange_words::photos(w.photos_withheld));
    }
    const QString where = QDir::toNativeSeparators(path);
    text += QLatin1Char(' ') +
            (outbox ? CarePlansPageController::tr(
                          "It is in your outbox (%1); your sync app takes it to the clinic.")
                          .arg(where)
                    : CarePlansPageController::tr(
                          "Saved as %1. Give this file to your clinic by email, on a USB stick "
                          "or in a shared folder: only your clinic can open it.")
                          .arg(where));
    return text;
}

} // namespace

void CarePlansPageController::attached(VaultSession& session) {
    connect(&session, &VaultSession::taskDone, this,
            [this](const QString& kind, bool ok, const QString& message) {
                if (kind == QLatin1String("careplan.open")) {
                    open_failed_ = !ok;
                    open_message_ = message;
                    emit openFinished();
                } else if (kind == QLatin1String("report")) {
                    send_failed_ = !ok;
                    send_message_ = message;
                    emit sendFinished();
                }
            });
}

void CarePlansPageController::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // the task's end reloads us
    }
    auto vault = this->vault();
    const QString outbox =
        vault ? ExchangeSettings::stored(*vault, ExchangeSettings::outbox_key) : QString();
    if (outbox != outbox_) {
        outbox_ = outbox;
        emit outboxChanged();
    }
}

QString CarePlansPageController::codeProblem(const QString& typed) {
    if (core::exchange::normalize_pairing_code(typed.toStdString())) {
        return {};
    }
    return tr("Type the 10 letters and digits the clinic told you, like ABCDE-FGHJK. Case, "
              "spaces and dashes do not matter.");
}

bool CarePlansPageController::openCarePlan(const QUrl& file, const QString& code) {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return false;
    }
    const QString path = local_path(file);
    QString problem =
        path.isEmpty() ? tr("Choose the care plan file your clinic gave you.") : codeProblem(code);
    if (problem.isEmpty() && !QFileInfo(path).isFile()) {
        problem =
            tr("%1 cannot be found. Choose the file again.").arg(QDir::toNativeSeparators(path));
    }
    if (!problem.isEmpty()) {
        open_failed_ = true;
        open_message_ = problem;
        emit openFinished();
        return false;
    }
    const std::string typed = code.toStdString();
    return session->runOnVault(
        QStringLiteral("careplan.open"), tr("Opening the care plan"),
        [path, typed](storage::Vault& vault,
                      const core::Progress&) -> storage::StorageResult<QString> {
            auto opened = vault.exchange().open_care_plan(path.toStdString(), typed);
            if (!opened) {
                return opened.failure();
            }
            const QString clinic = QString::fromStdString(opened->clinic_name);
            const QString day =
                QLocale().toString(to_qdate(opened->treated_on), QStringLiteral("dddd d MMMM"));
            if (opened->already_open) {
                return tr("This care plan from %1 (treatment of %2) was already open: nothing "
                          "changed.")
                    .arg(clinic, day);
            }
            return tr("Joined %1: your treatment of %2 is in your record with its aftercare. "
                      "Check in each day on Today; your check-ins are compared with this care "
                      "plan at once.")
                .arg(clinic, day);
        });
}

QString CarePlansPageController::outboxFile() const {
    const QString stamp =
        QString::fromStdString(core::format_timestamp(vaultSession()->clock().now()))
            .left(16)
            .replace(QLatin1Char(':'), QLatin1Char('-'));
    return QDir(outbox_).filePath(
        QStringLiteral("recovery-%1%2").arg(stamp, QLatin1String(inbox::report_suffix)));
}

bool CarePlansPageController::sendReport(const QUrl& file, const QString& planId) {
    VaultSession* session = vaultSession();
    if (session == nullptr) {
        return false;
    }
    const bool outbox = file.isEmpty();
    if (outbox && outbox_.isEmpty()) {
        send_failed_ = true;
        send_message_ = tr("No outbox folder is chosen. Choose one in Settings, or save the "
                           "report to a file.");
        emit sendFinished();
        return false;
    }
    QString path = outbox ? outboxFile() : local_path(file);
    if (!path.endsWith(QLatin1String(inbox::report_suffix))) {
        path += QLatin1String(inbox::report_suffix);
    }
    storage::ReportOptions options;
    options.plan_id = planId.toStdString();
    if (const QString nothing = nothingNew(options.plan_id); !nothing.isEmpty()) {
        send_failed_ = true;
        send_message_ = nothing;
        emit sendFinished();
        return false;
    }
    return session->runOnVault(
        QStringLiteral("report"), tr("Sealing your recovery report"),
        [path, outbox, options](storage::Vault& vault,
                                const core::Progress&) -> storage::StorageResult<QString> {
            // Into a shared folder under a hidden name first, renamed when whole, so the
            // clinic's inbox never takes half a file whatever the sync app does.
            QString target = path;
            if (outbox) {
                const QFileInfo final(path);
                target = final.dir().filePath(QStringLiteral(".") + final.fileName() +
                                              QStringLiteral(".part"));
            }
            auto written = vault.exchange().write_report(target.toStdString(), options);
            if (!written) {
                return written.failure();
            }
            QString where = target;
            if (outbox) {
                // The report's own name, or "-2", "-3", ... beside an earlier one not yet taken.
                const QFileInfo wanted(path);
                QString stem = wanted.fileName();
                stem.chop(QLatin1String(inbox::report_suffix).size());
                where = path;
                for (int n = 2; QFileInfo::exists(where); ++n) {
                    where = wanted.dir().filePath(QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(
                        QLatin1String(inbox::report_suffix)));
                }
                if (!QFile::rename(target, where)) {
                    QFile::remove(target);
                    return fail(storage::StorageErrc::io,
                                tr("Cannot write into the outbox %1. Check that the folder "
                                   "exists and can be written, in Settings.")
                                    .arg(QDir::toNativeSeparators(wanted.absolutePath()))
                                    .toStdString());
                }
            }
            return sent_words(*written, clinic_of(vault, written->plan_id), where, outbox);
        });
}

QString CarePlansPageController::nothingNew(const std::string& plan_id) const {
    auto vault = this->vault();
    auto plans = vault ? vault->exchange().care_plans()
                       : storage::StorageResult<std::vector<storage::CarePlanInfo>>(
                             std::vector<storage::CarePlanInfo>{});
    if (!plans) {
        return {};
    }
    for (const auto& p : *plans) {
        if (plan_id.empty() || p.plan_id == plan_id) {
            // The first report pairs the patient with the clinic, even with nothing in it.
            const bool nothing =
                p.reports_sent > 0 && p.unsent_entries == 0 && p.unsent_photos == 0;
            return nothing ? tr("Nothing new since your last report: everything you logged "
                                "has been sent. Check in on Today, then send again.")
                           : QString();
        }
    }
    return tr("Open the care plan from your clinic first: a report goes to the clinic whose "
              "care plan you hold.");
}

QUrl CarePlansPageController::suggestedReportFile() const {
    const QString folder = QDir(documents_folder()).filePath(QStringLiteral("Punctum"));
    QDir().mkpath(folder);
    const QString day = QString::fromStdString(core::format_date(today()));
    return QUrl::fromLocalFile(QDir(folder).filePath(
        QStringLiteral("recovery-%1%2").arg(day, QLatin1String(inbox::report_suffix))));
}

QUrl CarePlansPageController::carePlanFolder() {
    const auto downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return QUrl::fromLocalFile(
        !downloads.isEmpty() && QFileInfo(downloads).isDir() ? downloads : documents_folder());
}

} // namespace punctum::ui
