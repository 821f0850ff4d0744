#pragma once
// A session's recovery entries, by day since treatment.

#include "common/session_bound.h"
#include "punctum/core/model/recovery_entry.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class EntryListModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)

public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        DayRole,        ///< days since treatment, 0 = the day itself
        ObservedOnRole, ///< "Tue 3 Mar"
        ReporterRole,   ///< "patient" | "clinician"
        SummaryRole,    ///< "Redness 2, Swelling 1"
        NoteRole,
        ErythemaRole, ///< -1 when not reported
    };
    Q_ENUM(Role)

    explicit EntryListModel(QObject* parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    void setSessionId(qint64 id);

public slots:
    void reload() override;

signals:
    void sessionIdChanged();

private:
    qint64 session_id_ = 0;
    core::Date treated_on_{};
    std::vector<core::RecoveryEntry> rows_;
};

} // namespace punctum::ui
