#include "reviews/sign_off_actions.h"

#include "common/vault_session.h"
#include "punctum/core/model/role.h"

namespace punctum::ui {

SignOffActions::SignOffActions(QObject* parent) : SessionObject(parent) {}

bool SignOffActions::canSignOff() const {
    auto v = vault();
    return v != nullptr && core::permits(v->account().role, core::Action::review_sessions);
}

int SignOffActions::noteLimit() {
    return static_cast<int>(storage::sign_off_note_limit);
}

void SignOffActions::clearError() {
    if (!error_.isEmpty() || error_session_ != 0) {
        error_.clear();
        error_session_ = 0;
        emit errorChanged();
    }
}

bool SignOffActions::signOff(qint64 sessionId, const QString& comment) {
    return step(sessionId, true, comment);
}

bool SignOffActions::returnSession(qint64 sessionId, const QString& finding) {
    return step(sessionId, false, finding);
}

bool SignOffActions::step(qint64 sessionId, bool reviewed, const QString& text) {
    auto* session = vaultSession();
    auto v = session != nullptr ? session->vault() : nullptr;
    if (v == nullptr) {
        error_ = tr("The vault is locked. Unlock it and try again.");
        error_session_ = sessionId;
        emit errorChanged();
        return false;
    }
    // Storage trims, checks and refuses; its sentence is what the dialog shows.
    const std::string note = text.toStdString();
    const core::SessionId id{sessionId};
    auto done =
        reviewed ? v->reviews().sign_off(id, note) : v->reviews().return_to_practitioner(id, note);
    if (!done) {
        error_ = QString::fromStdString(done.error().message);
        error_session_ = sessionId;
        emit errorChanged();
        return false;
    }
    clearError();
    session->notifyDataChanged();
    return true;
}

} // namespace punctum::ui
