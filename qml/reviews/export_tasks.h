#pragma once
// Records leaving the vault from the Reviews page: a CSV table or a FHIR R4 bundle, written
// and audited by storage (ExportStore) as a long task behind the progress panel, ending
// with the session's taskDone("export", ok, message). The same exports as `punctum-cli
// export csv|fhir`.

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class ExportTasks : public SessionObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit ExportTasks(QObject* parent = nullptr) : SessionObject(parent) {}

    /// Writes `what` ("sessions", "entries", "flags", "outcomes" as CSV, or "fhir") to
    /// `file`; false (nothing started) for an unknown kind, when locked or busy.
    Q_INVOKABLE bool exportTo(const QString& what, const QUrl& file);
    /// A file name for today's export of `what` in the home folder, e.g.
    /// "punctum-sessions-2026-12-03.csv" or "punctum-fhir-2026-12-03.json".
    Q_INVOKABLE QUrl suggestedFile(const QString& what) const;
};

} // namespace punctum::ui
