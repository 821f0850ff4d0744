#pragma once
// A client's treatment sessions, newest first: the timeline on the client page.

#include "common/session_bound.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/core/recovery/flag.h"

#include <optional>

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class SessionListModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        TreatedOnRole,
        DaysAgoRole,
        DeviceRole,
        AreasRole,
        MaxDepthRole,
        NotesRole,
        StatusRole,     ///< worst flag not dismissed: "urgent" | "watch" | "info" | "ok"
        StatusWordRole, ///< "Urgent", "Watch", "Note", "Within the usual course"
    };
    Q_ENUM(Role)

    explicit SessionListModel(QObject* parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qint64 clientId() const { return client_id_; }
    void setClientId(qint64 id);

public slots:
    void reload() override;

signals:
    void clientIdChanged();

private:
    qint64 client_id_ = 0;
    std::vector<core::TreatmentSession> rows_;
    std::vector<std::optional<core::Severity>> status_;
};

} // namespace punctum::ui
