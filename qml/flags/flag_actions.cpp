#include "flags/flag_actions.h"

#include "common/vault_session.h"

#include "punctum/core/model/role.h"

namespace punctum::ui {

namespace {
bool role_permits(const std::shared_ptr<storage::Vault>& vault, core::Action action) {
    return vault != nullptr && core::permits(vault->account().role, action);
}
} // namespace

FlagActions::FlagActions(QObject* parent) : SessionObject(parent) {}

bool FlagActions::canAcknowledge() const {
    return role_permits(vault(), core::Action::annotate);
}
bool FlagActions::canSettle() const {
    return role_permits(vault(), core::Action::settle_flags);
}

void FlagActions::clearError() {
    if (!error_.isEmpty() || error_flag_ != 0) {
        error_.clear();
        error_flag_ = 0;
        emit errorChanged();
    }
}

template <typename Move> bool FlagActions::run(qint64 flagId, Move&& move) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        error_ = tr("The vault is locked. Unlock it and try again.");
        error_flag_ = flagId;
        emit errorChanged();
        return false;
    }
    auto done = move(session->vault()->flags());
    if (!done) {
        error_ = QString::fromStdString(done.error().message);
        error_flag_ = flagId;
        emit errorChanged();
        return false;
    }
    clearError();
    session->notifyDataChanged();
    return true;
}

bool FlagActions::acknowledge(qint64 flagId) {
    return run(flagId, [flagId](storage::FlagStore& flags) { return flags.acknowledge(flagId); });
}

bool FlagActions::resolve(qint64 flagId, const QString& note) {
    const std::string text = note.trimmed().toStdString();
    return run(flagId,
               [flagId, &text](storage::FlagStore& flags) { return flags.resolve(flagId, text); });
}

bool FlagActions::dismiss(qint64 flagId, const QString& reason) {
    const std::string text = reason.trimmed().toStdString();
    if (text.empty()) {
        error_ = tr("Say why this flag is not a problem, then dismiss it.");
        error_flag_ = flagId;
        emit errorChanged();
        return false;
    }
    return run(flagId,
               [flagId, &text](storage::FlagStore& flags) { return flags.dismiss(flagId, text); });
}

} // namespace punctum::ui
