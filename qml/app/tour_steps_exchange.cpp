// The page tour's exchange pages (issue 15): the clinic's name and inbox folder in settings,
// after a file that is no report was refused; a care plan issued on the flagged session with
// its pairing code; and, in the patient's vault, My clinic before and after opening that care plan,
// and a report sent into the outbox (the clinic's inbox folder).

#include "app/tour_driver.h"
#include "app/tour_step.h"
#include "common/vault_session.h"
#include "exchange/exchange_inbox.h"
#include "recovery/log_recovery_page_controller.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace punctum::ui {

namespace {

bool care_plan_code(TourDriver& t) {
    t.show(QStringLiteral("session"), t.sessionArgs());
    TourDriver::settle(100);
    t.invoke(QStringLiteral("carePlanDialog"), "open");
    TourDriver::settle(100);
    auto* tasks = t.object(QStringLiteral("carePlanTasks"));
    if (tasks == nullptr) {
        return false;
    }
    t.demo.care_plan_file = t.tempPath(QStringLiteral("alex.punctum-careplan"));
    bool started = false;
    QMetaObject::invokeMethod(tasks, "issue", Q_RETURN_ARG(bool, started),
                              Q_ARG(qint64, t.demo.session),
                              Q_ARG(QUrl, QUrl::fromLocalFile(t.demo.care_plan_file)));
    t.session().waitUntilIdle(60000);
    TourDriver::settle(100);
    t.demo.pairing_code = tasks->property("pairingCode").toString();
    if (!started || t.demo.pairing_code.isEmpty()) {
        t.problem(QStringLiteral("session-care-plan: no care plan was issued: %1")
                      .arg(tasks->property("message").toString()));
    }
    return true;
}

void close_care_plan(TourDriver& t) {
    t.invoke(QStringLiteral("carePlanDialog"), "close");
}

// The session's list of care plans, with the one just issued waiting for its first report.
bool care_plans_listed(TourDriver& t) {
    TourDriver::settle(100);
    t.invoke(QStringLiteral("sessionPage"), "scrollToCarePlans");
    TourDriver::settle(100);
    return true;
}

void one_care_plan_listed(TourDriver& t) {
    if (auto* list = t.object(QStringLiteral("pairingList"));
        list != nullptr && list->property("count").toInt() != 1) {
        t.problem(QStringLiteral("session-care-plans: %1 care plans listed, not 1")
                      .arg(list->property("count").toInt()));
    }
}

// The inbox chosen, and a file that only looks like a report dropped into it: refused, with
// the reason beside it, and the toast saying so.
bool settings_inbox(TourDriver& t) {
    t.demo.inbox = t.tempPath(QStringLiteral("inbox"));
    QDir().mkpath(t.demo.inbox);
    auto* inbox = qobject_cast<ExchangeInbox*>(t.object(QStringLiteral("exchangeInbox")));
    if (inbox == nullptr) {
        return false;
    }
    inbox->setSettleInterval(100);
    t.show(QStringLiteral("settings"), {{QStringLiteral("section"), QStringLiteral("inbox")}});
    TourDriver::settle(100);
    auto* settings = t.object(QStringLiteral("exchangeSettings"));
    if (settings == nullptr) {
        return false;
    }
    QMetaObject::invokeMethod(settings, "setClinicName",
                              Q_ARG(QString, QStringLiteral("Harbour Skin Clinic")));
    QMetaObject::invokeMethod(settings, "setInboxFolder",
                              Q_ARG(QUrl, QUrl::fromLocalFile(t.demo.inbox)));
    QFile junk(QDir(t.demo.inbox).filePath(QStringLiteral("scan-0412.punctum-report")));
    if (junk.open(QIODevice::WriteOnly)) {
        junk.write("This is a scanned letter, not a report.\n");
        junk.close();
    }
    inbox->scanNow();
    inbox->waitUntilIdle(30000);
    if (auto* page = t.object(QStringLiteral("settingsPage"))) {
        QMetaObject::invokeMethod(page, "reveal", Q_ARG(QVariant, QStringLiteral("inbox")));
    }
    TourDriver::settle(300);
    return true;
}

void inbox_refused(TourDriver& t) {
    const QDir refused(QDir(t.demo.inbox).filePath(QStringLiteral("refused")));
    if (!refused.exists(QStringLiteral("scan-0412.punctum-report.reason.txt"))) {
        t.problem(QStringLiteral("settings-inbox: the file that is no report was not refused"));
    }
    t.set(QStringLiteral("inboxToast"), "visible", false);
}

bool patient_care_plan(TourDriver& t) {
    t.show(QStringLiteral("careplans"));
    TourDriver::settle(100);
    t.set(QStringLiteral("openCarePlanForm"), "file", QUrl::fromLocalFile(t.demo.care_plan_file));
    // Typed as a patient might: lower case, a space for the dash.
    t.set(QStringLiteral("pairingCodeField"), "text",
          t.demo.pairing_code.toLower().replace(QLatin1Char('-'), QLatin1Char(' ')));
    return true;
}

bool patient_care_plan_opened(TourDriver& t) {
    auto* settings = t.object(QStringLiteral("carePlansController"));
    t.click(QStringLiteral("openCarePlan"));
    t.session().waitUntilIdle(60000);
    TourDriver::settle(200);
    if (settings != nullptr && settings->property("openFailed").toBool()) {
        t.problem(QStringLiteral("patient-care-plan-opened: %1")
                      .arg(settings->property("openMessage").toString()));
    }
    return true;
}

// The clinic's inbox folder as the patient's outbox (as a shared folder would be), a check-in
// on Today, and the report sent there.
bool patient_report_sent(TourDriver& t) {
    t.show(QStringLiteral("today"));
    TourDriver::settle(100);
    if (auto* log =
            qobject_cast<LogRecoveryPageController*>(t.object(QStringLiteral("recoveryLog")))) {
        log->save({{QStringLiteral("erythema"), 1}, {QStringLiteral("edema"), 1}},
                  QStringLiteral("A little pink, less than yesterday"), QStringLiteral("patient"));
        if (!log->waitUntilSaved() || !log->saved()) {
            t.problem(QStringLiteral("patient-report-sent: the check-in was not saved: %1")
                          .arg(log->error()));
        }
    }
    t.show(QStringLiteral("settings"), {{QStringLiteral("section"), QStringLiteral("inbox")}});
    TourDriver::settle(100);
    if (auto* settings = t.object(QStringLiteral("exchangeSettings"))) {
        QMetaObject::invokeMethod(settings, "setOutboxFolder",
                                  Q_ARG(QUrl, QUrl::fromLocalFile(t.demo.inbox)));
    }
    t.show(QStringLiteral("careplans"));
    TourDriver::settle(100);
    t.click(QStringLiteral("sendToOutbox"));
    t.session().waitUntilIdle(60000);
    TourDriver::settle(200);
    return true;
}

void report_in_outbox(TourDriver& t) {
    const auto reports =
        QDir(t.demo.inbox).entryList({QStringLiteral("*.punctum-report")}, QDir::Files);
    if (reports.isEmpty()) {
        t.problem(QStringLiteral("patient-report-sent: no report in the outbox"));
    }
}

constexpr TourStep clinic_steps[] = {
    {"settings-inbox", "settingsPage", settings_inbox, inbox_refused},
    {"session-care-plan", "sessionPage", care_plan_code, close_care_plan},
    {"session-care-plans", "sessionPage", care_plans_listed, one_care_plan_listed},
};

constexpr TourStep patient_steps[] = {
    {"patient-care-plan", "carePlansPage", patient_care_plan},
    {"patient-care-plan-opened", "carePlansPage", patient_care_plan_opened},
    {"patient-report-sent", "carePlansPage", patient_report_sent, report_in_outbox},
};

} // namespace

std::span<const TourStep> exchange_clinic_tour_steps() {
    return clinic_steps;
}

std::span<const TourStep> exchange_patient_tour_steps() {
    return patient_steps;
}

} // namespace punctum::ui
