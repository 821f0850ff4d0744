#include "exchange/care_plan_tasks.h"

#include "common/vault_session.h"
#include "exchange/inbox_files.h"

#include "punctum/core/model/role.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/vault.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QStandardPaths>

namespace punctum::ui {

CarePlanTasks::CarePlanTasks(QObject* parent) : SessionObject(parent) {}
CarePlanTasks::~CarePlanTasks() = default;

void CarePlanTasks::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // the task's end reloads us
    }
    auto vault = this->vault();
    const bool allowed = vault && vault->kind() == storage::VaultKind::clinic &&
                         core::permits(vault->account().role, core::Action::write_clinical);
    if (allowed != allowed_) {
        allowed_ = allowed;
        emit allowedChanged();
    }
}

void CarePlanTasks::attached(VaultSession& session) {
    connect(&session, &VaultSession::taskDone, this,
            [this](const QString& kind, bool ok, const QString& message) {
                if (kind != QLatin1String("careplan") || !pending_) {
                    return;
                }
                const Pending done = std::exchange(pending_, nullptr);
                failed_ = !ok || !done->has_value();
                message_ = message;
                code_ = failed_ ? QString() : QString::fromStdString((*done)->pairing_code);
                path_ = failed_ ? QString() : QString::fromStdString((*done)->out.string());
                emit issuedChanged();
            });
}

void CarePlanTasks::clear() {
    code_.clear();
    path_.clear();
    message_.clear();
    failed_ = false;
    emit issuedChanged();
}

bool CarePlanTasks::issue(qint64 sessionId, const QUrl& file) {
    VaultSession* session = vaultSession();
    if (session == nullptr || pending_) {
        return false;
    }
    QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QLatin1String(inbox::care_plan_suffix))) {
        path += QLatin1String(inbox::care_plan_suffix);
    }
    auto pending = std::make_shared<std::optional<storage::IssuedCarePlan>>();
    const core::SessionId id{sessionId};
    const bool started = session->runOnVault(
        QStringLiteral("careplan"), tr("Writing the care plan"),
        [pending, id, path](storage::Vault& vault,
                            const core::Progress&) -> storage::StorageResult<QString> {
            auto issued = vault.exchange().issue_care_plan(id, path.toStdString());
            if (!issued) {
                return issued.failure();
            }
            *pending = *issued;
            return tr("Saved the care plan as %1.").arg(QDir::toNativeSeparators(path));
        });
    if (started) {
        pending_ = pending;
        code_.clear();
        message_.clear();
        emit issuedChanged();
    }
    return started;
}

QUrl CarePlanTasks::suggestedFile(qint64 sessionId) const {
    auto documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty()) {
        documents = QDir::homePath();
    }
    const QString folder = QDir(documents).filePath(QStringLiteral("Punctum"));
    QDir().mkpath(folder); // so the dialog opens there
    const QString day = QString::fromStdString(core::format_date(today()));
    return QUrl::fromLocalFile(
        QDir(folder).filePath(QStringLiteral("care-plan-session-%1-%2%3")
                                  .arg(sessionId)
                                  .arg(day, QLatin1String(inbox::care_plan_suffix))));
}

void CarePlanTasks::copy(const QString& text) {
    if (auto* clipboard = QGuiApplication::clipboard()) {
        clipboard->setText(text);
    }
}

} // namespace punctum::ui
