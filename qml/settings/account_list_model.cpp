#include "settings/account_list_model.h"

#include "common/secret_text.h"
#include "common/vault_session.h"

#include <memory>

namespace punctum::ui {

AccountListModel::AccountListModel(QObject* parent) : VaultListModel(parent) {}

void AccountListModel::attached(VaultSession& session) {
    connect(&session, &VaultSession::taskDone, this,
            [this](const QString& kind, bool ok, const QString& message) {
                if (kind == QLatin1String("account.add")) {
                    report(ok ? QString() : message, ok ? message : QString());
                    if (ok) {
                        emit added();
                    }
                } else if (kind == QLatin1String("rotate") && ok) {
                    rotation_advised_ = false;
                    emit errorChanged();
                }
            });
}

int AccountListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AccountListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& a = rows_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return QString::fromStdString(a.display_name);
    case NameRole:
        return QString::fromStdString(a.name);
    case RoleRole:
        return QString::fromUtf8(core::to_string(a.role).data());
    case RoleWordRole:
        return roleWord(QString::fromUtf8(core::to_string(a.role).data()));
    case IsMeRole:
        return QString::fromStdString(a.name) == me_;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const {
    return {{NameRole, "name"},
            {DisplayNameRole, "displayName"},
            {RoleRole, "role"},
            {RoleWordRole, "roleWord"},
            {IsMeRole, "isMe"}};
}

QString AccountListModel::roleWord(const QString& role) {
    if (role == QLatin1String("admin")) {
        return tr("Administrator");
    }
    if (role == QLatin1String("practitioner")) {
        return tr("Practitioner");
    }
    if (role == QLatin1String("reviewer")) {
        return tr("Reviewer");
    }
    if (role == QLatin1String("patient")) {
        return tr("Patient");
    }
    return role;
}

void AccountListModel::reload() {
    auto* session = vaultSession();
    // Never read while a task holds the vault on its worker thread; its end reloads us.
    if (session != nullptr && session->busy()) {
        return;
    }
    beginResetModel();
    rows_.clear();
    me_.clear();
    if (session != nullptr && session->vault() != nullptr) {
        me_ = session->accountName();
        if (auto list = session->vault()->accounts().list()) {
            rows_ = std::move(list.value());
        } else {
            error_ = QString::fromStdString(list.error().message);
        }
    }
    endResetModel();
}

void AccountListModel::report(const QString& error, const QString& notice) {
    error_ = error;
    notice_ = notice;
    emit errorChanged();
}

void AccountListModel::add(const QString& name, const QString& displayName, const QString& role,
                           const QString& passphrase) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return;
    }
    const auto parsed = core::role_from_string(role.toStdString());
    if (name.trimmed().isEmpty() || displayName.trimmed().isEmpty() || !parsed) {
        report(tr("Give the account a login name, a display name and a role."), {});
        return;
    }
    if (const QString weak = VaultSession::weakPassphraseReason(passphrase); !weak.isEmpty()) {
        report(weak, {});
        return;
    }
    auto secret = std::make_shared<storage::SecureBytes>(secret_from(passphrase));
    const std::string login = name.trimmed().toStdString();
    const std::string shown = displayName.trimmed().toStdString();
    const storage::KdfParams kdf = session->kdf();
    const core::Role chosen = *parsed;
    report({}, {});
    session->runOnVault(
        QStringLiteral("account.add"), tr("Adding the account"),
        [secret, login, shown, chosen,
         kdf](storage::Vault& vault, const core::Progress&) -> storage::StorageResult<QString> {
            auto added = vault.accounts().add(login, shown, chosen, *secret, kdf);
            if (!added) {
                return added.failure();
            }
            return tr("%1 can now unlock the vault as %2.")
                .arg(QString::fromStdString(shown), QString::fromStdString(login));
        });
}

void AccountListModel::remove(const QString& name) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || session->busy()) {
        return;
    }
    if (auto removed = session->vault()->accounts().remove(name.toStdString()); !removed) {
        report(QString::fromStdString(removed.error().message), {});
        return;
    }
    rotation_advised_ = true;
    report({}, tr("%1 can no longer unlock the vault. Old copies of the vault file still open "
                  "with their passphrase until you re-encrypt it with a new key.")
                   .arg(name));
    session->notifyDataChanged();
}

} // namespace punctum::ui
