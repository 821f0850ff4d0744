// The page tour's first part: a clinic vault is created, then its needs-attention queue,
// clients, the flagged session, a session's photos and a follow-up are shown.

#include "app/photo_tour.h"
#include "app/tour_driver.h"
#include "app/tour_step.h"
#include "common/vault_session.h"

#include <QQuickItem>
#include <QUrl>

namespace punctum::ui {

namespace {

// The create page with a personal vault chosen and a passphrase too weak to create with.
bool weak_passphrase(TourDriver& t) {
    t.set(QStringLiteral("personalChoice"), "checked", true);
    t.set(QStringLiteral("nameField"), "text", QStringLiteral("Alex Morgan"));
    t.set(QStringLiteral("passphraseField1"), "text", QStringLiteral("sunshine1"));
    return true;
}

void weak_may_not_create(TourDriver& t) {
    if (auto* button = t.object(QStringLiteral("createButton"));
        button != nullptr && button->property("enabled").toBool()) {
        t.problem(QStringLiteral("create-personal-weak: a weak passphrase may create"));
    }
}

bool strong_passphrase(TourDriver& t) {
    t.set(QStringLiteral("passphraseField1"), "text",
          QStringLiteral("lantern otter gravel mosaic"));
    t.set(QStringLiteral("passphraseField2"), "text",
          QStringLiteral("lantern otter gravel mosaic"));
    return true;
}

void strong_may_create(TourDriver& t) {
    if (auto* button = t.object(QStringLiteral("createButton"));
        button != nullptr && !button->property("enabled").toBool()) {
        t.problem(QStringLiteral("create-personal-strong: Create stays disabled"));
    }
}

// The demo clinic vault is created; its recovery key is shown once.
bool create_clinic_vault(TourDriver& t) {
    t.set(QStringLiteral("passphraseField1"), "text", QString());
    t.set(QStringLiteral("passphraseField2"), "text", QString());
    t.set(QStringLiteral("clinicChoice"), "checked", true);

    auto& session = t.session();
    t.folders().createVault(QStringLiteral("clinic"), QStringLiteral("admin"),
                            QStringLiteral("Dr Sam Okafor"), QString::fromUtf8(tour_passphrase),
                            24);
    if (!session.waitUntilIdle(120000) || !session.unlocked()) {
        t.problem(QStringLiteral("creating the demo vault failed: %1").arg(session.error()));
    }
    return true;
}

bool clients(TourDriver& t) {
    t.show(QStringLiteral("clients"));
    return true;
}

// A new client, filled in as a practitioner would, before it is added.
bool new_client(TourDriver& t) {
    t.show(QStringLiteral("new-client"));
    TourDriver::settle(100);
    t.set(QStringLiteral("clientName"), "text", QStringLiteral("Mary Seacole"));
    t.set(QStringLiteral("clientDateOfBirth"), "text", QStringLiteral("1990-04-21"));
    t.set(QStringLiteral("clientSkinType"), "currentIndex", 5);
    return true;
}

// The client of the most urgent open flag: their page, the flagged session, the queue.
bool attention(TourDriver& t) {
    const auto vault = t.session().vault();
    if (vault != nullptr) {
        if (auto first = vault->clients().list("", 0, 1); first && !first->empty()) {
            t.demo.client = first->front().id.value;
        }
    }
    if (vault != nullptr) {
        if (auto top = vault->flags().needing_attention(1, 0); top && !top->empty()) {
            t.demo.client = top->front().client_id.value;
            t.demo.session = top->front().session_id.value;
            t.demo.flag = top->front().id;
        } else {
            t.problem(QStringLiteral("the demo vault raised no flags"));
        }
    }
    t.show(QStringLiteral("attention"));
    TourDriver::settle(100);
    t.set(QStringLiteral("flagCard0"), "whyOpen", true); // "Why?" opened on the first flag
    return true;
}

// Keyboard focus, as Tab gives it, must be visible.
bool attention_keyboard(TourDriver& t) {
    auto* button = qobject_cast<QQuickItem*>(t.object(QStringLiteral("acknowledgeButton")));
    if (button == nullptr) {
        return false;
    }
    button->forceActiveFocus(Qt::TabFocusReason);
    return true;
}

void acknowledge_has_focus(TourDriver& t) {
    auto* button = qobject_cast<QQuickItem*>(t.object(QStringLiteral("acknowledgeButton")));
    if (button != nullptr && !button->hasActiveFocus()) {
        t.problem(QStringLiteral("attention-keyboard: Acknowledge took no focus"));
    }
}

bool attention_dismiss(TourDriver& t) {
    auto* dialog = t.object(QStringLiteral("dismissDialog"));
    if (dialog == nullptr) {
        return false;
    }
    QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, QVariant(t.demo.flag)));
    return true;
}

void close_dismiss_dialog(TourDriver& t) {
    t.invoke(QStringLiteral("dismissDialog"), "close");
}

bool client(TourDriver& t) {
    t.show(QStringLiteral("client"), {{QStringLiteral("clientId"), t.demo.client}});
    return true;
}

// The lasting medical history, recorded in its form and shown (issue 11 item 2).
bool edit_medical_history(TourDriver& t) {
    t.click(QStringLiteral("medicalHistoryEdit"));
    t.set(QStringLiteral("medicalHistoryField0"), "text", QStringLiteral("Penicillin (rash)"));
    t.set(QStringLiteral("medicalHistoryField1"), "text", QStringLiteral("Fragrance"));
    t.set(QStringLiteral("medicalHistoryField2"), "text",
          QStringLiteral("Levothyroxine 50 mcg; fish oil"));
    return true;
}

bool save_medical_history(TourDriver& t) {
    t.click(QStringLiteral("medicalHistorySave"));
    return true;
}

bool flagged_session(TourDriver& t) {
    t.show(QStringLiteral("session"), t.sessionArgs());
    return true;
}

// Photos: a demo session with analysed photos, its viewer, compare both ways, and a
// follow-up with one photo added and one file refused.
bool session_photos(TourDriver& t) {
    const auto vault = t.session().vault();
    t.demo.photo_session = vault != nullptr ? session_with_photos(*vault) : 0;
    if (t.demo.photo_session == 0) {
        t.problem(QStringLiteral("the demo vault has no session with photos"));
    }
    t.show(QStringLiteral("session"), t.photoArgs());
    TourDriver::settle(100);
    t.invoke(QStringLiteral("sessionPage"), "scrollToPhotos");
    return true;
}

bool photo_viewer(TourDriver& t) {
    const auto vault = t.session().vault();
    QVariantMap args = t.photoArgs();
    args.insert(QStringLiteral("photoId"),
                vault != nullptr ? first_photo(*vault, t.demo.photo_session) : 0);
    t.show(QStringLiteral("photo"), args);
    return true;
}

bool photo_measure(TourDriver& t) {
    t.click(QStringLiteral("measureButton"));
    return true;
}

bool photo_compare(TourDriver& t) {
    t.show(QStringLiteral("compare"), t.photoArgs());
    TourDriver::settle(100);
    if (!wait_for_alignment(t.object(QStringLiteral("photoCompare")), 60000)) {
        t.problem(QStringLiteral("photo-compare: the alignment did not finish"));
    }
    return true;
}

bool photo_compare_slider(TourDriver& t) {
    t.set(QStringLiteral("photoComparePage"), "mode", QStringLiteral("slider"));
    t.set(QStringLiteral("compareSlider"), "position", 0.4);
    return true;
}

bool log_recovery_photo(TourDriver& t) {
    t.show(QStringLiteral("log"), t.photoArgs());
    TourDriver::settle(100);
    const auto files = write_tour_files(t.tempDir());
    if (auto* log_object = t.object(QStringLiteral("recoveryLog"))) {
        bool added = false;
        QMetaObject::invokeMethod(log_object, "addPhotoFile", Q_RETURN_ARG(bool, added),
                                  Q_ARG(QUrl, files.photo));
        bool refused = true;
        QMetaObject::invokeMethod(log_object, "addPhotoFile", Q_RETURN_ARG(bool, refused),
                                  Q_ARG(QUrl, files.not_a_photo));
        if (!added || refused) {
            t.problem(QStringLiteral(
                "log-recovery-photo: the photo was refused or the text file accepted"));
        }
    }
    TourDriver::settle(100);
    t.invoke(QStringLiteral("logRecoveryPage"), "scrollToPhotos");
    return true;
}

// A follow-up today with lasting redness: the result is a care card from its flags.
bool log_recovery(TourDriver& t) {
    t.show(QStringLiteral("log"), t.sessionArgs());
    return true;
}

// An earlier day that is before the treatment: refused, with the reason beside the date.
bool log_recovery_earlier(TourDriver& t) {
    t.invoke(QStringLiteral("logRecoveryPage"), "scrollToTop");
    t.set(QStringLiteral("observedEarlier"), "checked", true);
    t.set(QStringLiteral("observedDate"), "text", QStringLiteral("2000-01-01"));
    t.set(QStringLiteral("recoveryLog"), "observedOn", QStringLiteral("2000-01-01"));
    return true;
}

bool log_recovery_result(TourDriver& t) {
    t.set(QStringLiteral("observedToday"), "checked", true);
    t.set(QStringLiteral("recoveryLog"), "observedOn", QString());
    t.set(QStringLiteral("score_erythema"), "value", 3);
    t.set(QStringLiteral("score_edema"), "value", 1);
    t.set(QStringLiteral("score_pain"), "value", 2);
    t.saveLogEntry();
    return true;
}

constexpr TourStep steps[] = {
    {"create", "createVaultPage"},
    {"create-personal-weak", "createVaultPage", weak_passphrase, weak_may_not_create},
    {"create-personal-strong", "createVaultPage", strong_passphrase, strong_may_create},
    {"recovery-key", "recoveryKeyPage", create_clinic_vault},
    {"clients", "clientsPage", clients},
    {"new-client", "newClientPage", new_client},
    {"attention", "attentionPage", attention},
    {"attention-keyboard", "attentionPage", attention_keyboard, acknowledge_has_focus},
    {"attention-dismiss", "attentionPage", attention_dismiss, close_dismiss_dialog},
    {"client", "clientPage", client},
    {"client-history-edit", "clientPage", edit_medical_history},
    {"client-history", "clientPage", save_medical_history},
    {"session", "sessionPage", flagged_session},
    {"session-photos", "sessionPage", session_photos},
    {"photo-viewer", "photoViewerPage", photo_viewer},
    {"photo-measure", "photoViewerPage", photo_measure},
    {"photo-compare", "photoComparePage", photo_compare},
    {"photo-compare-slider", "photoComparePage", photo_compare_slider},
    {"log-recovery-photo", "logRecoveryPage", log_recovery_photo},
    {"log-recovery", "logRecoveryPage", log_recovery},
    {"log-recovery-earlier", "logRecoveryPage", log_recovery_earlier},
    {"log-recovery-result", "logRecoveryPage", log_recovery_result},
};

} // namespace

std::span<const TourStep> clinic_tour_steps() {
    return steps;
}

} // namespace punctum::ui
