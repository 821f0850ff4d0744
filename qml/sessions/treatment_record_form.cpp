#include "sessions/treatment_record_form.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"

#include "punctum/core/model/course_plan.h"

#include <QCoreApplication>

namespace punctum::ui {

namespace {

std::string text_of(const QVariantMap& t, const char* key) {
    return t.value(QString::fromUtf8(key)).toString().trimmed().toStdString();
}

// A whole number >= `low` from the map, or not recorded.
std::optional<int> number_of(const QVariantMap& t, const char* key, int low) {
    const QVariant v = t.value(QString::fromUtf8(key));
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!v.isValid() || !ok || n < low) {
        return std::nullopt;
    }
    return n;
}

std::vector<core::TreatmentSession> client_sessions(const std::shared_ptr<storage::Vault>& vault,
                                                    qint64 client) {
    if (vault == nullptr || client <= 0) {
        return {};
    }
    auto list = vault->sessions().of_client(core::ClientId{client});
    return list ? std::move(list.value()) : std::vector<core::TreatmentSession>{};
}

QVariantMap choice(int value, const QString& label) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

} // namespace

QString apply_treatment_record(const QVariantMap& t, core::TreatmentSession& s) {
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("TreatmentRecordForm", text);
    };
    if (const auto key = text_of(t, "indication"); !key.empty()) {
        s.indication = core::indication_from_string(key);
    }
    s.indication_detail = text_of(t, "indicationDetail");
    s.scar_grade = number_of(t, "scarGrade", 1);
    s.course_sessions = number_of(t, "courseSessions", 1);
    s.course_interval_days = number_of(t, "courseIntervalDays", 1);
    s.anaesthetic = text_of(t, "anaesthetic");
    if (const auto minutes = QString::fromStdString(text_of(t, "anaestheticMinutes"));
        !minutes.isEmpty()) {
        bool ok = false;
        s.anaesthetic_minutes = minutes.toInt(&ok);
        if (!ok) {
            return tr("Write the numbing cream's time on the skin in whole minutes, for "
                      "example 30.");
        }
    }
    s.skin_prep = text_of(t, "skinPrep");
    s.cartridge_lot = text_of(t, "cartridgeLot");
    if (const auto expiry = text_of(t, "cartridgeExpiry"); !expiry.empty()) {
        s.cartridge_expiry = core::parse_date(expiry);
        if (!s.cartridge_expiry) {
            return tr("Write the cartridge expiry as year-month-day, for example 2027-06-30.");
        }
    }
    s.device_serial = text_of(t, "deviceSerial");
    s.endpoint_erythema = number_of(t, "endpointErythema", 0);
    s.endpoint_bleeding = number_of(t, "endpointBleeding", 0);
    if (const auto antiviral = text_of(t, "antiviral"); !antiviral.empty()) {
        s.antiviral_prophylaxis = antiviral == "yes";
    }
    s.consent_form = text_of(t, "consentForm");
    s.consent_version = text_of(t, "consentVersion");
    for (const auto& v : t.value(QStringLiteral("aftercareProducts")).toList()) {
        const auto m = v.toMap();
        const auto name = m.value(QStringLiteral("name")).toString().trimmed();
        if (!name.isEmpty()) {
            s.products.push_back({name.toStdString(),
                                  m.value(QStringLiteral("lot")).toString().trimmed().toStdString(),
                                  core::ProductPhase::aftercare});
        }
    }
    return {};
}

TreatmentRecordForm::TreatmentRecordForm(QObject* parent) : SessionObject(parent) {}

void TreatmentRecordForm::setClientId(qint64 id) {
    if (id == client_id_) {
        return;
    }
    client_id_ = id;
    load_previous();
    emit clientIdChanged();
}

void TreatmentRecordForm::attached(VaultSession& /*session*/) {
    if (client_id_ > 0) { // the client was set first: read their last session now
        load_previous();
        emit clientIdChanged();
    }
}

void TreatmentRecordForm::load_previous() {
    previous_.clear();
    const auto sessions = client_sessions(vault(), client_id_);
    if (!sessions.empty()) { // newest first
        const auto& s = sessions.front();
        previous_ = {
            {QStringLiteral("indication"),
             s.indication ? QString::fromUtf8(core::to_string(*s.indication).data()) : QString()},
            {QStringLiteral("indicationDetail"), QString::fromStdString(s.indication_detail)},
            {QStringLiteral("courseSessions"), s.course_sessions.value_or(0)},
            {QStringLiteral("courseIntervalDays"), s.course_interval_days.value_or(0)}};
    }
    emit clientIdChanged();
}

QVariantList TreatmentRecordForm::indications() {
    QVariantList out;
    out << QVariantMap{{QStringLiteral("key"), QString()},
                       {QStringLiteral("label"), tr("Not recorded")}};
    for (const auto i : core::all_indications()) {
        out << QVariantMap{{QStringLiteral("key"), QString::fromUtf8(core::to_string(i).data())},
                           {QStringLiteral("label"), indication_label(i)}};
    }
    return out;
}

QVariantList TreatmentRecordForm::scarGrades() {
    QVariantList out;
    out << choice(0, tr("Not graded"));
    for (int g = core::scar_grade_min; g <= core::scar_grade_max; ++g) {
        out << choice(g, QStringLiteral("%1 - %2").arg(g).arg(QCoreApplication::translate(
                             "TreatmentRecord", std::string(core::scar_grade_words(g)).c_str())));
    }
    return out;
}

QVariantList TreatmentRecordForm::rednessChoices() {
    QVariantList out;
    out << choice(-1, tr("Not recorded"));
    const auto& scale = core::scale_of(core::Symptom::erythema);
    for (int v = 0; v <= scale.max; ++v) {
        out << choice(v, score_words(scale, v));
    }
    return out;
}

QVariantList TreatmentRecordForm::bleedingChoices() {
    QVariantList out;
    out << choice(-1, tr("Not recorded"));
    const auto& scale = core::scale_of(core::Symptom::bleeding);
    for (int v = 0; v <= scale.max; ++v) {
        out << choice(v, score_words(scale, v));
    }
    return out;
}

core::TreatmentSession TreatmentRecordForm::draft(const QVariantMap& treatment,
                                                  QString* problem) const {
    core::TreatmentSession s;
    s.client_id = core::ClientId{client_id_};
    s.treated_on = today();
    const QString wrong = apply_treatment_record(treatment, s);
    if (problem != nullptr) {
        *problem = wrong;
    }
    return s;
}

QString TreatmentRecordForm::courseText(const QString& indication, int sessions,
                                        int intervalDays) const {
    const QVariantMap plan{{QStringLiteral("indication"), indication},
                           {QStringLiteral("courseSessions"), sessions},
                           {QStringLiteral("courseIntervalDays"), intervalDays}};
    const auto s = draft(plan, nullptr);
    if (!s.course_sessions) {
        return {};
    }
    const auto all = client_sessions(vault(), client_id_);
    return course_text(s, core::course_progress(s, all), today());
}

QString TreatmentRecordForm::expiryProblem(const QString& text) const {
    QString problem;
    const auto s = draft({{QStringLiteral("cartridgeExpiry"), text}}, &problem);
    if (!problem.isEmpty()) {
        return problem;
    }
    if (s.cartridge_expiry && core::days_between(s.treated_on, *s.cartridge_expiry) < 0) {
        return tr("This cartridge expired on %1: do not use it. Take one that is in date.")
            .arg(list_date(*s.cartridge_expiry, s.treated_on));
    }
    return {};
}

QString TreatmentRecordForm::check(const QVariantMap& treatment) const {
    QString problem;
    auto s = draft(treatment, &problem);
    if (!problem.isEmpty()) {
        return problem;
    }
    // Only the record is checked here; the step itself requires the areas.
    s.areas.push_back({"area", 1.0, 1});
    if (auto valid = core::validate(s); !valid) {
        return QString::fromStdString(valid.error().message);
    }
    return {};
}

QVariantList TreatmentRecordForm::summary(const QVariantMap& treatment, const QString& part) const {
    const auto s = draft(treatment, nullptr);
    QVariantList rows;
    const auto add = [&rows](const QString& label, const QString& value) {
        if (!value.isEmpty()) {
            rows << QVariantMap{{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
        }
    };
    if (part != QStringLiteral("record")) {
        add(tr("Reason for treatment"), indication_text(s));
        if (s.course_sessions) {
            const auto all = client_sessions(vault(), client_id_);
            add(tr("Course"), course_text(s, core::course_progress(s, all), today()));
        }
    }
    if (part != QStringLiteral("reason")) {
        rows << record_rows(s);
        add(tr("Post-care products"), product_lines(s, core::ProductPhase::aftercare));
    }
    return rows;
}

} // namespace punctum::ui
