#pragma once
// A client's lasting medical history for QML: shown on the client page and at screening
// (where it is re-confirmed, not asked afresh), and edited in a small form. Storage checks
// and audits every change; this only carries the four fields.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class MedicalHistoryDetail : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString allergies READ allergies NOTIFY changed)
    Q_PROPERTY(QString sensitivities READ sensitivities NOTIFY changed)
    Q_PROPERTY(QString medications READ medications NOTIFY changed)
    Q_PROPERTY(QString conditions READ conditions NOTIFY changed)
    /// True when nothing has been recorded in any field.
    Q_PROPERTY(bool empty READ empty NOTIFY changed)
    /// "Last updated Tue 3 Mar" or "Never recorded".
    Q_PROPERTY(QString updatedText READ updatedText NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit MedicalHistoryDetail(QObject* parent = nullptr);

    [[nodiscard]] qint64 clientId() const { return id_; }
    void setClientId(qint64 id);
    [[nodiscard]] bool loaded() const { return loaded_; }
    [[nodiscard]] QString allergies() const { return allergies_; }
    [[nodiscard]] QString sensitivities() const { return sensitivities_; }
    [[nodiscard]] QString medications() const { return medications_; }
    [[nodiscard]] QString conditions() const { return conditions_; }
    [[nodiscard]] bool empty() const;
    [[nodiscard]] QString updatedText() const { return updated_text_; }
    [[nodiscard]] QString error() const { return error_; }

    /// Stores the history as given (trimmed); false with `error` saying what to fix.
    Q_INVOKABLE bool save(const QString& allergies, const QString& sensitivities,
                          const QString& medications, const QString& conditions);

public slots:
    void reload() override;

signals:
    void clientIdChanged();
    void changed();
    void errorChanged();

private:
    void setError(const QString& message);

    qint64 id_ = 0;
    bool loaded_ = false;
    QString allergies_, sensitivities_, medications_, conditions_, updated_text_, error_;
};

} // namespace punctum::ui
