#pragma once
// The settings page's view of the norms profile in force: who adopted it and when, the
// recovery figures the flag rules apply, each with its source, and every source cited.

#include "common/session_bound.h"
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class NormsSummary : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString profile READ profile NOTIFY loaded)
    Q_PROPERTY(QString description READ description NOTIFY loaded)
    Q_PROPERTY(QString adopted READ adopted NOTIFY loaded)
    /// [{what, value, source}]
    Q_PROPERTY(QVariantList figures READ figures NOTIFY loaded)
    /// [{key, citation, grade}]
    Q_PROPERTY(QVariantList sources READ sources NOTIFY loaded)
    Q_PROPERTY(int screeningRules READ screeningRules NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)

public:
    explicit NormsSummary(QObject* parent = nullptr);

    [[nodiscard]] QString title() const { return title_; }
    [[nodiscard]] QString profile() const { return profile_; }
    [[nodiscard]] QString description() const { return description_; }
    [[nodiscard]] QString adopted() const { return adopted_; }
    [[nodiscard]] QVariantList figures() const { return figures_; }
    [[nodiscard]] QVariantList sources() const { return sources_; }
    [[nodiscard]] int screeningRules() const { return screening_rules_; }
    [[nodiscard]] QString error() const { return error_; }

public slots:
    void reload() override;

signals:
    void loaded();

private:
    QString title_, profile_, description_, adopted_, error_;
    QVariantList figures_, sources_;
    int screening_rules_ = 0;
};

} // namespace punctum::ui
