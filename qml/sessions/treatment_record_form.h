#pragma once
// The new-session Treatment step's reason, course plan and treatment record: the choices
// each field offers (in plain words, from core's scales), the client's course so far and
// the next due date the plan gives, and the checks core makes, before the session is
// signed. NewSessionPageController::sign stores the same fields through apply_treatment_record.

#include "common/session_bound.h"
#include "punctum/core/model/treatment_session.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

/// The record fields of a new-session treatment map, as QML sends them: indication (key or
/// ""), indicationDetail, scarGrade, courseSessions, courseIntervalDays (0: not recorded),
/// anaesthetic, anaestheticMinutes (text, "" not recorded), skinPrep, cartridgeLot,
/// cartridgeExpiry ("YYYY-MM-DD" or ""), deviceSerial, endpointErythema, endpointBleeding
/// (-1: not recorded), antiviral ("yes", "no" or ""), consentForm, consentVersion and
/// aftercareProducts [{name, lot}]. Copies them into `session`; returns what is malformed
/// in words, empty when nothing is. Clinical rules are core's validate.
[[nodiscard]] QString apply_treatment_record(const QVariantMap& treatment,
                                             core::TreatmentSession& session);

class TreatmentRecordForm : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    /// [{key, label}], "" (not recorded) first.
    Q_PROPERTY(QVariantList indications READ indications CONSTANT)
    /// [{value, label}], 0 (not graded) first: the Goodman and Baron grades in words.
    Q_PROPERTY(QVariantList scarGrades READ scarGrades CONSTANT)
    /// [{value, label}], -1 (not recorded) first: CEA 0..4 and bleeding 0..3.
    Q_PROPERTY(QVariantList rednessChoices READ rednessChoices CONSTANT)
    Q_PROPERTY(QVariantList bleedingChoices READ bleedingChoices CONSTANT)
    /// The client's newest session's reason and plan, to continue the course:
    /// {indication, indicationDetail, courseSessions, courseIntervalDays}; {} when none.
    Q_PROPERTY(QVariantMap previous READ previous NOTIFY clientIdChanged)

public:
    explicit TreatmentRecordForm(QObject* parent = nullptr);

    [[nodiscard]] qint64 clientId() const { return client_id_; }
    void setClientId(qint64 id);
    [[nodiscard]] static QVariantList indications();
    [[nodiscard]] static QVariantList scarGrades();
    [[nodiscard]] static QVariantList rednessChoices();
    [[nodiscard]] static QVariantList bleedingChoices();
    [[nodiscard]] QVariantMap previous() const { return previous_; }

    /// "Session 2 of 3, every 28 days · next session due Tue 31 Mar" for a session today
    /// with this plan, counting the client's earlier sessions of the same indication; empty
    /// without a plan.
    Q_INVOKABLE QString courseText(const QString& indication, int sessions, int intervalDays) const;
    /// What is wrong with a cartridge expiry typed in, in words; empty when it is fine or
    /// empty. An expiry before today is an expired cartridge.
    Q_INVOKABLE QString expiryProblem(const QString& text) const;
    /// What core refuses in the record part of `treatment`, in words; empty when nothing.
    Q_INVOKABLE QString check(const QVariantMap& treatment) const;
    /// The record part of `treatment` as the review shows it, [{label, value}]: for `part`
    /// "reason" the reason and the course; for "record" each recorded part of the treatment
    /// record and the post-care products; for "" all of them.
    Q_INVOKABLE QVariantList summary(const QVariantMap& treatment,
                                     const QString& part = QString()) const;

signals:
    void clientIdChanged();

private:
    void attached(VaultSession& session) override;
    /// The client's newest session's indication and course, offered to carry over.
    void load_previous();
    [[nodiscard]] core::TreatmentSession draft(const QVariantMap& treatment,
                                               QString* problem) const;
    qint64 client_id_ = 0;
    QVariantMap previous_;
};

} // namespace punctum::ui
