#pragma once
// The patient's "My clinic" page: open the care plan the clinic gave (its file and the
// pairing code told apart from it; ExchangeStore::open_care_plan), and send the recovery
// logged since back as a sealed report (write_report), to a chosen file or straight into
// the outbox folder a sync app carries to the clinic. Both are long tasks behind the
// progress panel (Argon2id over the code takes a moment), ending in a sentence.

#include "common/session_bound.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <string>

namespace punctum::ui {

class CarePlansPageController : public SessionObject {
    Q_OBJECT
    QML_ELEMENT
    /// What opening the care plan did: which clinic and treatment it joined, or the error.
    Q_PROPERTY(QString openMessage READ openMessage NOTIFY openFinished)
    Q_PROPERTY(bool openFailed READ openFailed NOTIFY openFinished)
    /// What sending did: how many check-ins and photos went, and where; or the error.
    Q_PROPERTY(QString sendMessage READ sendMessage NOTIFY sendFinished)
    Q_PROPERTY(bool sendFailed READ sendFailed NOTIFY sendFinished)
    /// This vault's outbox folder (Settings); empty when none is chosen.
    Q_PROPERTY(QString outboxFolder READ outboxFolder NOTIFY outboxChanged)

public:
    explicit CarePlansPageController(QObject* parent = nullptr) : SessionObject(parent) {}

    [[nodiscard]] QString openMessage() const { return open_message_; }
    [[nodiscard]] bool openFailed() const { return open_failed_; }
    [[nodiscard]] QString sendMessage() const { return send_message_; }
    [[nodiscard]] bool sendFailed() const { return send_failed_; }
    [[nodiscard]] QString outboxFolder() const { return outbox_; }

    /// Why `typed` is not a pairing code yet, in words; empty when it reads as one. Forgiving
    /// as the code's alphabet intends: any case, spaces and dashes, O for 0, I and L for 1.
    Q_INVOKABLE static QString codeProblem(const QString& typed);
    /// Opens the care plan `file` with `code`; false (nothing started) when the code is not
    /// one (openMessage says why), locked or busy.
    Q_INVOKABLE bool openCarePlan(const QUrl& file, const QString& code);
    /// Writes the report of the care plan `planId` (empty: the one opened last) to `file`;
    /// an empty `file` means the outbox folder, under a name of its own.
    Q_INVOKABLE bool sendReport(const QUrl& file, const QString& planId = {});
    /// Where to offer saving a report: <documents>/Punctum/recovery-<date>.punctum-report.
    Q_INVOKABLE QUrl suggestedReportFile() const;
    /// Where a FileDialog choosing a care plan opens: <documents>, or Downloads if it exists.
    Q_INVOKABLE static QUrl carePlanFolder();

signals:
    void openFinished();
    void sendFinished();
    void outboxChanged();

protected:
    void attached(VaultSession& session) override;
    void reload() override;

private:
    [[nodiscard]] QString outboxFile() const;
    /// Why sending now would carry nothing (every check-in already sent), or empty.
    [[nodiscard]] QString nothingNew(const std::string& plan_id) const;

    QString open_message_, send_message_, outbox_;
    bool open_failed_ = false;
    bool send_failed_ = false;
};

} // namespace punctum::ui
