#pragma once
// Settings' About section (issue 16): Punctum's version, the norms profile it ships, and
// every library the app runs with, each with its version and licence. The same list as
// `punctum-cli version`, from storage::linked_components() plus Qt.

#include "punctum/core/about/component.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class AboutModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// "0.2.0": CMake's project version.
    Q_PROPERTY(QString version READ version CONSTANT)
    /// "Punctum default recovery norms (punctum-default 2026.2)"
    Q_PROPERTY(QString shippedNorms READ shippedNorms CONSTANT)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        VersionRole,
        LicenceRole, ///< an SPDX expression
        PurposeRole, ///< what Punctum uses it for
    };
    Q_ENUM(Role)

    explicit AboutModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString version() const;
    [[nodiscard]] QString shippedNorms() const;

private:
    std::vector<core::Component> components_;
};

} // namespace punctum::ui
