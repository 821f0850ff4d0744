#pragma once
// Sessions under review: every session with its check-ins, the flags the norms raised (by
// severity, open and closed) and how the recovery went against its expected course, a
// page at a time, newest treatment first.

#include "punctum/storage/review_store.h"

#include "common/paged_list_model.h"

#include <QtQml/qqmlregistration.h>
#include <vector>

namespace punctum::ui {

class SessionReviewModel : public PagedRows<storage::SessionReview> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool withFlagsOnly READ withFlagsOnly WRITE setWithFlagsOnly NOTIFY filterChanged)
    Q_PROPERTY(bool openFlagsOnly READ openFlagsOnly WRITE setOpenFlagsOnly NOTIFY filterChanged)
    /// Treated on or after / on or before, "YYYY-MM-DD"; empty for open-ended.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
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
        SignOffRole,  ///< "reviewed" | "returned" | "addressed" | "" (not yet signed off)
        SignOffWordsRole,
        OwnSessionRole, ///< the signed-in account treated it, so may not sign it off
    };
    Q_ENUM(Role)

    explicit SessionReviewModel(QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool withFlagsOnly() const { return with_flags_; }
    void setWithFlagsOnly(bool on);
    [[nodiscard]] bool openFlagsOnly() const { return open_flags_; }
    void setOpenFlagsOnly(bool on);
    [[nodiscard]] QString from() const { return from_; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return to_; }
    void setTo(const QString& to);
    [[nodiscard]] QString error() const { return error_; }

    /// "Within the expected course", ...
    [[nodiscard]] static QString outcome_words(core::RecoveryOutcome outcome);
    /// "Reviewed", "Returned to practitioner", ...; "Not signed off" when none.
    [[nodiscard]] static QString sign_off_words(std::optional<storage::SignOffState> state);

    static constexpr int page_size = 100;

signals:
    void filterChanged();

private:
    [[nodiscard]] bool may_read() const override;
    [[nodiscard]] int count_rows() override;
    [[nodiscard]] std::vector<storage::SessionReview> page_at(int offset) const override;

    storage::ReviewFilter filter_;
    bool with_flags_ = false;
    bool open_flags_ = false;
    QString from_, to_, error_;
    bool valid_ = false;
};

} // namespace punctum::ui
