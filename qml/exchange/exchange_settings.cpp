#include "exchange/exchange_settings.h"

#include "common/vault_session.h"

#include <QDir>

namespace punctum::ui {

QString ExchangeSettings::stored(storage::Vault& vault, const char* key) {
    auto value = vault.setting(key);
    return value && value.value() ? QString::fromStdString(*value.value()) : QString();
}

QUrl ExchangeSettings::folderUrl(const QString& path) {
    return QUrl::fromLocalFile(path.isEmpty() ? QDir::homePath() : path);
}

void ExchangeSettings::reload() {
    auto* session = vaultSession();
    if (session != nullptr && session->busy()) {
        return; // a task holds the vault; its end reloads us
    }
    inbox_.clear();
    outbox_.clear();
    clinic_name_.clear();
    if (auto vault = this->vault()) {
        inbox_ = stored(*vault, inbox_key);
        outbox_ = stored(*vault, outbox_key);
        clinic_name_ = stored(*vault, clinic_name_key);
    }
    emit foldersChanged();
}

namespace {
QString folder_path(const QUrl& folder) {
    if (folder.isEmpty()) {
        return {};
    }
    return QDir::cleanPath(folder.isLocalFile() ? folder.toLocalFile() : folder.toString());
}
} // namespace

bool ExchangeSettings::store(const char* key, const QString& value) {
    auto vault = this->vault();
    if (!vault) {
        return false;
    }
    if (auto saved = vault->set_setting(key, value.toStdString()); !saved) {
        error_ = QString::fromStdString(saved.error().message);
        emit foldersChanged();
        return false;
    }
    error_.clear();
    // Everything that reads the folders (the inbox, the patient's page) reloads.
    vaultSession()->notifyDataChanged();
    return true;
}

bool ExchangeSettings::setInboxFolder(const QUrl& folder) {
    return store(inbox_key, folder_path(folder));
}

bool ExchangeSettings::setOutboxFolder(const QUrl& folder) {
    return store(outbox_key, folder_path(folder));
}

bool ExchangeSettings::setClinicName(const QString& name) {
    return name.trimmed() == clinic_name_ || store(clinic_name_key, name.trimmed());
}

} // namespace punctum::ui
