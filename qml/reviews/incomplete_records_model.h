#pragma once
// Incomplete records (Reviews page): sessions missing a screening, a photo consent answer,
// lot numbers, a follow-up in the first week or an indication, newest treatment first, each
// with what it misses in words. The newest `limit` only: the list is for working through,
// and `punctum-cli review incomplete` prints every one.

#include "punctum/storage/review_store.h"

#include "common/session_bound.h"

#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class IncompleteRecordsModel : public VaultListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY loaded)
    /// True when there are more than are shown.
    Q_PROPERTY(bool capped READ capped NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        ClientIdRole,
        ClientRole,
        TreatedOnRole, ///< "Tue 3 Mar"
        PractitionerRole,
        MissingRole,      ///< "No screening, missing lot numbers"
        MissingItemsRole, ///< storage's names: ["screening", "lot_numbers"]
    };
    Q_ENUM(Role)

    explicit IncompleteRecordsModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    [[nodiscard]] bool capped() const { return capped_; }
    [[nodiscard]] QString error() const { return error_; }

    /// "no screening", ... (the first word capitalised by the caller when it leads).
    [[nodiscard]] static QString missing_words(storage::MissingItem item);

    static constexpr int limit = 500;

public slots:
    void reload() override;

signals:
    void loaded();

private:
    std::vector<storage::IncompleteRecord> rows_;
    bool capped_ = false;
    QString error_;
};

} // namespace punctum::ui
