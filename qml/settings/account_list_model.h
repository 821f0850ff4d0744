#pragma once
// The vault's accounts for the admin's settings: list, add (with its first passphrase) and
// remove. Storage enforces Action::manage_accounts; a refusal comes back as `error`, shown
// next to the control that caused it.

#include "common/session_bound.h"
#include "punctum/storage/account.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class AccountListModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// What the last add or remove did, in words; empty after an error.
    Q_PROPERTY(QString notice READ notice NOTIFY errorChanged)
    /// True after a removal until the data key is rotated: the old key still opens old copies.
    Q_PROPERTY(bool rotationAdvised READ rotationAdvised NOTIFY errorChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DisplayNameRole,
        RoleRole,     ///< "admin" | "practitioner" | "reviewer" | "patient"
        RoleWordRole, ///< "Administrator", ...
        IsMeRole,     ///< the signed-in account (it cannot remove itself)
    };
    Q_ENUM(Role)

    explicit AccountListModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString notice() const { return notice_; }
    [[nodiscard]] bool rotationAdvised() const { return rotation_advised_; }

    /// Adds an account off the UI thread (its key slot takes a second of Argon2id). A weak
    /// first passphrase is refused here, with the reason.
    Q_INVOKABLE void add(const QString& name, const QString& displayName, const QString& role,
                         const QString& passphrase);
    /// Removes an account; afterwards rotating the data key is advised (rotationAdvised).
    Q_INVOKABLE void remove(const QString& name);
    /// "Administrator", "Practitioner", "Reviewer", "Patient".
    Q_INVOKABLE static QString roleWord(const QString& role);

public slots:
    void reload() override;

signals:
    void errorChanged();
    /// An account was added; the form clears itself.
    void added();

private:
    /// Reports an added account and a finished key rotation (both are long tasks).
    void attached(VaultSession& session) override;
    void report(const QString& error, const QString& notice);

    std::vector<storage::Account> rows_;
    QString me_;
    QString error_;
    QString notice_;
    bool rotation_advised_ = false;
};

} // namespace punctum::ui
