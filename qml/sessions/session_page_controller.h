#pragma once
// The session page's controller: one treatment session as recorded (device, cartridge,
// areas, products with lots, add-ons, immediate response, aftercare), why it was given and
// where it stands in its course, and the treatment record; loaded when sessionId is set.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class SessionPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)
    Q_PROPERTY(qint64 clientId READ clientId NOTIFY loaded)
    Q_PROPERTY(QString clientName READ clientName NOTIFY loaded)
    Q_PROPERTY(QString treatedOn READ treatedOn NOTIFY loaded)
    Q_PROPERTY(int daysSince READ daysSince NOTIFY loaded)
    Q_PROPERTY(QString device READ device NOTIFY loaded)
    Q_PROPERTY(QString cartridge READ cartridge NOTIFY loaded)
    /// [{area, depth: "1.5 mm", passes: "2 passes"}]
    Q_PROPERTY(QVariantList areas READ areas NOTIFY loaded)
    /// [{name, lot}]: the products used during the procedure
    Q_PROPERTY(QVariantList products READ products NOTIFY loaded)
    /// Post-care products, one a line with their lot; empty when none recorded.
    Q_PROPERTY(QString aftercareProducts READ aftercareProducts NOTIFY loaded)
    /// "Acne scars (rolling scars) · scar grade 3 - moderate: ... (Goodman and Baron)"
    Q_PROPERTY(QString indication READ indication NOTIFY loaded)
    /// "Session 2 of 3, every 28 days · next session due Tue 31 Mar"; empty without a plan.
    Q_PROPERTY(QString course READ course NOTIFY loaded)
    /// The treatment record's recorded parts: [{label, value}].
    Q_PROPERTY(QVariantList record READ record NOTIFY loaded)
    /// ["PRP", "RF: Fractional RF 40 W"]
    Q_PROPERTY(QStringList addOns READ addOns NOTIFY loaded)
    Q_PROPERTY(QString immediateResponse READ immediateResponse NOTIFY loaded)
    Q_PROPERTY(QString aftercareGiven READ aftercareGiven NOTIFY loaded)
    Q_PROPERTY(QString notes READ notes NOTIFY loaded)

public:
    explicit SessionPageController(QObject* parent = nullptr);

    [[nodiscard]] qint64 sessionId() const { return id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] bool found() const { return found_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] qint64 clientId() const { return client_id_; }
    [[nodiscard]] QString clientName() const { return client_name_; }
    [[nodiscard]] QString treatedOn() const { return treated_on_; }
    [[nodiscard]] int daysSince() const { return days_since_; }
    [[nodiscard]] QString device() const { return device_; }
    [[nodiscard]] QString cartridge() const { return cartridge_; }
    [[nodiscard]] QVariantList areas() const { return areas_; }
    [[nodiscard]] QVariantList products() const { return products_; }
    [[nodiscard]] QString aftercareProducts() const { return aftercare_products_; }
    [[nodiscard]] QString indication() const { return indication_; }
    [[nodiscard]] QString course() const { return course_; }
    [[nodiscard]] QVariantList record() const { return record_; }
    [[nodiscard]] QStringList addOns() const { return add_ons_; }
    [[nodiscard]] QString immediateResponse() const { return immediate_; }
    [[nodiscard]] QString aftercareGiven() const { return aftercare_; }
    [[nodiscard]] QString notes() const { return notes_; }

public slots:
    void reload() override;

signals:
    void sessionIdChanged();
    void loaded();

private:
    qint64 id_ = 0;
    bool found_ = false;
    QString error_;
    qint64 client_id_ = 0;
    QString client_name_, treated_on_, device_, cartridge_, immediate_, aftercare_, notes_;
    int days_since_ = 0;
    QVariantList areas_, products_;
    QStringList add_ons_;
    QString aftercare_products_, indication_, course_;
    QVariantList record_;
};

/// "PRP", "RF (Fractional RF 40 W)": an add-on as the session page names it.
[[nodiscard]] QString add_on_text(const std::string& kind, const std::string& detail);

} // namespace punctum::ui
