#pragma once
// The exchange settings, remembered per vault: the clinic's name on its care plans, and the
// clinic's inbox (reports arrive there, for example inside a Syncthing or Nextcloud share) and the
// patient's outbox (reports are written there). Kept as vault settings (Vault::setting), like the
// auto-lock time, rather than in Preferences (QSettings): the folder belongs to the vault it feeds,
// two vaults on one computer keep their own, and a change is audited. Storage lets an administrator
// or the patient change them (Action::change_settings); others see them read-only.

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace punctum::storage {
class Vault;
}

namespace punctum::ui {

class ExchangeSettings : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// Local paths; empty when none is chosen.
    Q_PROPERTY(QString inboxFolder READ inboxFolder NOTIFY foldersChanged)
    Q_PROPERTY(QString outboxFolder READ outboxFolder NOTIFY foldersChanged)
    /// The clinic's name as patients see it on care plans and in their app (a clinic vault);
    /// without one, storage names the practitioner who treated.
    Q_PROPERTY(QString clinicName READ clinicName NOTIFY foldersChanged)
    /// The refusal of the last change, in words; empty after a change that worked.
    Q_PROPERTY(QString error READ error NOTIFY foldersChanged)

public:
    static constexpr const char* inbox_key = "exchange.inbox_folder";
    static constexpr const char* outbox_key = "exchange.outbox_folder";
    static constexpr const char* clinic_name_key = "clinic_name"; ///< read by storage too

    explicit ExchangeSettings(QObject* parent = nullptr) : SessionObject(parent) {}

    [[nodiscard]] QString inboxFolder() const { return inbox_; }
    [[nodiscard]] QString outboxFolder() const { return outbox_; }
    [[nodiscard]] QString clinicName() const { return clinic_name_; }
    [[nodiscard]] QString error() const { return error_; }

    /// Remembers `folder` (a folder dialog's URL; empty: none) as this vault's inbox/outbox.
    Q_INVOKABLE bool setInboxFolder(const QUrl& folder);
    Q_INVOKABLE bool setOutboxFolder(const QUrl& folder);
    Q_INVOKABLE bool setClinicName(const QString& name);
    /// A local path as a URL for a FolderDialog's currentFolder (empty: the home folder).
    Q_INVOKABLE static QUrl folderUrl(const QString& path);

    /// The folder stored under `key` in `vault`; empty when none or unreadable.
    [[nodiscard]] static QString stored(storage::Vault& vault, const char* key);

signals:
    void foldersChanged();

protected:
    void reload() override;

private:
    bool store(const char* key, const QString& value);

    QString inbox_, outbox_, clinic_name_, error_;
};

} // namespace punctum::ui
