#pragma once
// The new-session stepper's controller: Screening -> Treatment -> Aftercare -> Review &
// sign. Screening and its verdict come from storage (ScreeningStore::record screens with
// the profile in force); signing stores the session and attaches the screening to it in
// one transaction.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class NewSessionPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString clientName READ clientName NOTIFY clientIdChanged)
    Q_PROPERTY(QString today READ today NOTIFY vaultSessionChanged)
    /// "Tue 24 Nov": today as lists and headers show dates.
    Q_PROPERTY(QString todayText READ todayText NOTIFY vaultSessionChanged)
    /// [{key, label}] in core's order.
    Q_PROPERTY(QVariantList conditions READ conditions CONSTANT)
    Q_PROPERTY(QVariantList recentItems READ recentItems CONSTANT)
    /// The client's medical history was gone through with them today: recorded with the
    /// screening.
    Q_PROPERTY(bool historyConfirmed MEMBER history_confirmed_ NOTIFY planChanged)
    /// What is planned with the needling, "prp" and/or "rf": some conditions (gold threads,
    /// a cardiac device) matter only with RF.
    Q_PROPERTY(QStringList plannedAddOns MEMBER planned_add_ons_ NOTIFY planChanged)
    Q_PROPERTY(bool screened READ screened NOTIFY screeningChanged)
    /// "proceed" | "caution" | "defer" | "refer" | "decline"
    Q_PROPERTY(QString verdict READ verdict NOTIFY screeningChanged)
    /// The care card's band: "ok" | "watch" | "urgent"
    Q_PROPERTY(QString verdictBand READ verdictBand NOTIFY screeningChanged)
    Q_PROPERTY(QString verdictWord READ verdictWord NOTIFY screeningChanged)
    /// [{label, outcomeWord, message, source, note, until}]
    Q_PROPERTY(QVariantList reasons READ reasons NOTIFY screeningChanged)
    Q_PROPERTY(QString profile READ profile NOTIFY screeningChanged)
    Q_PROPERTY(bool overridden READ overridden NOTIFY screeningChanged)
    Q_PROPERTY(bool clearsTreatment READ clearsTreatment NOTIFY screeningChanged)
    /// The profile's aftercare advice, one line each, and its source.
    Q_PROPERTY(QStringList aftercare READ aftercare CONSTANT)
    Q_PROPERTY(QString aftercareSource READ aftercareSource CONSTANT)
    /// The profile's advice for before a treatment, one line each: shown to the client with
    /// the session summary and on their Aftercare page, so they come prepared next time.
    Q_PROPERTY(QStringList preparation READ preparation CONSTANT)
    Q_PROPERTY(qint64 sessionId READ sessionId NOTIFY signedChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit NewSessionPageController(QObject* parent = nullptr);

    [[nodiscard]] qint64 clientId() const { return client_id_; }
    void setClientId(qint64 id);
    [[nodiscard]] QString clientName() const { return client_name_; }
    [[nodiscard]] QString today() const;
    [[nodiscard]] QString todayText() const;
    [[nodiscard]] static QVariantList conditions();
    [[nodiscard]] static QVariantList recentItems();
    [[nodiscard]] bool screened() const { return screening_id_ > 0; }
    [[nodiscard]] QString verdict() const { return verdict_; }
    [[nodiscard]] QString verdictBand() const;
    [[nodiscard]] QString verdictWord() const;
    [[nodiscard]] QVariantList reasons() const { return reasons_; }
    [[nodiscard]] QString profile() const { return profile_; }
    [[nodiscard]] bool overridden() const { return overridden_; }
    [[nodiscard]] bool clearsTreatment() const;
    [[nodiscard]] QStringList aftercare() const { return aftercare_; }
    [[nodiscard]] QString aftercareSource() const { return aftercare_source_; }
    [[nodiscard]] QStringList preparation() const { return preparation_; }
    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    [[nodiscard]] QString error() const { return error_; }

    /// Screens today's treatment. `recent` maps an item key to its ISO date ("2026-11-02");
    /// `depthMm` <= 0 when not yet known.
    Q_INVOKABLE bool screen(const QStringList& conditions, const QVariantMap& recent,
                            double depthMm);
    /// Treat despite the verdict; the justification is required and kept with the screening.
    Q_INVOKABLE bool overrideVerdict(const QString& justification);
    /// Records the session: {device, cartridge, areas: [{area, depth, passes}], products:
    /// [{name, lot}], addOns: [{kind, detail}], immediateResponse, aftercare, notes}.
    Q_INVOKABLE bool sign(const QVariantMap& treatment);
    Q_INVOKABLE void clearError();
    /// A readable name for a condition or recent-treatment key.
    Q_INVOKABLE static QString itemLabel(const QString& key);

signals:
    void clientIdChanged();
    void planChanged();
    void screeningChanged();
    void signedChanged();
    void errorChanged();

private:
    void setError(const QString& message);
    void loadProfile();
    void attached(VaultSession& session) override;

    qint64 client_id_ = 0;
    QString client_name_;
    qint64 screening_id_ = 0;
    bool history_confirmed_ = false;
    QStringList planned_add_ons_;
    QString verdict_;
    QVariantList reasons_;
    QString profile_;
    bool overridden_ = false;
    bool clears_ = false; ///< the stored screening clears treatment (storage's verdict)
    QStringList aftercare_;
    QString aftercare_source_;
    QStringList preparation_;
    qint64 session_id_ = 0;
    QString error_;
};

} // namespace punctum::ui
