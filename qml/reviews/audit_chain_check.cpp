#include "reviews/audit_chain_check.h"

#include "common/vault_session.h"

#include <QDateTime>
#include <QLocale>

#include <memory>

namespace punctum::ui {

namespace {

// "(0.02 s)": how long the walk took, so a reviewer sees what the checkpoint saves.
QString took(const storage::AuditReport& report) {
    return QStringLiteral("(%1 s)").arg(report.seconds, 0, 'f', 2);
}

// The banner's words for a chain that verified: what was walked, from where, and how long it
// took; then why a checkpoint there was could not be trusted, when that happened.
QString intact_words(const storage::AuditReport& report) {
    QString words;
    if (report.incremental) {
        const auto at =
            QDateTime::fromString(QString::fromStdString(report.checkpoint_at), Qt::ISODate);
        const QString when =
            at.isValid() ? QLocale().toString(at.toLocalTime(), QStringLiteral("ddd d MMM hh:mm"))
                         : QString::fromStdString(report.checkpoint_at);
        words = report.events == 1
                    ? AuditChainCheck::tr("The audit trail is intact: verified 1 new event since "
                                          "the checkpoint of %1 %2.")
                          .arg(when, took(report))
                    : AuditChainCheck::tr("The audit trail is intact: verified %1 new events "
                                          "since the checkpoint of %2 %3.")
                          .arg(report.events)
                          .arg(when, took(report));
    } else {
        // Spelled out: without a translation loaded, tr("%n ...") prints "1 events".
        words = report.events == 1
                    ? AuditChainCheck::tr("The audit trail is intact: 1 event verified %1.")
                          .arg(took(report))
                    : AuditChainCheck::tr("The audit trail is intact: %1 events verified %2.")
                          .arg(report.events)
                          .arg(took(report));
    }
    if (!report.checkpoint_note.empty()) {
        words += QLatin1Char(' ') + QString::fromStdString(report.checkpoint_note);
    }
    return words;
}

} // namespace

AuditChainCheck::AuditChainCheck(QObject* parent) : SessionObject(parent) {}

void AuditChainCheck::set(const QString& state, const QString& message) {
    state_ = state;
    message_ = message;
    emit changed();
}

void AuditChainCheck::verify() {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || session->busy()) {
        return;
    }
    // The worker fills the report; the UI thread reads it once the task has ended.
    auto report = std::make_shared<storage::AuditReport>();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        session, &VaultSession::taskDone, this,
        [this, report, connection](const QString& kind, bool ok, const QString& message) {
            if (kind != QLatin1String("audit.verify")) {
                return;
            }
            disconnect(*connection);
            if (!ok) {
                set(QStringLiteral("failed"), message);
            } else if (report->ok) {
                set(QStringLiteral("intact"), intact_words(*report));
            } else {
                const QString which =
                    report->first_bad
                        ? tr("Event %1 is the first that fails: ").arg(*report->first_bad)
                        : QString();
                set(QStringLiteral("broken"),
                    tr("The audit trail has been altered. %1%2 Keep this vault as it is and "
                       "compare it with a backup.")
                        .arg(which, QString::fromStdString(report->message)));
            }
        });
    const bool started = session->runOnVault(
        QStringLiteral("audit.verify"), tr("Verifying the audit trail"),
        [report](storage::Vault& vault,
                 const core::Progress& progress) -> storage::StorageResult<QString> {
            // From the reader's last checkpoint: the trail opens without walking a long
            // history again. `vault check` and `audit verify --full` walk it all.
            auto checked = vault.audit().verify(progress, storage::AuditScope::since_checkpoint);
            if (!checked) {
                return checked.failure();
            }
            *report = std::move(checked.value());
            return QString();
        },
        [](qint64 done, qint64 total) { return tr("%1 of %2 events").arg(done).arg(total); });
    if (started) {
        set(QStringLiteral("checking"), tr("Verifying the audit trail\u2026"));
    } else {
        disconnect(*connection);
    }
}

} // namespace punctum::ui
