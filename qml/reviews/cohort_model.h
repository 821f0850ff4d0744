#pragma once
// The Reviews page's cohort statistics (issue 14 item 2): storage's cohort report over the
// stored outcomes, grouped as the reviewer chooses, in words and figures for a group card,
// with each group's survival curves (share of sessions whose redness or swelling has not
// settled yet, by day) for CohortChart.

#include "common/session_bound.h"

#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class CohortModel : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// "all" | "practitioner" | "device" | "depth" | "addon" | "indication" | "fitzpatrick"
    Q_PROPERTY(QString by READ by WRITE setBy NOTIFY queryChanged)
    /// Treated on or after / on or before, "YYYY-MM-DD"; empty for open-ended.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY queryChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY queryChanged)
    /// [{key, title, sessions, small, redness: {...}, swelling: {...}, flagged (words),
    ///   flaggedRate, flaggedLow, flaggedHigh, logging (words)}], each symptom as
    /// {median (words), expected (words), curve: [{day, survival}], expectedDay (-1: none),
    ///  censored, sessions}.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY groupsChanged)
    /// [{key, label}] for the grouping control.
    Q_PROPERTY(QVariantList groupings READ groupings CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY groupsChanged)
    /// The longest day any curve reaches, for a shared x axis.
    Q_PROPERTY(int lastDay READ lastDay NOTIFY groupsChanged)

public:
    explicit CohortModel(QObject* parent = nullptr) : SessionObject(parent) {}

    [[nodiscard]] QString by() const { return by_; }
    void setBy(const QString& by);
    [[nodiscard]] QString from() const { return from_; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return to_; }
    void setTo(const QString& to);
    [[nodiscard]] QVariantList groups() const { return groups_; }
    [[nodiscard]] static QVariantList groupings();
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int lastDay() const { return last_day_; }

signals:
    void queryChanged();
    void groupsChanged();

private:
    void reload() override;

    QString by_ = QStringLiteral("all");
    QString from_, to_, error_;
    QVariantList groups_;
    int last_day_ = 14;
};

} // namespace punctum::ui
