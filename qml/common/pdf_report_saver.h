#pragma once
// "Save as PDF" on the session page and the cohort tab: the reports library's PDF (the same
// code as `punctum-cli report pdf`), written into the user's documents folder under
// Punctum/, with a message saying where, or why it could not be.

#include "common/session_bound.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class PdfReportSaver : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// "session", "recovery" or "cohort".
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY requestChanged)
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY requestChanged)
    /// Cohort: the grouping key ("" or "all", "device", ...) and the range, YYYY-MM-DD or "".
    Q_PROPERTY(QString cohortBy READ cohortBy WRITE setCohortBy NOTIFY requestChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY requestChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY requestChanged)
    /// Where reports are saved: <documents>/Punctum.
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY requestChanged)
    /// "Saved to ... (3 pages)." or what went wrong; empty before the first save.
    Q_PROPERTY(QString message READ message NOTIFY saved)
    Q_PROPERTY(bool failed READ failed NOTIFY saved)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY saved)

public:
    explicit PdfReportSaver(QObject* parent = nullptr);

    [[nodiscard]] QString kind() const { return kind_; }
    void setKind(const QString& kind);
    [[nodiscard]] qint64 sessionId() const { return session_; }
    void setSessionId(qint64 id);
    [[nodiscard]] QString cohortBy() const { return by_; }
    void setCohortBy(const QString& by);
    [[nodiscard]] QString from() const { return from_; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return to_; }
    void setTo(const QString& to);
    [[nodiscard]] QString folder() const { return folder_; }
    void setFolder(const QString& folder);
    [[nodiscard]] QString message() const { return message_; }
    [[nodiscard]] bool failed() const { return failed_; }
    [[nodiscard]] QString savedPath() const { return saved_path_; }

    /// Writes the report into `folder`; true when saved. The message says where, or why not.
    Q_INVOKABLE bool save();

signals:
    void requestChanged();
    void saved();

private:
    void finish(bool ok, const QString& message, const QString& path = {});
    [[nodiscard]] QString file_name() const;

    QString kind_ = QStringLiteral("session");
    qint64 session_ = 0;
    QString by_, from_, to_, folder_;
    QString message_, saved_path_;
    bool failed_ = false;
};

} // namespace punctum::ui
