// The page tour's last part: settings and a long task, reviews, the dark theme, the clinic
// as a reviewer sees it, a patient's own vault, and locking, unlocking and restoring.

#include "app/tour_driver.h"
#include "app/tour_step.h"
#include "common/vault_session.h"
#include "punctum/core/about/component.h"

#include <QDeadlineTimer>
#include <QUrl>

namespace punctum::ui {

namespace {

bool settings(TourDriver& t) {
    t.show(QStringLiteral("settings"));
    return true;
}

bool replace_recovery_key(TourDriver& t) {
    auto* dialog = t.object(QStringLiteral("replaceRecoveryKeyDialog"));
    if (dialog == nullptr) {
        t.problem(QStringLiteral("settings-recovery-key: no replace dialog"));
        return false;
    }
    QMetaObject::invokeMethod(dialog, "open");
    return true;
}

void close_replace_dialog(TourDriver& t) {
    t.invoke(QStringLiteral("replaceRecoveryKeyDialog"), "close");
}

bool new_account(TourDriver& t) {
    t.set(QStringLiteral("newAccountLogin"), "text", QStringLiteral("jlee"));
    t.set(QStringLiteral("newAccountName"), "text", QStringLiteral("Jo Lee"));
    t.set(QStringLiteral("newAccountPassphrase"), "text", QStringLiteral("lantern otter gravel"));
    if (auto* page = t.object(QStringLiteral("settingsPage"))) {
        QMetaObject::invokeMethod(page, "reveal", Q_ARG(QVariant, QStringLiteral("accounts")));
    }
    return true;
}

void forget_new_passphrase(TourDriver& t) {
    t.set(QStringLiteral("newAccountPassphrase"), "text", QString());
}

// Settings' About section: the version the build was given, and the libraries it runs with.
bool about(TourDriver& t) {
    if (auto* page = t.object(QStringLiteral("settingsPage"))) {
        QMetaObject::invokeMethod(page, "reveal", Q_ARG(QVariant, QStringLiteral("about")));
    }
    TourDriver::settle(50);
    auto* label = t.object(QStringLiteral("aboutVersion"));
    const auto text = label != nullptr ? label->property("text").toString() : QString();
    if (!text.endsWith(QString::fromStdString(core::punctum_version()))) {
        t.problem(QStringLiteral("settings-about: the version shown is \"%1\"").arg(text));
    }
    return true;
}

// A long task in progress: held at its first report so the panel can be seen, then
// cancelled from its own button.
bool task_in_progress(TourDriver& t) {
    auto& session = t.session();
    session.task()->holdAtFirstReportForTests(true);
    t.tasks().reassessAll();
    QDeadlineTimer deadline(30000);
    while (!session.task()->hasReported() && !deadline.hasExpired()) {
        TourDriver::settle(20);
    }
    return true;
}

void cancel_task(TourDriver& t) {
    auto& session = t.session();
    if (!session.busy()) {
        t.problem(QStringLiteral("task-progress: the task was not running"));
    }
    t.click(QStringLiteral("cancelTask"));
    session.task()->waitUntilDone(30000);
    session.task()->holdAtFirstReportForTests(false);
    if (session.busy()) {
        t.problem(QStringLiteral("task-progress: Cancel did not stop the task"));
    }
}

bool reviews_audit(TourDriver& t) {
    // A backup for the restore page later on.
    auto& session = t.session();
    t.demo.backup_file = t.tempPath(QStringLiteral("tour.backup"));
    t.tasks().backUpTo(QUrl::fromLocalFile(t.demo.backup_file));
    session.waitUntilIdle(60000);

    t.show(QStringLiteral("reviews"));
    TourDriver::settle(100);
    session.waitUntilIdle(60000); // the chain is verified as the page opens
    return true;
}

void chain_intact(TourDriver& t) {
    if (auto* banner = t.object(QStringLiteral("chainMessage"));
        banner != nullptr && !banner->property("text").toString().startsWith(
                                 QStringLiteral("The audit trail is intact"))) {
        t.problem(QStringLiteral("reviews-audit: the banner says '%1'")
                      .arg(banner->property("text").toString()));
    }
}

bool reviews_sessions(TourDriver& t) {
    t.show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("sessions")}});
    return true;
}

bool reviews_cohort(TourDriver& t) {
    t.show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("cohort")}});
    return true;
}

// The Export dialog over the cohort tab, with the FHIR bundle chosen.
bool reviews_export(TourDriver& t) {
    t.invoke(QStringLiteral("exportDialog"), "open");
    TourDriver::settle(100);
    t.set(QStringLiteral("exportDialog"), "what", QStringLiteral("fhir"));
    return true;
}

void export_closed(TourDriver& t) {
    t.invoke(QStringLiteral("exportDialog"), "close");
}

bool session_dark(TourDriver& t) {
    t.setTheme(QStringLiteral("dark"));
    t.show(QStringLiteral("session"), t.sessionArgs());
    return true;
}

void back_to_light(TourDriver& t) {
    t.setTheme(QStringLiteral("light"));
}

// A reviewer reads the same queue and may acknowledge, but not resolve or dismiss.
bool reviewer(TourDriver& t) {
    auto& session = t.session();
    if (session.vault() != nullptr) {
        if (auto added = session.vault()->accounts().add(
                "reviewer", "Rae Reviewer", core::Role::reviewer,
                storage::SecureBytes::from(tour_passphrase), storage::KdfParams::interactive());
            !added) {
            t.problem(QStringLiteral("adding a reviewer failed: %1")
                          .arg(QString::fromStdString(added.error().message)));
        }
    }
    session.lock();
    session.unlock(QStringLiteral("reviewer"), QString::fromUtf8(tour_passphrase));
    session.waitUntilIdle(30000);
    return true;
}

void reviewer_may_not_settle(TourDriver& t) {
    if (t.session().may().value(QStringLiteral("settle_flags")).toBool()) {
        t.problem(QStringLiteral("reviewer-attention: a reviewer may settle flags"));
    }
}

// A patient's personal vault: Today (the check-in), My recovery, Photos, Aftercare.
bool patient_today(TourDriver& t) {
    auto& session = t.session();
    t.demo.clinic_vault = session.vaultPath();
    session.setVaultPath(t.tempPath(QStringLiteral("personal")));
    t.folders().createVault(QStringLiteral("personal"), QStringLiteral("me"),
                            QStringLiteral("Alex Morgan"), QString::fromUtf8(tour_passphrase), 1);
    if (!session.waitUntilIdle(120000) || !session.unlocked()) {
        t.problem(QStringLiteral("creating the personal vault failed: %1").arg(session.error()));
    }
    t.show(QStringLiteral("today"));
    return true;
}

bool patient_recovery(TourDriver& t) {
    t.show(QStringLiteral("recovery"));
    return true;
}

bool patient_photos(TourDriver& t) {
    t.show(QStringLiteral("photos"));
    return true;
}

bool patient_aftercare(TourDriver& t) {
    t.show(QStringLiteral("aftercare"));
    return true;
}

// Back to the clinic vault, locked.
bool lock(TourDriver& t) {
    t.session().setVaultPath(t.demo.clinic_vault);
    t.session().lock();
    return true;
}

bool wrong_passphrase(TourDriver& t) {
    t.session().unlock(QStringLiteral("admin"), QStringLiteral("not the passphrase"));
    t.session().waitUntilIdle(30000);
    return true;
}

void wrong_passphrase_refused(TourDriver& t) {
    if (t.session().unlocked() || t.session().error().isEmpty()) {
        t.problem(QStringLiteral("unlock-error: a wrong passphrase was not refused"));
    }
}

bool restore_backup(TourDriver& t) {
    t.session().clearError();
    t.show(QStringLiteral("restore"));
    TourDriver::settle(100);
    if (auto* page = t.object(QStringLiteral("restoreBackupPage"))) {
        page->setProperty("backupFile", QUrl::fromLocalFile(t.demo.backup_file));
        page->setProperty("folder", VaultFolders::describeFolder(QUrl::fromLocalFile(
                                        t.tempPath(QStringLiteral("restored")))));
    }
    t.set(QStringLiteral("restorePassphrase"), "text", QString::fromUtf8(tour_passphrase));
    return true;
}

bool restore(TourDriver& t) {
    t.click(QStringLiteral("restoreStart"));
    t.session().waitUntilIdle(120000);
    return true;
}

void restored(TourDriver& t) {
    auto& session = t.session();
    if (session.vaultPath() != t.tempPath(QStringLiteral("restored")) || !session.vaultExists()) {
        t.problem(QStringLiteral("unlock-restored: the backup was not restored (%1)")
                      .arg(session.error()));
    }
}

constexpr TourStep steps[] = {
    {"settings", "settingsPage", settings},
    {"settings-recovery-key", "settingsPage", replace_recovery_key, close_replace_dialog},
    {"settings-accounts", "settingsPage", new_account, forget_new_passphrase},
    {"settings-about", "settingsPage", about},
    {"task-progress", "settingsPage", task_in_progress, cancel_task},
    {"reviews-audit", "reviewsPage", reviews_audit, chain_intact},
    {"reviews-sessions", "reviewsPage", reviews_sessions},
    {"reviews-cohort", "reviewsPage", reviews_cohort},
    {"reviews-export", "reviewsPage", reviews_export, export_closed},
    {"session-dark", "sessionPage", session_dark, back_to_light},
    {"reviewer-attention", "attentionPage", reviewer, reviewer_may_not_settle},
    {"patient-today", "todayPage", patient_today},
    {"patient-recovery", "recoveryPage", patient_recovery},
    {"patient-photos", "photosPage", patient_photos},
    {"patient-aftercare", "aftercarePage", patient_aftercare},
};

// After the patient's exchange pages (tour_steps_exchange.cpp): locking and restoring.
constexpr TourStep locking_steps[] = {
    {"unlock", "unlockPage", lock},
    {"unlock-error", "unlockPage", wrong_passphrase, wrong_passphrase_refused},
    {"restore-backup", "restoreBackupPage", restore_backup},
    {"unlock-restored", "unlockPage", restore, restored},
};

} // namespace

std::span<const TourStep> roles_tour_steps() {
    return steps;
}

std::span<const TourStep> locking_tour_steps() {
    return locking_steps;
}

} // namespace punctum::ui
