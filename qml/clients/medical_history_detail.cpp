#include "clients/medical_history_detail.h"

#include "common/display_text.h"
#include "common/vault_session.h"

namespace punctum::ui {

MedicalHistoryDetail::MedicalHistoryDetail(QObject* parent) : SessionObject(parent) {}

void MedicalHistoryDetail::setClientId(qint64 id) {
    if (id == id_) {
        return;
    }
    id_ = id;
    emit clientIdChanged();
    reload();
}

bool MedicalHistoryDetail::empty() const {
    return allergies_.isEmpty() && sensitivities_.isEmpty() && medications_.isEmpty() &&
           conditions_.isEmpty();
}

void MedicalHistoryDetail::reload() {
    loaded_ = false;
    allergies_.clear();
    sensitivities_.clear();
    medications_.clear();
    conditions_.clear();
    updated_text_ = tr("Never recorded");
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id_ > 0) {
        if (auto h = session->vault()->clients().history(core::ClientId{id_})) {
            loaded_ = true;
            allergies_ = QString::fromStdString(h->allergies);
            sensitivities_ = QString::fromStdString(h->sensitivities);
            medications_ = QString::fromStdString(h->medications);
            conditions_ = QString::fromStdString(h->conditions);
            if (h->updated_at) {
                updated_text_ =
                    tr("Last updated %1").arg(list_date(core::date_of(*h->updated_at), today()));
            }
        }
    }
    emit changed();
}

void MedicalHistoryDetail::setError(const QString& message) {
    if (message != error_) {
        error_ = message;
        emit errorChanged();
    }
}

bool MedicalHistoryDetail::save(const QString& allergies, const QString& sensitivities,
                                const QString& medications, const QString& conditions) {
    setError({});
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        setError(tr("The vault is locked. Unlock it and save again."));
        return false;
    }
    core::MedicalHistory h;
    h.allergies = allergies.trimmed().toStdString();
    h.sensitivities = sensitivities.trimmed().toStdString();
    h.medications = medications.trimmed().toStdString();
    h.conditions = conditions.trimmed().toStdString();
    auto saved = session->vault()->clients().set_history(core::ClientId{id_}, h);
    if (!saved) {
        setError(QString::fromStdString(saved.error().message));
        return false;
    }
    session->notifyDataChanged(); // reloads every view of this history
    return true;
}

} // namespace punctum::ui
