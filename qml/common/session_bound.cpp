#include "common/session_bound.h"

#include "common/vault_session.h"

namespace punctum::ui {

bool SessionLink::set(QObject* owner, VaultSession* session, const std::function<void()>& reload) {
    if (session == session_) {
        return false;
    }
    QObject::disconnect(reloads_);
    session_ = session;
    if (session != nullptr) {
        reloads_ = QObject::connect(session, &VaultSession::dataChanged, owner, reload);
    }
    reload();
    return true;
}

std::shared_ptr<storage::Vault> SessionLink::vault() const {
    return session_ != nullptr ? session_->vault() : nullptr;
}

core::Date SessionLink::today() const {
    return session_ != nullptr ? session_->today() : core::date_of(core::SystemClock{}.now());
}

void SessionObject::setVaultSession(VaultSession* session) {
    if (link_.set(this, session, [this] { reload(); })) {
        if (session != nullptr) {
            attached(*session);
        }
        emit vaultSessionChanged();
    }
}

void VaultListModel::setVaultSession(VaultSession* session) {
    if (link_.set(this, session, [this] { reload(); })) {
        if (session != nullptr) {
            attached(*session);
        }
        emit vaultSessionChanged();
    }
}

} // namespace punctum::ui
