// punctum: the desktop app. Qt appears only here and in qml/.

#include "app/page_tour.h"
#include "app/qml_modules.h"
#include "common/vault_session.h"
#include "photos/photo_image_provider.h"

#include "punctum/core/about/component.h"
#include "punctum/storage/process_hardening.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

PUNCTUM_IMPORT_QML_MODULES()

int main(int argc, char* argv[]) {
    punctum::storage::harden_process();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Punctum"));
    QGuiApplication::setOrganizationName(QStringLiteral("Punctum"));
    QGuiApplication::setApplicationVersion(
        QString::fromStdString(punctum::core::punctum_version()));
    // The desktop file's id: Wayland compositors match the window to its icon and name by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.punctum.Punctum"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Punctum: microneedling treatment log and recovery tracker"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vault_option(QStringLiteral("vault"),
                                          QStringLiteral("The vault folder to open (default: %1)")
                                              .arg(QStringLiteral("~/.local/share/Punctum/vault")),
                                          QStringLiteral("PATH"));
    const QCommandLineOption self_test(QStringLiteral("self-test"),
                                       QStringLiteral("Load every page against a temporary demo "
                                                      "vault; exit 0 only if none warns"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QStringLiteral("Like --self-test, and save one PNG per page in DIR"),
        QStringLiteral("DIR"));
    const QCommandLineOption first_screen(
        QStringLiteral("render-first-screen"),
        QStringLiteral(
            "Render the first screen to FILE (PNG) and exit; for machines without a display"),
        QStringLiteral("FILE"));
    parser.addOptions({vault_option, self_test, screenshots, first_screen});
    parser.process(app);

    const bool offscreen = QGuiApplication::platformName() == QStringLiteral("offscreen");
    if (offscreen) {
        // No GPU to rely on offscreen: the software renderer always works and grabs exactly.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }

    if (parser.isSet(self_test) || parser.isSet(screenshots)) {
        const auto result = punctum::ui::run_page_tour(parser.value(screenshots));
        for (const auto& png : result.pngs) {
            std::printf("%s\n", qPrintable(png));
        }
        for (const auto& problem : result.problems) {
            std::fprintf(stderr, "problem: %s\n", qPrintable(problem));
        }
        std::printf("self-test: %lld pages, %s\n", static_cast<long long>(result.pages.size()),
                    result.ok ? "all loaded without warnings" : "FAILED");
        return result.ok ? 0 : 1;
    }

    punctum::core::SystemClock clock;
    punctum::ui::VaultSession session(clock);
    punctum::ui::VaultSession::setInstance(&session);
    QString path = parser.value(vault_option);
    if (path.isEmpty()) {
        // ~/.local/share/Punctum/vault (AppDataLocation would repeat the organisation name).
        path = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
               QStringLiteral("/Punctum/vault");
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    session.setVaultPath(QFileInfo(path).absoluteFilePath());

    QQmlApplicationEngine engine;
    punctum::ui::PhotoImageProvider::install(engine, session);
    punctum::ui::load_main_window(engine);
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    if (parser.isSet(first_screen)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        QTimer::singleShot(500, &app, [&] {
            const QString file = parser.value(first_screen);
            const bool saved = window != nullptr && window->grabWindow().save(file);
            std::printf("%s\n", qPrintable(QFileInfo(file).absoluteFilePath()));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}
