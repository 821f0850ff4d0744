#pragma once
// A session's photos, by day, each with its latest redness analysis: the strip of
// thumbnails on the session page and the patient's Photos page.

#include "common/session_bound.h"
#include "punctum/storage/photo_store.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <vector>

namespace punctum::ui {

class PhotoGalleryModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Why the photos could not be read, in words; empty when they could.
    Q_PROPERTY(QString error READ error NOTIFY countChanged)

public:
    enum Role {
        PhotoIdRole = Qt::UserRole + 1,
        DayRole,         ///< days after the session's treatment
        TakenOnRole,     ///< "Tue 3 Mar"
        AreaRole,        ///< "left cheek"; may be empty
        AnalysedRole,    ///< has a redness analysis
        DeltaAStarRole,  ///< latest analysis's delta a*; NaN when not analysed
        CalibratedRole,  ///< of that analysis
        RednessRole,     ///< "Redness 4.2 (delta a*)" or "Not measured"
        ThumbnailRole,   ///< image://vaultphoto/<id>/thumbnail
        DescriptionRole, ///< for screen readers: day, area, view and redness in one sentence
        ViewRole,        ///< "front", "left side", ...; empty when not recorded
    };
    Q_ENUM(Role)

    explicit PhotoGalleryModel(QObject* parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qint64 sessionId() const { return session_id_; }
    void setSessionId(qint64 id);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    [[nodiscard]] QString error() const { return error_; }

public slots:
    void reload() override;

signals:
    void sessionIdChanged();
    void countChanged();

private:
    struct Row {
        storage::PhotoInfo info;
        std::optional<storage::StoredAnalysis> analysis;
    };
    qint64 session_id_ = 0;
    std::vector<Row> rows_;
    QString error_;
};

} // namespace punctum::ui
