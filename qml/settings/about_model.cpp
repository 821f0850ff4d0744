#include "settings/about_model.h"

#include "punctum/core/norms/norms_profile.h"
#include "punctum/reports/qt_component.h"
#include "punctum/storage/linked_components.h"

namespace punctum::ui {

AboutModel::AboutModel(QObject* parent)
    : QAbstractListModel(parent), components_(storage::linked_components()) {
    components_.push_back(reports::qt_component());
}

int AboutModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(components_.size());
}

QVariant AboutModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& c = components_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(c.name);
    case VersionRole:
        return QString::fromStdString(c.version);
    case LicenceRole:
        return QString::fromStdString(c.licence);
    case PurposeRole:
        return QString::fromStdString(c.role);
    default:
        return {};
    }
}

QHash<int, QByteArray> AboutModel::roleNames() const {
    return {{NameRole, "name"},
            {VersionRole, "version"},
            {LicenceRole, "licence"},
            {PurposeRole, "purpose"}};
}

QString AboutModel::version() const {
    return QString::fromStdString(core::punctum_version());
}

QString AboutModel::shippedNorms() const {
    const auto& norms = core::default_norms_profile();
    return tr("%1 (%2 %3)")
        .arg(QString::fromStdString(norms.title), QString::fromStdString(norms.id),
             QString::fromStdString(norms.version));
}

} // namespace punctum::ui
