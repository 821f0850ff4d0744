#include "app/page_tour.h"
#include "app/qml_modules.h"

#include "app/photo_tour.h"
#include "app/qml_message_log.h"
#include "common/vault_session.h"
#include "photos/photo_image_provider.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QVariantMap>
#include <algorithm>

namespace punctum::ui {

namespace {

constexpr const char* tour_passphrase = "page tour passphrase";

void settle(int ms = 300) {
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

// The object name of the page the Loader shows now.
QString current_page(QQuickWindow* window) {
    auto* loader = window->findChild<QQuickItem*>(QStringLiteral("pageLoader"));
    if (loader == nullptr) {
        return {};
    }
    auto* item = loader->property("item").value<QQuickItem*>();
    return item != nullptr ? item->objectName() : QString();
}

// An item by object name anywhere under `root`, Repeater delegates included.
QObject* find_object(QObject* root, const QString& name) {
    if (root == nullptr) {
        return nullptr;
    }
    if (root->objectName() == name) {
        return root;
    }
    if (auto* item = qobject_cast<QQuickItem*>(root)) {
        for (auto* child : item->childItems()) {
            if (auto* found = find_object(child, name)) {
                return found;
            }
        }
    }
    for (auto* child : root->children()) {
        if (auto* found = find_object(child, name)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace

QStringList tour_pages() {
    return {QStringLiteral("create"),
            QStringLiteral("create-personal-weak"),
            QStringLiteral("create-personal-strong"),
            QStringLiteral("recovery-key"),
            QStringLiteral("attention"),
            QStringLiteral("attention-keyboard"),
            QStringLiteral("attention-dismiss"),
            QStringLiteral("clients"),
            QStringLiteral("new-client"),
            QStringLiteral("client"),
            QStringLiteral("client-history-edit"),
            QStringLiteral("client-history"),
            QStringLiteral("session"),
            QStringLiteral("session-photos"),
            QStringLiteral("photo-viewer"),
            QStringLiteral("photo-measure"),
            QStringLiteral("photo-compare"),
            QStringLiteral("photo-compare-slider"),
            QStringLiteral("log-recovery-photo"),
            QStringLiteral("log-recovery"),
            QStringLiteral("log-recovery-earlier"),
            QStringLiteral("log-recovery-result"),
            QStringLiteral("new-session-history"),
            QStringLiteral("new-session-screening"),
            QStringLiteral("new-session-record"),
            QStringLiteral("new-session-treatment"),
            QStringLiteral("new-session-aftercare"),
            QStringLiteral("new-session-review"),
            QStringLiteral("new-session-signed"),
            QStringLiteral("new-session-flagged"),
            QStringLiteral("settings"),
            QStringLiteral("settings-recovery-key"),
            QStringLiteral("settings-accounts"),
            QStringLiteral("task-progress"),
            QStringLiteral("reviews-audit"),
            QStringLiteral("reviews-sessions"),
            QStringLiteral("reviews-cohort"),
            QStringLiteral("session-dark"),
            QStringLiteral("reviewer-attention"),
            QStringLiteral("patient-today"),
            QStringLiteral("patient-recovery"),
            QStringLiteral("patient-photos"),
            QStringLiteral("patient-aftercare"),
            QStringLiteral("unlock"),
            QStringLiteral("unlock-error"),
            QStringLiteral("restore-backup"),
            QStringLiteral("unlock-restored")};
}

TourResult run_page_tour(const QString& screenshot_dir) {
    TourResult result;
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        result.problems << QStringLiteral("cannot create a temporary directory");
        return result;
    }
    if (!screenshot_dir.isEmpty() && !QDir().mkpath(screenshot_dir)) {
        result.problems << QStringLiteral("cannot create %1").arg(screenshot_dir);
        return result;
    }

    core::SystemClock clock;
    VaultSession session(clock);
    session.setKdf(storage::KdfParams::interactive());
    VaultSession::setInstance(&session);
    session.setVaultPath(tmp.filePath(QStringLiteral("vault")));

    // Preferences (the theme) go to the temporary folder, never the user's own settings.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmp.path());

    QmlMessageLog log;
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine,
                     [&result](const QList<QQmlError>& errors) {
                         for (const auto& e : errors) {
                             result.problems << e.toString();
                         }
                     });
    PhotoImageProvider::install(engine, session);
    punctum::ui::load_main_window(engine);
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr) {
        result.problems << log.take();
        result.problems << QStringLiteral("Main.qml did not load");
        VaultSession::setInstance(nullptr);
        return result;
    }
    window->resize(1200, 800);

    auto visit = [&](const QString& name, const QString& expected_object) {
        settle();
        result.pages << name;
        for (const auto& message : log.take()) {
            result.problems << QStringLiteral("%1: %2").arg(name, message);
        }
        const QString shown = current_page(window);
        if (shown != expected_object) {
            result.problems << QStringLiteral("%1: expected %2 but the window shows '%3'")
                                   .arg(name, expected_object, shown);
        }
        if (!screenshot_dir.isEmpty()) {
            const QImage image = window->grabWindow();
            const QString file = QDir(screenshot_dir).filePath(name + QStringLiteral(".png"));
            if (image.isNull() || !image.save(file)) {
                result.problems << QStringLiteral("%1: could not save a screenshot").arg(name);
            } else {
                result.pngs << file;
            }
        }
    };
    auto show = [&](const QString& page, const QVariantMap& args = {}) {
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, page),
                                  Q_ARG(QVariant, QVariant(args)));
    };
    // Drives the real controls as a person would: sets a property, or clicks a button.
    auto object = [&](const QString& name) {
        QObject* found = find_object(window->contentItem(), name);
        if (found == nullptr) {
            result.problems << QStringLiteral("no control named %1").arg(name);
        }
        return found;
    };
    auto set = [&](const QString& name, const char* property, const QVariant& value) {
        if (auto* o = object(name)) {
            o->setProperty(property, value);
        }
    };
    auto click = [&](const QString& name) {
        if (auto* o = object(name)) {
            QMetaObject::invokeMethod(o, "clicked");
        }
        settle(100);
    };

    visit(QStringLiteral("create"), QStringLiteral("createVaultPage"));
    set(QStringLiteral("personalChoice"), "checked", true);
    set(QStringLiteral("nameField"), "text", QStringLiteral("Alex Morgan"));
    set(QStringLiteral("passphraseField1"), "text", QStringLiteral("sunshine1"));
    visit(QStringLiteral("create-personal-weak"), QStringLiteral("createVaultPage"));
    if (auto* button = object(QStringLiteral("createButton"));
        button != nullptr && button->property("enabled").toBool()) {
        result.problems << QStringLiteral("create-personal-weak: a weak passphrase may create");
    }
    set(QStringLiteral("passphraseField1"), "text", QStringLiteral("lantern otter gravel mosaic"));
    set(QStringLiteral("passphraseField2"), "text", QStringLiteral("lantern otter gravel mosaic"));
    visit(QStringLiteral("create-personal-strong"), QStringLiteral("createVaultPage"));
    if (auto* button = object(QStringLiteral("createButton"));
        button != nullptr && !button->property("enabled").toBool()) {
        result.problems << QStringLiteral("create-personal-strong: Create stays disabled");
    }
    set(QStringLiteral("passphraseField1"), "text", QString());
    set(QStringLiteral("passphraseField2"), "text", QString());
    set(QStringLiteral("clinicChoice"), "checked", true);

    session.createVault(QStringLiteral("clinic"), QStringLiteral("admin"),
                        QStringLiteral("Dr Sam Okafor"), QString::fromUtf8(tour_passphrase), 24);
    if (!session.waitUntilIdle(120000) || !session.unlocked()) {
        result.problems
            << QStringLiteral("creating the demo vault failed: %1").arg(session.error());
    }
    visit(QStringLiteral("recovery-key"), QStringLiteral("recoveryKeyPage"));

    show(QStringLiteral("clients"));
    visit(QStringLiteral("clients"), QStringLiteral("clientsPage"));

    // A new client, filled in as a practitioner would, before it is added.
    show(QStringLiteral("new-client"));
    settle(100);
    set(QStringLiteral("clientName"), "text", QStringLiteral("Mary Seacole"));
    set(QStringLiteral("clientDateOfBirth"), "text", QStringLiteral("1990-04-21"));
    set(QStringLiteral("clientSkinType"), "currentIndex", 5);
    visit(QStringLiteral("new-client"), QStringLiteral("newClientPage"));

    qint64 client_id = 0;
    if (session.vault() != nullptr) {
        if (auto first = session.vault()->clients().list("", 0, 1); first && !first->empty()) {
            client_id = first->front().id.value;
        }
    }
    // The client of the most urgent open flag: their page, the flagged session, the queue.
    qint64 session_id = 0;
    qint64 flag_id = 0;
    if (session.vault() != nullptr) {
        if (auto top = session.vault()->flags().needing_attention(1, 0); top && !top->empty()) {
            client_id = top->front().client_id.value;
            session_id = top->front().session_id.value;
            flag_id = top->front().id;
        } else {
            result.problems << QStringLiteral("the demo vault raised no flags");
        }
    }
    show(QStringLiteral("attention"));
    settle(100);
    set(QStringLiteral("flagCard0"), "whyOpen", true); // "Why?" opened on the first flag
    visit(QStringLiteral("attention"), QStringLiteral("attentionPage"));
    // Keyboard focus, as Tab gives it, must be visible.
    if (auto* button = qobject_cast<QQuickItem*>(object(QStringLiteral("acknowledgeButton")))) {
        button->forceActiveFocus(Qt::TabFocusReason);
        visit(QStringLiteral("attention-keyboard"), QStringLiteral("attentionPage"));
        if (!button->hasActiveFocus()) {
            result.problems << QStringLiteral("attention-keyboard: Acknowledge took no focus");
        }
    }
    if (auto* dialog = object(QStringLiteral("dismissDialog"))) {
        QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, QVariant(flag_id)));
        visit(QStringLiteral("attention-dismiss"), QStringLiteral("attentionPage"));
        QMetaObject::invokeMethod(dialog, "close");
    }

    show(QStringLiteral("client"), {{QStringLiteral("clientId"), client_id}});
    visit(QStringLiteral("client"), QStringLiteral("clientPage"));
    // The lasting medical history, recorded in its form and shown (issue 11 item 2).
    click(QStringLiteral("medicalHistoryEdit"));
    set(QStringLiteral("medicalHistoryField0"), "text", QStringLiteral("Penicillin (rash)"));
    set(QStringLiteral("medicalHistoryField1"), "text", QStringLiteral("Fragrance"));
    set(QStringLiteral("medicalHistoryField2"), "text",
        QStringLiteral("Levothyroxine 50 mcg; fish oil"));
    visit(QStringLiteral("client-history-edit"), QStringLiteral("clientPage"));
    click(QStringLiteral("medicalHistorySave"));
    visit(QStringLiteral("client-history"), QStringLiteral("clientPage"));

    const QVariantMap session_args{{QStringLiteral("sessionId"), session_id},
                                   {QStringLiteral("clientId"), client_id},
                                   {QStringLiteral("from"), QStringLiteral("clients")}};
    show(QStringLiteral("session"), session_args);
    visit(QStringLiteral("session"), QStringLiteral("sessionPage"));

    // Photos: a demo session with analysed photos, its viewer, compare both ways, and a
    // follow-up with one photo added and one file refused.
    const qint64 photo_session =
        session.vault() != nullptr ? session_with_photos(*session.vault()) : 0;
    if (photo_session == 0) {
        result.problems << QStringLiteral("the demo vault has no session with photos");
    }
    const QVariantMap photo_args{{QStringLiteral("sessionId"), photo_session},
                                 {QStringLiteral("from"), QStringLiteral("clients")},
                                 {QStringLiteral("back"), QStringLiteral("session")}};
    show(QStringLiteral("session"), photo_args);
    settle(100);
    QMetaObject::invokeMethod(object(QStringLiteral("sessionPage")), "scrollToPhotos");
    visit(QStringLiteral("session-photos"), QStringLiteral("sessionPage"));
    QVariantMap viewer_args = photo_args;
    viewer_args.insert(QStringLiteral("photoId"), session.vault() != nullptr
                                                      ? first_photo(*session.vault(), photo_session)
                                                      : 0);
    show(QStringLiteral("photo"), viewer_args);
    visit(QStringLiteral("photo-viewer"), QStringLiteral("photoViewerPage"));
    click(QStringLiteral("measureButton"));
    visit(QStringLiteral("photo-measure"), QStringLiteral("photoViewerPage"));
    show(QStringLiteral("compare"), photo_args);
    settle(100);
    if (!wait_for_alignment(object(QStringLiteral("photoCompare")), 60000)) {
        result.problems << QStringLiteral("photo-compare: the alignment did not finish");
    }
    visit(QStringLiteral("photo-compare"), QStringLiteral("photoComparePage"));
    set(QStringLiteral("photoComparePage"), "mode", QStringLiteral("slider"));
    set(QStringLiteral("compareSlider"), "position", 0.4);
    visit(QStringLiteral("photo-compare-slider"), QStringLiteral("photoComparePage"));
    show(QStringLiteral("log"), photo_args);
    settle(100);
    const auto files = write_tour_files(tmp.path());
    if (auto* log_object = object(QStringLiteral("recoveryLog"))) {
        bool added = false;
        QMetaObject::invokeMethod(log_object, "addPhotoFile", Q_RETURN_ARG(bool, added),
                                  Q_ARG(QUrl, files.photo));
        bool refused = true;
        QMetaObject::invokeMethod(log_object, "addPhotoFile", Q_RETURN_ARG(bool, refused),
                                  Q_ARG(QUrl, files.not_a_photo));
        if (!added || refused) {
            result.problems << QStringLiteral(
                "log-recovery-photo: the photo was refused or the text file accepted");
        }
    }
    settle(100);
    QMetaObject::invokeMethod(object(QStringLiteral("logRecoveryPage")), "scrollToPhotos");
    visit(QStringLiteral("log-recovery-photo"), QStringLiteral("logRecoveryPage"));

    // A follow-up today with lasting redness: the result is a care card from its flags.
    show(QStringLiteral("log"), session_args);
    visit(QStringLiteral("log-recovery"), QStringLiteral("logRecoveryPage"));
    // An earlier day that is before the treatment: refused, with the reason beside the date.
    QMetaObject::invokeMethod(object(QStringLiteral("logRecoveryPage")), "scrollToTop");
    set(QStringLiteral("observedEarlier"), "checked", true);
    set(QStringLiteral("observedDate"), "text", QStringLiteral("2000-01-01"));
    set(QStringLiteral("recoveryLog"), "observedOn", QStringLiteral("2000-01-01"));
    visit(QStringLiteral("log-recovery-earlier"), QStringLiteral("logRecoveryPage"));
    set(QStringLiteral("observedToday"), "checked", true);
    set(QStringLiteral("recoveryLog"), "observedOn", QString());
    set(QStringLiteral("score_erythema"), "value", 3);
    set(QStringLiteral("score_edema"), "value", 1);
    set(QStringLiteral("score_pain"), "value", 2);
    if (auto* page = object(QStringLiteral("logRecoveryPage"))) {
        QMetaObject::invokeMethod(page, "save");
    }
    // The entry is written off the UI thread: wait for it before taking the result.
    for (QDeadlineTimer saving(30000);
         object(QStringLiteral("recoveryLog")) != nullptr &&
         object(QStringLiteral("recoveryLog"))->property("saving").toBool() &&
         !saving.hasExpired();) {
        settle(20);
    }
    visit(QStringLiteral("log-recovery-result"), QStringLiteral("logRecoveryPage"));

    // A new session, step by step: sunburn defers it, an override lets it go ahead.
    show(QStringLiteral("new-session"), {{QStringLiteral("clientId"), client_id}});
    settle(100);
    // The history is shown to be gone through with the client, not asked afresh.
    set(QStringLiteral("screeningHistoryConfirmed"), "checked", true);
    set(QStringLiteral("addOn_rf"), "checked", true);
    visit(QStringLiteral("new-session-history"), QStringLiteral("newSessionPage"));
    set(QStringLiteral("condition_sunburn"), "checked", true);
    set(QStringLiteral("condition_nsaids"), "checked", true);
    set(QStringLiteral("plannedDepth"), "text", QStringLiteral("1.0"));
    click(QStringLiteral("screenButton"));
    visit(QStringLiteral("new-session-screening"), QStringLiteral("newSessionPage"));
    set(QStringLiteral("overrideJustification"), "text",
        QStringLiteral("Mild sunburn on the neck only; the face is clear. Treating the face."));
    click(QStringLiteral("overrideButton"));
    // Why and the course, then the treatment record (issue 11 items 5 and 6), as a
    // practitioner fills them in; the step opens at its top.
    set(QStringLiteral("indicationPicker"), "currentIndex", 1); // acne scars
    settle(50);
    set(QStringLiteral("scarGradePicker"), "currentIndex", 3);
    set(QStringLiteral("indicationDetail"), "text", QStringLiteral("rolling scars, both cheeks"));
    set(QStringLiteral("courseSessions"), "value", 3);
    set(QStringLiteral("courseInterval"), "value", 28);
    set(QStringLiteral("deviceSerial"), "text", QStringLiteral("SP-20418"));
    set(QStringLiteral("cartridgeLot"), "text", QStringLiteral("C24410"));
    set(QStringLiteral("cartridgeExpiry"), "text",
        QString::fromStdString(core::format_date(
            core::Date{std::chrono::sys_days{session.today()} + std::chrono::days{240}})));
    set(QStringLiteral("consentForm"), "text", QStringLiteral("Microneedling treatment consent"));
    set(QStringLiteral("consentVersion"), "text", QStringLiteral("v3"));
    set(QStringLiteral("anaesthetic"), "text", QStringLiteral("lidocaine 4% cream"));
    set(QStringLiteral("anaestheticMinutes"), "text", QStringLiteral("30"));
    set(QStringLiteral("skinPrep"), "text", QStringLiteral("chlorhexidine 0.5% in alcohol"));
    set(QStringLiteral("endpointRedness"), "currentIndex", 3);
    set(QStringLiteral("endpointBleeding"), "currentIndex", 2);
    set(QStringLiteral("antiviralPicker"), "currentIndex", 2);
    set(QStringLiteral("aftercareProductName0"), "text",
        QStringLiteral("Mineral sunscreen SPF 50"));
    if (auto* page = object(QStringLiteral("newSessionPage"))) {
        QMetaObject::invokeMethod(
            page, "reveal",
            Q_ARG(QVariant, QVariant::fromValue(object(QStringLiteral("reasonSection")))));
    }
    settle(150);
    visit(QStringLiteral("new-session-record"), QStringLiteral("newSessionPage"));
    set(QStringLiteral("deviceField"), "text", QStringLiteral("SkinPen Precision"));
    set(QStringLiteral("cartridgeField"), "text", QStringLiteral("14-pin"));
    set(QStringLiteral("productName0"), "text", QStringLiteral("Hyaluronic glide serum"));
    set(QStringLiteral("productLot0"), "text", QStringLiteral("HG-2291"));
    set(QStringLiteral("responseField"), "text", QStringLiteral("Even redness, no bleeding"));
    visit(QStringLiteral("new-session-treatment"), QStringLiteral("newSessionPage"));
    click(QStringLiteral("treatmentNext"));
    visit(QStringLiteral("new-session-aftercare"), QStringLiteral("newSessionPage"));
    click(QStringLiteral("aftercareNext"));
    visit(QStringLiteral("new-session-review"), QStringLiteral("newSessionPage"));
    click(QStringLiteral("signButton"));
    visit(QStringLiteral("new-session-signed"), QStringLiteral("sessionPage"));

    // The new session's first follow-up shows pus: an urgent flag, end to end.
    qint64 new_session = 0;
    if (session.vault() != nullptr) {
        if (auto list = session.vault()->sessions().of_client(core::ClientId{client_id});
            list && !list->empty()) {
            new_session = list->front().id.value;
        }
    }
    show(QStringLiteral("log"), {{QStringLiteral("sessionId"), new_session},
                                 {QStringLiteral("clientId"), client_id},
                                 {QStringLiteral("from"), QStringLiteral("clients")}});
    settle(100);
    set(QStringLiteral("score_erythema"), "value", 2);
    set(QStringLiteral("score_pus"), "value", 1);
    if (auto* page = object(QStringLiteral("logRecoveryPage"))) {
        QMetaObject::invokeMethod(page, "save");
    }
    // The entry is written off the UI thread: wait for it before taking the result.
    for (QDeadlineTimer saving(30000);
         object(QStringLiteral("recoveryLog")) != nullptr &&
         object(QStringLiteral("recoveryLog"))->property("saving").toBool() &&
         !saving.hasExpired();) {
        settle(20);
    }
    visit(QStringLiteral("new-session-flagged"), QStringLiteral("logRecoveryPage"));
    if (session.vault() != nullptr) {
        auto flags = session.vault()->flags().of_session(core::SessionId{new_session});
        const bool urgent = flags && std::any_of(flags->begin(), flags->end(), [](const auto& f) {
                                return f.flag.severity == core::Severity::urgent;
                            });
        if (!urgent) {
            result.problems << QStringLiteral(
                "new-session-flagged: pus on the new session raised no urgent flag");
        }
    }

    show(QStringLiteral("settings"));
    visit(QStringLiteral("settings"), QStringLiteral("settingsPage"));
    if (auto* dialog = object(QStringLiteral("replaceRecoveryKeyDialog"))) {
        QMetaObject::invokeMethod(dialog, "open");
        visit(QStringLiteral("settings-recovery-key"), QStringLiteral("settingsPage"));
        QMetaObject::invokeMethod(dialog, "close");
    } else {
        result.problems << QStringLiteral("settings-recovery-key: no replace dialog");
    }
    set(QStringLiteral("newAccountLogin"), "text", QStringLiteral("jlee"));
    set(QStringLiteral("newAccountName"), "text", QStringLiteral("Jo Lee"));
    set(QStringLiteral("newAccountPassphrase"), "text", QStringLiteral("lantern otter gravel"));
    if (auto* page = object(QStringLiteral("settingsPage"))) {
        QMetaObject::invokeMethod(page, "reveal", Q_ARG(QVariant, QStringLiteral("accounts")));
    }
    visit(QStringLiteral("settings-accounts"), QStringLiteral("settingsPage"));
    set(QStringLiteral("newAccountPassphrase"), "text", QString());

    // A long task in progress: held at its first report so the panel can be seen, then
    // cancelled from its own button.
    session.task()->holdAtFirstReportForTests(true);
    session.reassessAll();
    {
        QDeadlineTimer deadline(30000);
        while (!session.task()->hasReported() && !deadline.hasExpired()) {
            settle(20);
        }
    }
    visit(QStringLiteral("task-progress"), QStringLiteral("settingsPage"));
    if (!session.busy()) {
        result.problems << QStringLiteral("task-progress: the task was not running");
    }
    click(QStringLiteral("cancelTask"));
    session.task()->waitUntilDone(30000);
    session.task()->holdAtFirstReportForTests(false);
    if (session.busy()) {
        result.problems << QStringLiteral("task-progress: Cancel did not stop the task");
    }

    // A backup for the restore page later on.
    const QString backup_file = tmp.filePath(QStringLiteral("tour.backup"));
    session.backUpTo(QUrl::fromLocalFile(backup_file));
    session.waitUntilIdle(60000);

    show(QStringLiteral("reviews"));
    settle(100);
    session.waitUntilIdle(60000); // the chain is verified as the page opens
    visit(QStringLiteral("reviews-audit"), QStringLiteral("reviewsPage"));
    if (auto* banner = object(QStringLiteral("chainMessage"));
        banner != nullptr && !banner->property("text").toString().startsWith(
                                 QStringLiteral("The audit trail is intact"))) {
        result.problems << QStringLiteral("reviews-audit: the banner says '%1'")
                               .arg(banner->property("text").toString());
    }
    show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("sessions")}});
    visit(QStringLiteral("reviews-sessions"), QStringLiteral("reviewsPage"));
    show(QStringLiteral("reviews"), {{QStringLiteral("tab"), QStringLiteral("cohort")}});
    visit(QStringLiteral("reviews-cohort"), QStringLiteral("reviewsPage"));

    QMetaObject::invokeMethod(window, "setTheme", Q_ARG(QVariant, QStringLiteral("dark")));
    show(QStringLiteral("session"), session_args);
    visit(QStringLiteral("session-dark"), QStringLiteral("sessionPage"));
    QMetaObject::invokeMethod(window, "setTheme", Q_ARG(QVariant, QStringLiteral("light")));

    // A reviewer reads the same queue and may acknowledge, but not resolve or dismiss.
    if (session.vault() != nullptr) {
        if (auto added = session.vault()->accounts().add(
                "reviewer", "Rae Reviewer", core::Role::reviewer,
                storage::SecureBytes::from(tour_passphrase), storage::KdfParams::interactive());
            !added) {
            result.problems << QStringLiteral("adding a reviewer failed: %1")
                                   .arg(QString::fromStdString(added.error().message));
        }
    }
    session.lock();
    session.unlock(QStringLiteral("reviewer"), QString::fromUtf8(tour_passphrase));
    session.waitUntilIdle(30000);
    visit(QStringLiteral("reviewer-attention"), QStringLiteral("attentionPage"));
    if (session.may().value(QStringLiteral("settle_flags")).toBool()) {
        result.problems << QStringLiteral("reviewer-attention: a reviewer may settle flags");
    }

    // A patient's personal vault: Today (the check-in), My recovery, Aftercare.
    const QString clinic_vault = session.vaultPath();
    session.setVaultPath(tmp.filePath(QStringLiteral("personal")));
    session.createVault(QStringLiteral("personal"), QStringLiteral("me"),
                        QStringLiteral("Alex Morgan"), QString::fromUtf8(tour_passphrase), 1);
    if (!session.waitUntilIdle(120000) || !session.unlocked()) {
        result.problems
            << QStringLiteral("creating the personal vault failed: %1").arg(session.error());
    }
    show(QStringLiteral("today"));
    visit(QStringLiteral("patient-today"), QStringLiteral("todayPage"));
    show(QStringLiteral("recovery"));
    visit(QStringLiteral("patient-recovery"), QStringLiteral("recoveryPage"));
    show(QStringLiteral("photos"));
    visit(QStringLiteral("patient-photos"), QStringLiteral("photosPage"));
    show(QStringLiteral("aftercare"));
    visit(QStringLiteral("patient-aftercare"), QStringLiteral("aftercarePage"));
    session.setVaultPath(clinic_vault);

    session.lock();
    visit(QStringLiteral("unlock"), QStringLiteral("unlockPage"));

    session.unlock(QStringLiteral("admin"), QStringLiteral("not the passphrase"));
    session.waitUntilIdle(30000);
    visit(QStringLiteral("unlock-error"), QStringLiteral("unlockPage"));
    if (session.unlocked() || session.error().isEmpty()) {
        result.problems << QStringLiteral("unlock-error: a wrong passphrase was not refused");
    }

    session.clearError();
    show(QStringLiteral("restore"));
    settle(100);
    if (auto* page = object(QStringLiteral("restoreBackupPage"))) {
        page->setProperty("backupFile", QUrl::fromLocalFile(backup_file));
        page->setProperty("folder", session.describeFolder(QUrl::fromLocalFile(
                                        tmp.filePath(QStringLiteral("restored")))));
    }
    set(QStringLiteral("restorePassphrase"), "text", QString::fromUtf8(tour_passphrase));
    visit(QStringLiteral("restore-backup"), QStringLiteral("restoreBackupPage"));
    click(QStringLiteral("restoreStart"));
    session.waitUntilIdle(120000);
    visit(QStringLiteral("unlock-restored"), QStringLiteral("unlockPage"));
    if (session.vaultPath() != tmp.filePath(QStringLiteral("restored")) || !session.vaultExists()) {
        result.problems << QStringLiteral("unlock-restored: the backup was not restored (%1)")
                               .arg(session.error());
    }

    session.unlock(QStringLiteral("admin"), QString::fromUtf8(tour_passphrase));
    session.waitUntilIdle(30000);
    settle();
    if (!session.unlocked() || current_page(window) != QStringLiteral("attentionPage")) {
        result.problems << QStringLiteral(
            "unlock: the right passphrase did not open the needs-attention page");
    }
    result.problems << log.take();

    session.lock();
    delete window;
    VaultSession::setInstance(nullptr);
    result.ok = result.problems.isEmpty();
    return result;
}

} // namespace punctum::ui
