#include "reviews/audit_chain_check.h"

#include "common/vault_session.h"

#include <memory>

namespace punctum::ui {

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
                // Spelled out: without a translation loaded, tr("%n ...") prints "1 events".
                set(QStringLiteral("intact"),
                    report->events == 1
                        ? tr("The audit trail is intact: 1 event verified.")
                        : tr("The audit trail is intact: %1 events verified.").arg(report->events));
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
            auto checked = vault.audit().verify(progress);
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
