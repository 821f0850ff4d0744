#pragma once
// "Care plan for the patient…" on a clinic's session page: storage writes the care plan
// file under a fresh one-time pairing code (ExchangeStore::issue_care_plan) as a long task
// behind the progress panel, then the code is shown to be told to the patient apart from the
// file. The same as `punctum-cli exchange careplan`.

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>

namespace punctum::storage {
struct IssuedCarePlan;
}

namespace punctum::ui {

class CarePlanTasks : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// The last care plan's pairing code as storage writes it ("ABCDE-FGHJK"); empty before
    /// one is issued or after a failure.
    Q_PROPERTY(QString pairingCode READ pairingCode NOTIFY issuedChanged)
    /// Where it was saved (a local path).
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY issuedChanged)
    /// What happened, in words, or why the care plan was not written.
    Q_PROPERTY(QString message READ message NOTIFY issuedChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY issuedChanged)
    /// Whether the signed-in account may issue one: a clinic's practitioner or administrator.
    Q_PROPERTY(bool allowed READ allowed NOTIFY allowedChanged)

public:
    explicit CarePlanTasks(QObject* parent = nullptr);
    ~CarePlanTasks() override;

    [[nodiscard]] QString pairingCode() const { return code_; }
    [[nodiscard]] QString savedPath() const { return path_; }
    [[nodiscard]] QString message() const { return message_; }
    [[nodiscard]] bool failed() const { return failed_; }
    [[nodiscard]] bool allowed() const { return allowed_; }

    /// Writes the care plan of `sessionId` to `file` (".punctum-careplan" added when the name
    /// lacks it); false (nothing started) when locked or busy.
    Q_INVOKABLE bool issue(qint64 sessionId, const QUrl& file);
    /// Where to offer saving it: <documents>/Punctum/care-plan-session-<id>-<date>.punctum-careplan
    /// (the folder is made, as the PDF saver's is). No name in the file name: it travels.
    Q_INVOKABLE QUrl suggestedFile(qint64 sessionId) const;
    /// Puts `text` on the clipboard (the pairing code).
    Q_INVOKABLE static void copy(const QString& text);
    /// Forgets the last result (the dialog opens afresh).
    Q_INVOKABLE void clear();

signals:
    void issuedChanged();
    void allowedChanged();

protected:
    void attached(VaultSession& session) override;
    void reload() override;

private:
    using Pending = std::shared_ptr<std::optional<storage::IssuedCarePlan>>;
    Pending pending_;
    QString code_, path_, message_;
    bool failed_ = false;
    bool allowed_ = false;
};

} // namespace punctum::ui
