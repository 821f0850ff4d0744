#pragma once
// The care plans a personal vault holds (patient side), opened last first, each with its
// clinic, the treatment day and what has not been sent back yet (ExchangeStore::care_plans).

#include "common/session_bound.h"
#include "punctum/storage/exchange_store.h"

#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class CarePlanListModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY countChanged)
    /// The care plan opened last: "Clinic name · treatment of Tue 24 Nov"; empty without one.
    Q_PROPERTY(QString latest READ latest NOTIFY countChanged)

public:
    enum Role {
        PlanIdRole = Qt::UserRole + 1,
        SessionRole,
        ClinicRole,
        TreatedOnRole, ///< "Tue 24 Nov"
        OpenedRole,    ///< "Tue 24 Nov, 10:12"
        ReportsSentRole,
        UnsentEntriesRole,
        UnsentPhotosRole,
        UnsentRole, ///< "3 check-ins and 1 photo not sent yet" / "Everything is sent"
    };
    Q_ENUM(Role)

    explicit CarePlanListModel(QObject* parent = nullptr) : VaultListModel(parent) {}

    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString latest() const;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// "3 check-ins and 1 photo not sent yet", that everything is sent (after `sent` reports),
    /// or that nothing is logged yet.
    [[nodiscard]] static QString unsentWords(int entries, int photos, int sent);

signals:
    void countChanged();

protected:
    void reload() override;

private:
    std::vector<storage::CarePlanInfo> rows_;
    QString error_;
};

} // namespace punctum::ui
