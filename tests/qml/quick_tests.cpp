// Qt Quick Test cases for the components with logic (ScorePicker, RecoveryChart,
// CompareSlider), run against the Punctum QML module as the app builds it.

#include "app/qml_modules.h"

#include <QQmlEngine>
#include <QtQuickTest>

PUNCTUM_IMPORT_QML_MODULES()

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(punctum_components, Setup)
#include "quick_tests.moc"
