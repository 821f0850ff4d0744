#include "norms_summary.h"

#include "display_text.h"
#include "vault_session.h"

#include <QDateTime>
#include <QLocale>

namespace punctum::ui {

NormsSummary::NormsSummary(QObject* parent) : QObject(parent) {
    if (auto* session = VaultSession::instance()) {
        connect(session, &VaultSession::dataChanged, this, &NormsSummary::reload);
    }
    reload();
}

void NormsSummary::reload() {
    title_.clear();
    profile_.clear();
    description_.clear();
    adopted_.clear();
    error_.clear();
    figures_.clear();
    sources_.clear();
    screening_rules_ = 0;
    auto* session = VaultSession::instance();
    if (session == nullptr || session->vault() == nullptr) {
        emit loaded();
        return;
    }
    auto& norms = session->vault()->norms();
    auto p = norms.active();
    if (!p) {
        error_ = QString::fromStdString(p.error().message);
        emit loaded();
        return;
    }
    title_ = QString::fromStdString(p->title);
    profile_ = QStringLiteral("%1 %2").arg(QString::fromStdString(p->id),
                                           QString::fromStdString(p->version));
    description_ = QString::fromStdString(p->description);
    if (auto history = norms.history()) {
        for (const auto& a : *history) {
            if (!a.active) {
                continue;
            }
            const auto secs =
                std::chrono::duration_cast<std::chrono::seconds>(a.adopted_at.time_since_epoch())
                    .count();
            const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).date(),
                                                    QStringLiteral("d MMMM yyyy"));
            adopted_ =
                a.adopted_by.empty()
                    ? tr("The profile Punctum ships, in force since %1.").arg(when)
                    : tr("Adopted by %1 on %2.").arg(QString::fromStdString(a.adopted_by), when);
        }
    }
    const auto& r = p->recovery;
    auto add = [&](const QString& what, const QString& value, const std::string& key) {
        figures_ << QVariantMap{{QStringLiteral("what"), what},
                                {QStringLiteral("value"), value},
                                {QStringLiteral("source"), QString::fromStdString(p->cite(key))}};
    };
    auto by_day = [](int day) { return tr("by day %1").arg(day); };
    add(tr("Redness and swelling peak"), tr("on day %1").arg(r.peak_day), r.peak_source);
    for (const auto& band : r.redness_bands) {
        add(tr("Redness and swelling settle, up to %1 mm").arg(band.max_depth_mm, 0, 'f', 1),
            by_day(band.resolve_by_day), band.source);
    }
    add(tr("Redness never expected beyond"), by_day(r.redness_ceiling_day),
        r.redness_ceiling_source);
    for (const auto& [key, addon] : r.add_ons) {
        add(tr("With %1, redness settles").arg(QString::fromStdString(key).toUpper()),
            by_day(addon.resolve_by_day), addon.source);
    }
    add(tr("Pain settles"), by_day(r.pain_resolve_by_day), r.pain_source);
    add(tr("Bruising settles"), by_day(r.bruising_resolve_by_day), r.bruising_source);
    add(tr("Scabbing settles"), by_day(r.scabbing_resolve_by_day), r.scabbing_source);
    add(tr("Dryness settles"), by_day(r.dryness_resolve_by_day), r.dryness_source);
    add(tr("Bleeding is a concern"), tr("after day %1").arg(r.bleeding_after_day),
        r.bleeding_source);
    add(tr("Signs of infection are urgent"), tr("after day %1").arg(r.infection_after_day),
        r.infection_source);
    for (const auto& [key, source] : p->sources) {
        sources_ << QVariantMap{
            {QStringLiteral("key"), QString::fromStdString(key)},
            {QStringLiteral("citation"), QString::fromStdString(source.citation)},
            {QStringLiteral("grade"), QString::fromStdString(source.grade)}};
    }
    screening_rules_ = static_cast<int>(p->screening.size());
    emit loaded();
}

} // namespace punctum::ui
