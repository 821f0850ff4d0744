#include "clients/new_client_page_controller.h"

#include "common/vault_session.h"

#include "punctum/core/model/client.h"

namespace punctum::ui {

NewClientPageController::NewClientPageController(QObject* parent) : SessionObject(parent) {}

void NewClientPageController::setError(const QString& message) {
    error_ = message;
    emit errorChanged();
}

qint64 NewClientPageController::save() {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        setError(tr("The vault is locked. Unlock it and try again."));
        return 0;
    }
    core::Client client;
    client.display_name = name_.trimmed().toStdString();
    client.notes = notes_.trimmed().toStdString();
    if (fitzpatrick_ > 0) {
        client.fitzpatrick = fitzpatrick_;
    }
    if (!date_of_birth_.trimmed().isEmpty()) {
        const auto dob = core::parse_date(date_of_birth_.trimmed().toStdString());
        if (!dob) {
            setError(
                tr("The date of birth \u201c%1\u201d is not a date. Write it as year-month-day, "
                   "for example 1990-04-21.")
                    .arg(date_of_birth_.trimmed()));
            return 0;
        }
        if (std::chrono::sys_days{*dob} > std::chrono::sys_days{today()}) {
            setError(tr("The date of birth is in the future. Check the year."));
            return 0;
        }
        client.date_of_birth = dob;
    }
    if (auto valid = core::validate(client); !valid) {
        setError(QString::fromStdString(valid.error().message));
        return 0;
    }
    auto& vault = *session->vault();
    core::ClientId id;
    const std::pair<core::PhotoUse, int> answers[] = {
        {core::PhotoUse::medical_record, medical_record_},
        {core::PhotoUse::in_clinic_display, in_clinic_display_},
        {core::PhotoUse::publication, publication_},
    };
    auto stored = vault.batch([&]() -> storage::StorageResult<void> {
        auto added = vault.clients().add(client);
        if (!added) {
            return added.failure();
        }
        id = *added;
        for (const auto& [use, answer] : answers) {
            if (answer < 0) {
                continue; // not asked: export treats it by the use's default
            }
            if (auto r = vault.clients().set_consent(id, use, answer == 1); !r) {
                return r.failure();
            }
        }
        return {};
    });
    if (!stored) {
        setError(QString::fromStdString(stored.error().message));
        return 0;
    }
    setError({});
    session->notifyDataChanged();
    return id.value;
}

} // namespace punctum::ui
