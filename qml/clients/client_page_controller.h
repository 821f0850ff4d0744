#pragma once
// The client page's controller: one client's details, loaded when clientId is set.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::storage {
class Vault;
}

namespace punctum::ui {

class ClientPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY loaded)
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(QString dateOfBirth READ dateOfBirth NOTIFY loaded)
    Q_PROPERTY(int age READ age NOTIFY loaded)
    Q_PROPERTY(int fitzpatrick READ fitzpatrick NOTIFY loaded)
    Q_PROPERTY(QString notes READ notes NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)
    /// The three photo uses in order, each {use, label, answer ("granted" | "withheld" |
    /// "not asked"), recordedOn, recordedBy}: the consent chips.
    Q_PROPERTY(QVariantList consents READ consents NOTIFY loaded)

public:
    explicit ClientPageController(QObject* parent = nullptr);

    [[nodiscard]] qint64 clientId() const { return id_; }
    void setClientId(qint64 id);
    [[nodiscard]] bool found() const { return found_; }
    [[nodiscard]] QString name() const { return name_; }
    [[nodiscard]] QString dateOfBirth() const { return dob_; }
    /// Whole years, -1 when the date of birth is unknown.
    [[nodiscard]] int age() const { return age_; }
    /// 1..6, 0 when not assessed.
    [[nodiscard]] int fitzpatrick() const { return fitzpatrick_; }
    [[nodiscard]] QString notes() const { return notes_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QVariantList consents() const { return consents_; }

    /// Records the client's answer for one use ("medical_record", "in_clinic_display",
    /// "publication"); storage attributes and audits it. Empty on success, else why not.
    Q_INVOKABLE QString setConsent(const QString& use, bool granted);

public slots:
    void reload() override;

signals:
    void clientIdChanged();
    void loaded();

private:
    void load_consents(storage::Vault& vault);

    qint64 id_ = 0;
    bool found_ = false;
    QString name_, dob_, notes_, error_;
    QVariantList consents_;
    int age_ = -1;
    int fitzpatrick_ = 0;
};

} // namespace punctum::ui
