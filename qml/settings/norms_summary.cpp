#include "settings/norms_summary.h"

#include "common/display_text.h"
#include "common/vault_session.h"
#include "punctum/core/norms/norms_figures.h"

#include <QDateTime>
#include <QLocale>

namespace punctum::ui {

NormsSummary::NormsSummary(QObject* parent) : SessionObject(parent) {
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
    auto* session = vaultSession();
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
    // The same figures `punctum-cli norms` prints (core's one printout).
    for (const auto& f : core::recovery_figures(*p)) {
        figures_ << QVariantMap{
            {QStringLiteral("what"), QString::fromStdString(f.what)},
            {QStringLiteral("value"), QString::fromStdString(f.value)},
            {QStringLiteral("source"), QString::fromStdString(p->cite(f.source_key))},
            {QStringLiteral("note"), QString::fromStdString(f.note)}};
    }
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
