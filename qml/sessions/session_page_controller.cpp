#include "sessions/session_page_controller.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"

#include <QLocale>

namespace punctum::ui {

QString add_on_text(const std::string& kind, const std::string& detail) {
    QString name;
    if (kind == "prp") {
        name = SessionPageController::tr("PRP (platelet-rich plasma)");
    } else if (kind == "rf") {
        name = SessionPageController::tr("RF (radiofrequency)");
    } else {
        name = SessionPageController::tr("Other");
    }
    return detail.empty() ? name
                          : QStringLiteral("%1: %2").arg(name, QString::fromStdString(detail));
}

SessionPageController::SessionPageController(QObject* parent) : SessionObject(parent) {}

void SessionPageController::setSessionId(qint64 id) {
    if (id == id_) {
        return;
    }
    id_ = id;
    emit sessionIdChanged();
    reload();
}

void SessionPageController::reload() {
    found_ = false;
    error_.clear();
    client_id_ = 0;
    days_since_ = 0;
    for (auto* text : {&client_name_, &treated_on_, &device_, &cartridge_, &immediate_, &aftercare_,
                       &notes_, &aftercare_products_, &indication_, &course_}) {
        text->clear();
    }
    record_.clear();
    areas_.clear();
    products_.clear();
    add_ons_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id_ > 0) {
        auto& vault = *session->vault();
        if (auto s = vault.sessions().get(core::SessionId{id_})) {
            found_ = true;
            client_id_ = s->client_id.value;
            if (auto client = vault.clients().get(s->client_id)) {
                client_name_ = QString::fromStdString(client->display_name);
            }
            treated_on_ =
                QLocale().toString(to_qdate(s->treated_on), QStringLiteral("dddd d MMMM yyyy"));
            days_since_ = core::days_between(s->treated_on, today());
            device_ = QString::fromStdString(s->device);
            cartridge_ = QString::fromStdString(s->cartridge);
            immediate_ = QString::fromStdString(s->immediate_response);
            aftercare_ = QString::fromStdString(s->aftercare_given);
            notes_ = QString::fromStdString(s->notes);
            for (const auto& a : s->areas) {
                areas_ << QVariantMap{
                    {QStringLiteral("area"), QString::fromStdString(a.area)},
                    {QStringLiteral("depth"), tr("%1 mm").arg(a.depth_mm, 0, 'f', 2)},
                    {QStringLiteral("passes"),
                     a.passes == 1 ? tr("1 pass") : tr("%1 passes").arg(a.passes)}};
            }
            for (const auto& p : s->products) {
                if (p.phase == core::ProductPhase::aftercare) {
                    continue; // listed apart, as post-care
                }
                products_ << QVariantMap{
                    {QStringLiteral("name"), QString::fromStdString(p.name)},
                    {QStringLiteral("lot"), QString::fromStdString(p.lot_number)}};
            }
            for (const auto& a : s->add_ons) {
                add_ons_ << add_on_text(std::string(core::to_string(a.kind)), a.detail);
            }
            aftercare_products_ = product_lines(*s, core::ProductPhase::aftercare);
            indication_ = indication_text(*s);
            record_ = record_rows(*s);
            if (s->course_sessions) {
                if (auto all = vault.sessions().of_client(s->client_id)) {
                    course_ = course_text(*s, core::course_progress(*s, *all), today());
                }
            }
        } else {
            error_ = QString::fromStdString(s.error().message);
        }
    }
    emit loaded();
}

} // namespace punctum::ui
