#include "client_detail.h"

#include "display_text.h"
#include "vault_session.h"

#include <QLocale>

namespace punctum::ui {

ClientDetail::ClientDetail(QObject* parent) : QObject(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &ClientDetail::reload);
    }
}

void ClientDetail::setClientId(qint64 id) {
    if (id == id_) {
        return;
    }
    id_ = id;
    emit clientIdChanged();
    reload();
}

void ClientDetail::reload() {
    found_ = false;
    name_.clear();
    dob_.clear();
    notes_.clear();
    error_.clear();
    age_ = -1;
    fitzpatrick_ = 0;
    auto* session = VaultSession::instance();
    if (session != nullptr && session->vault() != nullptr && id_ > 0) {
        auto client = session->vault()->clients().get(core::ClientId{id_});
        if (client) {
            found_ = true;
            name_ = QString::fromStdString(client->display_name);
            notes_ = QString::fromStdString(client->notes);
            fitzpatrick_ = client->fitzpatrick.value_or(0);
            if (client->date_of_birth) {
                const QDate dob = to_qdate(*client->date_of_birth);
                const QDate today = to_qdate(VaultSession::today());
                dob_ = QLocale().toString(dob, QLocale::LongFormat);
                age_ = today.year() - dob.year() -
                       ((today.month() < dob.month() ||
                         (today.month() == dob.month() && today.day() < dob.day()))
                            ? 1
                            : 0);
            }
        } else {
            error_ = QString::fromStdString(client.error().message);
        }
    }
    emit loaded();
}

} // namespace punctum::ui
