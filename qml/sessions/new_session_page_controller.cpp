#include "sessions/new_session_page_controller.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "sessions/treatment_record_form.h"

#include "punctum/core/screening/screening.h"

#include <QHash>
#include <QLocale>

namespace punctum::ui {

namespace {

QVariantList items(const std::vector<std::string>& keys) {
    QVariantList out;
    for (const auto& key : keys) {
        const QString k = QString::fromStdString(key);
        out << QVariantMap{{QStringLiteral("key"), k},
                           {QStringLiteral("label"), NewSessionPageController::itemLabel(k)}};
    }
    return out;
}

QString outcome_word(core::Outcome outcome) {
    switch (outcome) {
    case core::Outcome::proceed:
        return NewSessionPageController::tr("Treatment can go ahead");
    case core::Outcome::caution:
        return NewSessionPageController::tr("Go ahead with care");
    case core::Outcome::defer:
        return NewSessionPageController::tr("Not today: reschedule");
    case core::Outcome::refer:
        return NewSessionPageController::tr("Refer to a doctor before treating");
    case core::Outcome::decline:
        return NewSessionPageController::tr("Do not treat");
    }
    return {};
}

} // namespace

NewSessionPageController::NewSessionPageController(QObject* parent) : SessionObject(parent) {}

void NewSessionPageController::attached(VaultSession& /*session*/) {
    loadProfile(); // the vault's norms in force (today and the aftercare it gives)
}

QString NewSessionPageController::itemLabel(const QString& key) {
    static const QHash<QString, const char*> labels{
        {QStringLiteral("active_acne"), QT_TR_NOOP("Active acne in the area")},
        {QStringLiteral("eczema"), QT_TR_NOOP("Eczema (active)")},
        {QStringLiteral("psoriasis"), QT_TR_NOOP("Psoriasis (active)")},
        {QStringLiteral("rosacea"), QT_TR_NOOP("Rosacea")},
        {QStringLiteral("sunburn"), QT_TR_NOOP("Sunburn or a fresh tan")},
        {QStringLiteral("active_infection"), QT_TR_NOOP("Infection in the area")},
        {QStringLiteral("open_wound"), QT_TR_NOOP("Open wound in the area")},
        {QStringLiteral("skin_cancer_in_area"), QT_TR_NOOP("Skin cancer in the area")},
        {QStringLiteral("metal_allergy"), QT_TR_NOOP("Allergy to stainless steel")},
        {QStringLiteral("anaesthetic_allergy"), QT_TR_NOOP("Allergy to topical anaesthetic")},
        {QStringLiteral("keloid_history"), QT_TR_NOOP("History of keloid scars")},
        {QStringLiteral("pregnancy"), QT_TR_NOOP("Pregnant")},
        {QStringLiteral("breastfeeding"), QT_TR_NOOP("Breastfeeding")},
        {QStringLiteral("bleeding_disorder"), QT_TR_NOOP("Bleeding disorder")},
        {QStringLiteral("anticoagulants"), QT_TR_NOOP("Anticoagulants (blood thinners)")},
        {QStringLiteral("nsaids"), QT_TR_NOOP("NSAIDs (ibuprofen, aspirin)")},
        {QStringLiteral("cold_sore_history"), QT_TR_NOOP("History of cold sores")},
        {QStringLiteral("diabetes_uncontrolled"), QT_TR_NOOP("Diabetes, not under control")},
        {QStringLiteral("immunosuppression"),
         QT_TR_NOOP("Weakened immune system (HIV, chemotherapy, high-dose steroids)")},
        {QStringLiteral("autoimmune_disease"),
         QT_TR_NOOP("Autoimmune disease (lupus, rheumatoid arthritis)")},
        {QStringLiteral("collagen_vascular_disease"),
         QT_TR_NOOP("Scleroderma or another collagen-vascular disease")},
        {QStringLiteral("cold_sore_active"), QT_TR_NOOP("Cold sore in the area now")},
        {QStringLiteral("lesions_in_area"),
         QT_TR_NOOP("Warts, raised moles or actinic keratoses in the area")},
        {QStringLiteral("gold_threads"), QT_TR_NOOP("Gold threads in the area")},
        {QStringLiteral("gold_threads_with_rf"), QT_TR_NOOP("Gold threads, with RF planned")},
        {QStringLiteral("cardiac_device"), QT_TR_NOOP("Pacemaker or other cardiac device")},
        {QStringLiteral("cardiac_device_with_rf"),
         QT_TR_NOOP("Pacemaker or cardiac device, with RF planned")},
        {QStringLiteral("photosensitising_medication"),
         QT_TR_NOOP("Medicine that makes skin sensitive to light")},
        {QStringLiteral("botulinum_toxin"), QT_TR_NOOP("Botulinum toxin")},
        {QStringLiteral("dermal_filler"), QT_TR_NOOP("Dermal filler")},
        {QStringLiteral("isotretinoin"), QT_TR_NOOP("Isotretinoin (last dose)")},
        {QStringLiteral("radiation_therapy"), QT_TR_NOOP("Radiation therapy")},
        {QStringLiteral("chemical_peel"), QT_TR_NOOP("Deep chemical peel")},
        {QStringLiteral("laser_resurfacing"), QT_TR_NOOP("Laser resurfacing")},
        {QStringLiteral("facial_surgery"), QT_TR_NOOP("Facial surgery")},
        {QStringLiteral("microneedling"), QT_TR_NOOP("Microneedling")},
        {QStringLiteral("topical_retinoid"), QT_TR_NOOP("Retinoid or acid on skin")},
        {QStringLiteral("superficial_peel"), QT_TR_NOOP("Light peel or exfoliation")},
        {QStringLiteral("ipl_or_laser"), QT_TR_NOOP("IPL or non-ablative laser")},
        {QStringLiteral("depth_over_1_5_mm"), QT_TR_NOOP("Planned depth over 1.5 mm")},
    };
    const auto it = labels.constFind(key);
    if (it == labels.constEnd()) {
        QString text = key;
        text.replace(QLatin1Char('_'), QLatin1Char(' '));
        return text;
    }
    return tr(it.value());
}

QString NewSessionPageController::today() const {
    return QString::fromStdString(core::format_date(SessionObject::today()));
}

QString NewSessionPageController::todayText() const {
    return list_date(SessionObject::today(), SessionObject::today());
}

QVariantList NewSessionPageController::conditions() {
    return items(core::screening_conditions());
}
QVariantList NewSessionPageController::recentItems() {
    return items(core::screening_recent_items());
}

void NewSessionPageController::setClientId(qint64 id) {
    if (id == client_id_) {
        return;
    }
    client_id_ = id;
    client_name_.clear();
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id > 0) {
        if (auto client = session->vault()->clients().get(core::ClientId{id})) {
            client_name_ = QString::fromStdString(client->display_name);
        }
    }
    emit clientIdChanged();
}

void NewSessionPageController::loadProfile() {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        return;
    }
    if (auto profile = session->vault()->norms().active()) {
        for (const auto& line : profile->aftercare) {
            aftercare_ << QString::fromStdString(line);
        }
        aftercare_source_ = QString::fromStdString(profile->aftercare_source);
        for (const auto& line : profile->preparation) {
            preparation_ << QString::fromStdString(line);
        }
    }
}

QString NewSessionPageController::verdictBand() const {
    const auto outcome = core::outcome_from_string(verdict_.toStdString());
    if (!outcome || *outcome == core::Outcome::proceed) {
        return QStringLiteral("ok");
    }
    return *outcome == core::Outcome::caution ? QStringLiteral("watch") : QStringLiteral("urgent");
}

QString NewSessionPageController::verdictWord() const {
    const auto outcome = core::outcome_from_string(verdict_.toStdString());
    return outcome ? outcome_word(*outcome) : QString();
}

bool NewSessionPageController::clearsTreatment() const {
    return screened() && clears_;
}

void NewSessionPageController::setError(const QString& message) {
    error_ = message;
    emit errorChanged();
}
void NewSessionPageController::clearError() {
    setError({});
}

bool NewSessionPageController::screen(const QStringList& conditions, const QVariantMap& recent,
                                      double depthMm) {
    clearError();
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        setError(tr("The vault is locked. Unlock it and screen again."));
        return false;
    }
    core::ScreeningInput input;
    input.date = SessionObject::today();
    input.history_confirmed = history_confirmed_;
    for (const auto& a : planned_add_ons_) {
        input.add_ons.push_back(a.toStdString()); // core refuses any but prp and rf
    }
    if (depthMm > 0) {
        input.depth_mm = depthMm;
    }
    for (const auto& c : conditions) {
        input.conditions.push_back(c.toStdString());
    }
    for (auto it = recent.cbegin(); it != recent.cend(); ++it) {
        const QString text = it.value().toString().trimmed();
        if (text.isEmpty()) {
            continue;
        }
        auto date = core::parse_date(text.toStdString());
        if (!date) {
            setError(tr("%1: write the date as year-month-day, for example %2.")
                         .arg(itemLabel(it.key()), today()));
            return false;
        }
        input.recent.emplace(it.key().toStdString(), *date);
    }
    auto stored = session->vault()->screenings().record(core::ClientId{client_id_}, input);
    if (!stored) {
        setError(QString::fromStdString(stored.error().message));
        return false;
    }
    screening_id_ = stored->id;
    overridden_ = false;
    clears_ = stored->clears_treatment(); // storage's word, not a rule of the page
    verdict_ = QString::fromUtf8(core::to_string(stored->result.verdict).data());
    profile_ = QStringLiteral("%1 %2").arg(QString::fromStdString(stored->result.profile_id),
                                           QString::fromStdString(stored->result.profile_version));
    reasons_.clear();
    for (const auto& r : stored->result.reasons) {
        QString until;
        if (r.until) {
            until =
                tr("Earliest date to treat: %1").arg(list_date(*r.until, SessionObject::today()));
        }
        reasons_ << QVariantMap{
            {QStringLiteral("label"), itemLabel(QString::fromStdString(r.item))},
            {QStringLiteral("outcome"), QString::fromUtf8(core::to_string(r.outcome).data())},
            {QStringLiteral("outcomeWord"), outcome_word(r.outcome)},
            {QStringLiteral("message"), QString::fromStdString(r.message)},
            {QStringLiteral("source"), QString::fromStdString(r.source)},
            {QStringLiteral("note"), QString::fromStdString(r.note)},
            {QStringLiteral("until"), until}};
    }
    emit screeningChanged();
    return true;
}

bool NewSessionPageController::overrideVerdict(const QString& justification) {
    clearError();
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || !screened()) {
        setError(tr("Screen the client first."));
        return false;
    }
    // Storage decides whether this override stands (a written justification; refer and
    // decline need an admin; an absolute contraindication none) and says why when it does not.
    auto& screenings = session->vault()->screenings();
    const std::string text = justification.trimmed().toStdString();
    if (auto done = screenings.override_verdict(screening_id_, text); !done) {
        setError(QString::fromStdString(done.error().message));
        return false;
    }
    auto stored = screenings.get(screening_id_);
    overridden_ = stored && stored->override_justification.has_value();
    clears_ = stored && stored->clears_treatment();
    emit screeningChanged();
    return true;
}

bool NewSessionPageController::sign(const QVariantMap& t) {
    clearError();
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr) {
        setError(tr("The vault is locked. Unlock it and sign again."));
        return false;
    }
    // Whether the screening clears the treatment is storage's decision (the gate in
    // SessionStore::add); its refusal is shown as it comes.
    core::TreatmentSession s;
    s.client_id = core::ClientId{client_id_};
    s.treated_on = SessionObject::today();
    if (screening_id_ > 0) {
        s.screening_id = screening_id_;
    }
    auto text = [&t](const char* key) {
        return t.value(QString::fromUtf8(key)).toString().trimmed().toStdString();
    };
    s.device = text("device");
    s.cartridge = text("cartridge");
    s.immediate_response = text("immediateResponse");
    s.aftercare_given = text("aftercare");
    s.notes = text("notes");
    for (const auto& v : t.value(QStringLiteral("areas")).toList()) {
        const auto m = v.toMap();
        s.areas.push_back({m.value(QStringLiteral("area")).toString().trimmed().toStdString(),
                           m.value(QStringLiteral("depth")).toDouble(),
                           m.value(QStringLiteral("passes")).toInt()});
    }
    for (const auto& v : t.value(QStringLiteral("products")).toList()) {
        const auto m = v.toMap();
        s.products.push_back({m.value(QStringLiteral("name")).toString().trimmed().toStdString(),
                              m.value(QStringLiteral("lot")).toString().trimmed().toStdString()});
    }
    for (const auto& v : t.value(QStringLiteral("addOns")).toList()) {
        const auto m = v.toMap();
        if (auto kind = core::add_on_from_string(
                m.value(QStringLiteral("kind")).toString().toStdString())) {
            s.add_ons.push_back(
                {*kind, m.value(QStringLiteral("detail")).toString().trimmed().toStdString()});
        }
    }
    if (const QString wrong = apply_treatment_record(t, s); !wrong.isEmpty()) {
        setError(wrong);
        return false;
    }
    // The session and its screening's link land in one transaction (SessionStore::add).
    auto added = session->vault()->sessions().add(s);
    if (!added) {
        setError(QString::fromStdString(added.error().message));
        return false;
    }
    session_id_ = added->value;
    emit signedChanged();
    session->notifyDataChanged();
    return true;
}

} // namespace punctum::ui
