// The page tour's sign-off part (issue 14 item 3): the incomplete records a reviewer works
// through, a second reviewer returning the flagged session with a finding, and that finding
// at the top of the admin's (its practitioner's) Needs attention. Runs between the new
// session and the roles part, and leaves the admin signed in as it found them.

#include "app/tour_driver.h"
#include "app/tour_step.h"
#include "common/vault_session.h"

#include "punctum/storage/vault.h"

namespace punctum::ui {

namespace {

bool reviews_incomplete(TourDriver& t) {
    t.show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("incomplete")}});
    return true;
}

void sign_in(TourDriver& t, const QString& name) {
    auto& session = t.session();
    session.lock();
    session.unlock(name, QString::fromUtf8(tour_passphrase));
    session.waitUntilIdle(30000);
    if (!session.unlocked()) {
        t.problem(QStringLiteral("signing in as %1 failed: %2").arg(name, session.error()));
    }
}

// A reviewer who did not treat the session (the admin did) returns it with a finding.
bool reviews_return(TourDriver& t) {
    if (auto vault = t.session().vault()) {
        if (auto added = vault->accounts().add("noor", "Noor Haddad", core::Role::reviewer,
                                               storage::SecureBytes::from(tour_passphrase),
                                               storage::KdfParams::interactive());
            !added) {
            t.problem(QStringLiteral("adding a second reviewer failed: %1")
                          .arg(QString::fromStdString(added.error().message)));
        }
    }
    sign_in(t, QStringLiteral("noor"));
    t.show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("sessions")}});
    TourDriver::settle(100);
    auto* dialog = t.object(QStringLiteral("signOffDialog"));
    if (dialog == nullptr) {
        return false;
    }
    QString client;
    if (auto vault = t.session().vault()) {
        if (auto found = vault->clients().get(core::ClientId{t.demo.client})) {
            client = QString::fromStdString(found->display_name);
        }
    }
    QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, t.demo.session),
                              Q_ARG(QVariant, client), Q_ARG(QVariant, QStringLiteral("returned")));
    t.set(QStringLiteral("signOffNote"), "text",
          QStringLiteral("The cartridge lot is missing and there is no follow-up between days 1 "
                         "and 7. Add the lot from the box and call the client."));
    return true;
}

void returned(TourDriver& t) {
    t.click(QStringLiteral("signOffConfirm"));
    auto vault = t.session().vault();
    auto current = vault ? vault->reviews().current_sign_off(core::SessionId{t.demo.session})
                         : storage::StorageResult<std::optional<storage::SignOff>>(
                               std::optional<storage::SignOff>{});
    if (!current || !current->has_value() || (*current)->state != storage::SignOffState::returned) {
        t.problem(QStringLiteral("reviews-return: the session was not returned"));
        t.invoke(QStringLiteral("signOffDialog"), "close");
    }
}

bool attention_returned(TourDriver& t) {
    sign_in(t, QStringLiteral("admin"));
    t.show(QStringLiteral("attention"));
    return true;
}

void finding_shown(TourDriver& t) {
    if (auto* card = t.object(QStringLiteral("returnedCard0"));
        card == nullptr || !card->property("title").toString().contains(QStringLiteral("lot"))) {
        t.problem(
            QStringLiteral("attention-returned: the returned session's finding is not shown"));
    }
}

constexpr TourStep steps[] = {
    {"reviews-incomplete", "reviewsPage", reviews_incomplete},
    {"reviews-return", "reviewsPage", reviews_return, returned},
    {"attention-returned", "attentionPage", attention_returned, finding_shown},
};

} // namespace

std::span<const TourStep> sign_off_tour_steps() {
    return steps;
}

} // namespace punctum::ui
