#pragma once
// The new-client form's controller: the details and the photo-consent answers, checked by
// core and stored by storage in one batch (client and consents land together or not at
// all). QML only collects the fields; the rules live below.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class NewClientPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name MEMBER name_ NOTIFY changed)
    /// "YYYY-MM-DD" or empty when not given.
    Q_PROPERTY(QString dateOfBirth MEMBER date_of_birth_ NOTIFY changed)
    /// 1..6, 0 when not assessed.
    Q_PROPERTY(int fitzpatrick MEMBER fitzpatrick_ NOTIFY changed)
    Q_PROPERTY(QString notes MEMBER notes_ NOTIFY changed)
    /// Photo consent answers: -1 not asked yet, 0 withheld, 1 granted.
    Q_PROPERTY(int medicalRecord MEMBER medical_record_ NOTIFY changed)
    Q_PROPERTY(int inClinicDisplay MEMBER in_clinic_display_ NOTIFY changed)
    Q_PROPERTY(int publication MEMBER publication_ NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit NewClientPageController(QObject* parent = nullptr);

    [[nodiscard]] QString error() const { return error_; }

    /// Stores the client and their consent answers; the new client's id, or 0 with `error`
    /// saying what to fix.
    Q_INVOKABLE qint64 save();

signals:
    void changed();
    void errorChanged();

private:
    void setError(const QString& message);

    QString name_;
    QString date_of_birth_;
    int fitzpatrick_ = 0;
    QString notes_;
    int medical_record_ = 1; // the record is why the photo is taken: asked first, yes by default
    int in_clinic_display_ = -1;
    int publication_ = -1;
    QString error_;
};

} // namespace punctum::ui
