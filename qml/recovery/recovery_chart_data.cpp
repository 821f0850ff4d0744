#include "recovery/recovery_chart_data.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "flags/flag_rows.h"

#include "punctum/core/recovery/expected_course.h"

#include <algorithm>
#include <cmath>

namespace punctum::ui {

RecoveryChartData::RecoveryChartData(QObject* parent) : SessionObject(parent) {}

int RecoveryChartData::days() const {
    return core::envelope_days;
}

void RecoveryChartData::setSessionId(qint64 id) {
    if (id == id_) {
        return;
    }
    id_ = id;
    emit sessionIdChanged();
    reload();
}

void RecoveryChartData::reload() {
    series_.clear();
    flags_.clear();
    later_ = 0;
    entries_ = 0;
    photo_points_.clear();
    photo_min_ = 0;
    photo_max_ = 10;
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || id_ <= 0) {
        emit loaded();
        return;
    }
    auto& vault = *session->vault();
    auto s = vault.sessions().get(core::SessionId{id_});
    auto entries = vault.sessions().entries(core::SessionId{id_});
    if (!s || !entries) {
        emit loaded();
        return;
    }
    std::optional<int> fitzpatrick;
    if (auto client = vault.clients().get(s->client_id)) {
        fitzpatrick = client->fitzpatrick;
    }
    core::ExpectedCourse course;
    if (auto profile = vault.norms().active()) {
        course = core::expected_course(core::session_facts(*s, fitzpatrick), *profile);
    }
    entries_ = static_cast<int>(entries->size());
    const int last_day = days() - 1;
    for (const auto& e : *entries) {
        if (core::days_between(s->treated_on, e.observed_on) > last_day) {
            ++later_;
        }
    }

    for (const auto& scale : core::all_scales()) {
        if (scale.yes_no) {
            continue;
        }
        QVariantList points;
        for (const auto& e : *entries) {
            const int day = core::days_between(s->treated_on, e.observed_on);
            const auto value = e.score(scale.symptom);
            if (!value || day > last_day) {
                continue;
            }
            points << QVariantMap{
                {QStringLiteral("day"), day},
                {QStringLiteral("score"), *value},
                {QStringLiteral("fraction"), static_cast<double>(*value) / scale.max},
                {QStringLiteral("words"),
                 QStringLiteral("%1: %2").arg(scale_name(scale), score_words(scale, *value))},
                {QStringLiteral("observedOn"), list_date(e.observed_on, today())},
                {QStringLiteral("note"), QString::fromStdString(e.note)},
                {QStringLiteral("entryId"), QVariant::fromValue(e.id.value)}};
        }
        QVariantList envelope;
        int resolve_by = -1;
        QString course_text;
        if (const auto* expected = course.find(scale.symptom)) {
            for (int v : expected->envelope) {
                envelope << static_cast<double>(v) / scale.max;
            }
            resolve_by = expected->resolve_by_day;
            course_text = tr("usually settled by day %1").arg(resolve_by);
        }
        if (points.isEmpty() && envelope.isEmpty()) {
            continue;
        }
        series_ << QVariantMap{{QStringLiteral("key"), QString::fromUtf8(scale.key.data())},
                               {QStringLiteral("name"), scale_name(scale)},
                               {QStringLiteral("max"), scale.max},
                               {QStringLiteral("envelope"), envelope},
                               {QStringLiteral("resolveBy"), resolve_by},
                               {QStringLiteral("courseText"), course_text},
                               {QStringLiteral("logged"), !points.isEmpty()},
                               {QStringLiteral("points"), points}};
    }

    if (auto flags = vault.flags().of_session(core::SessionId{id_})) {
        const bool patient = session->role() == QStringLiteral("patient");
        for (const auto& f : *flags) {
            flags_ << QVariantMap{
                {QStringLiteral("day"), f.flag.day},
                {QStringLiteral("severity"),
                 QString::fromUtf8(core::to_string(f.flag.severity).data())},
                {QStringLiteral("severityWord"), severity_word(f.flag.severity, patient)},
                {QStringLiteral("symptom"), symptom_name(f.flag.symptom)},
                {QStringLiteral("message"), QString::fromStdString(f.flag.message)}};
        }
    }
    loadPhotoRedness();
    emit loaded();
}

void RecoveryChartData::loadPhotoRedness() {
    auto* session = vaultSession();
    auto trend = session->vault()->photos().redness_trend(core::SessionId{id_});
    if (!trend) {
        return;
    }
    const int last_day = days() - 1;
    for (const auto& d : *trend) {
        if (!d.delta_a_star || d.day < 0 || d.day > last_day) {
            continue;
        }
        const double value = *d.delta_a_star;
        photo_points_ << QVariantMap{
            {QStringLiteral("day"), d.day},
            {QStringLiteral("deltaAStar"), value},
            {QStringLiteral("calibrated"), d.calibrated},
            {QStringLiteral("words"),
             d.calibrated
                 ? tr("Photo redness %1 (delta a*), calibrated").arg(value, 0, 'f', 1)
                 : tr("Photo redness %1 (delta a*), not calibrated").arg(value, 0, 'f', 1)}};
        photo_min_ = std::min(photo_min_, std::floor(value / 5.0) * 5.0);
        photo_max_ = std::max(photo_max_, std::ceil(value / 5.0) * 5.0);
    }
}

} // namespace punctum::ui
