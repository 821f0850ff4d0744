#include "app/page_tour.h"
#include "app/qml_modules.h"

#include "app/qml_message_log.h"
#include "app/tour_driver.h"
#include "app/tour_step.h"
#include "common/vault_session.h"
#include "photos/photo_image_provider.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <array>

namespace punctum::ui {

namespace {

// The tour in order: each part starts where the one before left the app.
std::array<std::span<const TourStep>, 7> tour_parts() {
    return {clinic_tour_steps(),          new_session_tour_steps(), sign_off_tour_steps(),
            exchange_clinic_tour_steps(), roles_tour_steps(),       exchange_patient_tour_steps(),
            locking_tour_steps()};
}

// After the last page: the restored vault opens with the right passphrase, on the
// needs-attention page.
void unlock_restored(TourDriver& t) {
    t.session().unlock(QStringLiteral("admin"), QString::fromUtf8(tour_passphrase));
    t.session().waitUntilIdle(30000);
    TourDriver::settle();
    if (!t.session().unlocked() || t.currentPage() != QStringLiteral("attentionPage")) {
        t.problem(
            QStringLiteral("unlock: the right passphrase did not open the needs-attention page"));
    }
}

} // namespace

QStringList tour_pages() {
    QStringList pages;
    for (const auto& part : tour_parts()) {
        for (const TourStep& step : part) {
            pages << QString::fromUtf8(step.name);
        }
    }
    return pages;
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

    TourDriver driver(*window, session, log, result, tmp.path(), screenshot_dir);
    for (const auto& part : tour_parts()) {
        for (const TourStep& step : part) {
            if (step.prepare != nullptr && !step.prepare(driver)) {
                continue;
            }
            driver.visit(QString::fromUtf8(step.name), QString::fromUtf8(step.page));
            if (step.check != nullptr) {
                step.check(driver);
            }
        }
    }
    unlock_restored(driver);
    result.problems << log.take();

    session.lock();
    delete window;
    VaultSession::setInstance(nullptr);
    result.ok = result.problems.isEmpty();
    return result;
}

} // namespace punctum::ui
