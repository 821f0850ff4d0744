#pragma once
// The app's QML modules are static libraries: whatever loads Main.qml or a page (the app, the
// tests, the bench) must import each module's plugin once, in its own executable. Use
// PUNCTUM_IMPORT_QML_MODULES() at namespace scope in one .cpp of that executable, and
// load_main_window() to show the app.

#include <QQmlApplicationEngine>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#define PUNCTUM_IMPORT_QML_MODULES()                                                               \
    Q_IMPORT_QML_PLUGIN(Punctum_CommonPlugin)                                                      \
    Q_IMPORT_QML_PLUGIN(Punctum_VaultPlugin)                                                       \
    Q_IMPORT_QML_PLUGIN(Punctum_ExchangePlugin)                                                    \
    Q_IMPORT_QML_PLUGIN(Punctum_SettingsPlugin)                                                    \
    Q_IMPORT_QML_PLUGIN(Punctum_FlagsPlugin)                                                       \
    Q_IMPORT_QML_PLUGIN(Punctum_PhotosPlugin)                                                      \
    Q_IMPORT_QML_PLUGIN(Punctum_RecoveryPlugin)                                                    \
    Q_IMPORT_QML_PLUGIN(Punctum_ClientsPlugin)                                                     \
    Q_IMPORT_QML_PLUGIN(Punctum_SessionsPlugin)                                                    \
    Q_IMPORT_QML_PLUGIN(Punctum_ReviewsPlugin)                                                     \
    Q_IMPORT_QML_PLUGIN(PunctumPlugin)

namespace punctum::ui {

/// Loads Main.qml. The modules sit under qrc:/qt/qml, which Qt 6.4 does not search by
/// default (6.5 does), so it is added first.
inline void load_main_window(QQmlApplicationEngine& engine) {
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Punctum/Main.qml")));
}

} // namespace punctum::ui
