#include "clients/client_page_controller.h"

#include "common/display_text.h"
#include "common/vault_session.h"

#include <QLocale>
#include <QVariantMap>

namespace punctum::ui {

ClientPageController::ClientPageController(QObject* parent) : SessionObject(parent) {}

void ClientPageController::setClientId(qint64 id) {
    if (id == id_) {
        return;
    }
    id_ = id;
    emit clientIdChanged();
    reload();
}

void ClientPageController::reload() {
    found_ = false;
    name_.clear();
    dob_.clear();
    notes_.clear();
    error_.clear();
    age_ = -1;
    fitzpatrick_ = 0;
    consents_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id_ > 0) {
        auto client = session->vault()->clients().get(core::ClientId{id_});
        if (client) {
            found_ = true;
            name_ = QString::fromStdString(client->display_name);
            notes_ = QString::fromStdString(client->notes);
            fitzpatrick_ = client->fitzpatrick.value_or(0);
            if (client->date_of_birth) {
                const QDate dob = to_qdate(*client->date_of_birth);
                const QDate now = to_qdate(today());
                dob_ = QLocale().toString(dob, QLocale::LongFormat);
                age_ = now.year() - dob.year() -
                       ((now.month() < dob.month() ||
                         (now.month() == dob.month() && now.day() < dob.day()))
                            ? 1
                            : 0);
            }
            load_consents(*session->vault());
        } else {
            error_ = QString::fromStdString(client.error().message);
        }
    }
    emit loaded();
}

void ClientPageController::load_consents(storage::Vault& vault) {
    auto answers = vault.clients().consents(core::ClientId{id_});
    const std::pair<core::PhotoUse, QString> uses[] = {
        {core::PhotoUse::medical_record, tr("Photos in the medical record")},
        {core::PhotoUse::in_clinic_display, tr("Photos shown in the clinic")},
        {core::PhotoUse::publication, tr("Photos published")},
    };
    for (const auto& [use, label] : uses) {
        QVariantMap chip{{QStringLiteral("use"),
                          QString::fromUtf8(core::to_string(use).data(),
                                            static_cast<qsizetype>(core::to_string(use).size()))},
                         {QStringLiteral("label"), label},
                         {QStringLiteral("answer"), QStringLiteral("not asked")}};
        if (answers) {
            for (const auto& a : *answers) {
                if (a.use == use) {
                    chip[QStringLiteral("answer")] =
                        a.granted ? QStringLiteral("granted") : QStringLiteral("withheld");
                    chip[QStringLiteral("recordedOn")] =
                        list_date(core::date_of(a.recorded_at), today());
                    chip[QStringLiteral("recordedBy")] = QString::fromStdString(a.recorded_by);
                }
            }
        }
        consents_.append(chip);
    }
}

QString ClientPageController::setConsent(const QString& use, bool granted) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return tr("The vault is locked. Unlock it and try again.");
    }
    const auto which = core::photo_use_from_string(use.toStdString());
    if (!which) {
        return tr("Unknown photo use “%1”.").arg(use);
    }
    auto done = session->vault()->clients().set_consent(core::ClientId{id_}, *which, granted);
    if (!done) {
        return QString::fromStdString(done.error().message);
    }
    session->notifyDataChanged(); // reloads this page's chips too
    return {};
}

} // namespace punctum::ui
