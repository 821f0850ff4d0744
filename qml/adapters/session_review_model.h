#pragma once
// Sessions under review: every session with its check-ins, the flags the norms raised (by
// severity, open and closed) and how the recovery went against its expected course, a
// page at a time, newest treatment first.

#include "punctum/storage/review_store.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class SessionReviewModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool withFlagsOnly READ withFlagsOnly WRITE setWithFlagsOnly NOTIFY filterChanged)
    Q_PROPERTY(bool openFlagsOnly READ openFlagsOnly WRITE setOpenFlagsOnly NOTIFY filterChanged)
    /// Treated on or after / on or before, "YYYY-MM-DD"; empty for open-ended.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QString error READ error NOTIFY totalCountChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        ClientIdRole,
        ClientRole,
        TreatedOnRole, ///< "Tue 3 Mar"
        DeviceRole,
        EntriesRole, ///< "4 check-ins, last on day 7" / "No check-ins"
        FlagsRole,   ///< "1 urgent, 2 watch, 1 note" / "No flags"
        OpenRole,    ///< open or acknowledged flags
        StateRole,   ///< "2 open, 1 closed"
        OutcomeRole, ///< storage's name: "no_check_ins" | "within_course" | ...
        OutcomeWordsRole,
        SeverityRole, ///< "urgent" | "watch" | "ok" | "none": the outcome's icon
    };
    Q_ENUM(Role)

    explicit SessionReviewModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    [[nodiscard]] bool withFlagsOnly() const { return with_flags_; }
    void setWithFlagsOnly(bool on);
    [[nodiscard]] bool openFlagsOnly() const { return open_flags_; }
    void setOpenFlagsOnly(bool on);
    [[nodiscard]] QString from() const { return from_; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return to_; }
    void setTo(const QString& to);
    [[nodiscard]] int totalCount() const { return total_; }
    [[nodiscard]] QString error() const { return error_; }

    /// "Within the expected course", ...
    [[nodiscard]] static QString outcome_words(storage::RecoveryOutcome outcome);

    static constexpr int page_size = 100;

public slots:
    void reload();

signals:
    void filterChanged();
    void totalCountChanged();

private:
    [[nodiscard]] std::vector<storage::SessionReview> next_page() const;

    std::vector<storage::SessionReview> rows_;
    storage::ReviewFilter filter_;
    bool with_flags_ = false;
    bool open_flags_ = false;
    QString from_, to_, error_;
    int total_ = 0;
    bool valid_ = false;
    bool resetting_ = false;
    bool fetching_ = false;
};

} // namespace punctum::ui
