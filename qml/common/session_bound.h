#pragma once
// What every controller and model is given to reach the vault: the VaultSession (the open
// vault and who is signed in), as the `vaultSession` property, set by whoever makes it. QML
// binds it to the VaultSession singleton (`vaultSession: VaultSession`); a test passes its
// own. Nothing below looks a session up by itself, so any controller can be built in a test
// with the session it needs, and a page never reaches a global.
//
// Three bases, one per Qt base class the controllers have; the link itself is SessionLink.

#include "common/vault_session.h"
#include "punctum/core/date.h"

#include <QAbstractListModel>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

namespace punctum::ui {

/// The session a controller was given, and the connection that reloads the controller after
/// every write.
class SessionLink {
public:
    /// Links to `session`: `reload` runs now and after every write. False (nothing done)
    /// when `session` is the one already linked.
    bool set(QObject* owner, VaultSession* session, const std::function<void()>& reload);
    [[nodiscard]] VaultSession* session() const { return session_.data(); }
    /// The open vault for one use (see VaultSession::vault): null without a session, while
    /// locked, or while a long task holds it.
    [[nodiscard]] std::shared_ptr<storage::Vault> vault() const;
    /// Today by the session's clock; by the system clock without a session.
    [[nodiscard]] core::Date today() const;

private:
    QPointer<VaultSession> session_;
    QMetaObject::Connection reloads_;
};

/// A controller (a page's, a card's) over the vault.
class SessionObject : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(punctum::ui::VaultSession* vaultSession READ vaultSession WRITE setVaultSession
                   NOTIFY vaultSessionChanged REQUIRED)

public:
    [[nodiscard]] VaultSession* vaultSession() const { return link_.session(); }
    void setVaultSession(VaultSession* session);

signals:
    void vaultSessionChanged();

protected:
    explicit SessionObject(QObject* parent) : QObject(parent) {}
    /// Reads again from the vault: when the session is set and after every write.
    virtual void reload() {}
    /// Called once a session is set, for connections beyond reloading (task ends, ...).
    virtual void attached(VaultSession& /*session*/) {}
    [[nodiscard]] std::shared_ptr<storage::Vault> vault() const { return link_.vault(); }
    [[nodiscard]] core::Date today() const { return link_.today(); }

private:
    SessionLink link_;
};

/// A list model over the vault (the same property and hooks as SessionObject).
class VaultListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(punctum::ui::VaultSession* vaultSession READ vaultSession WRITE setVaultSession
                   NOTIFY vaultSessionChanged REQUIRED)

public:
    [[nodiscard]] VaultSession* vaultSession() const { return link_.session(); }
    void setVaultSession(VaultSession* session);

signals:
    void vaultSessionChanged();

protected:
    explicit VaultListModel(QObject* parent) : QAbstractListModel(parent) {}
    virtual void reload() {}
    virtual void attached(VaultSession& /*session*/) {}
    [[nodiscard]] std::shared_ptr<storage::Vault> vault() const { return link_.vault(); }
    [[nodiscard]] core::Date today() const { return link_.today(); }

private:
    SessionLink link_;
};

} // namespace punctum::ui
