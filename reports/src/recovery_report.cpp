// A session's recovery report: how it went against the expected course (chart), the flags
// raised with the norm and source each rests on, what was logged, and the photos, each only
// where the client's consent for their medical record allows it.

#include "charts.h"
#include "report_words.h"
#include "reports.h"

#include <QImage>
#include <QTransform>

#include <algorithm>
#include <map>

namespace punctum::reports {

namespace {

int last_day(const SessionData& d) {
    return d.outcome.last_logged_day.value_or(0);
}

QString resolution_words(const char* name, const std::optional<core::Resolution>& r,
                         const core::ExpectedSymptom* expected) {
    QString words;
    if (!r) {
        words = QStringLiteral("%1: not scored yet.").arg(QLatin1String(name));
    } else if (r->resolved) {
        words = QStringLiteral("%1: settled on day %2.").arg(QLatin1String(name)).arg(r->day);
    } else {
        words = QStringLiteral("%1: not settled yet; last scored on day %2.")
                    .arg(QLatin1String(name))
                    .arg(r->day);
    }
    if (expected != nullptr) {
        words +=
            QStringLiteral(" The norms expect it settled by day %1.").arg(expected->resolve_by_day);
    }
    return words;
}

void summary(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("Recovery so far"));
    const auto& o = d.outcome;
    page.paragraph(o.entries == 0
                       ? QStringLiteral("Nothing has been logged for this session yet.")
                       : QStringLiteral("%1 entries, the last on day %2; %3 of the first 7 days "
                                        "logged.")
                             .arg(o.entries)
                             .arg(last_day(d))
                             .arg(o.first_week_days_logged));
    page.paragraph(resolution_words("Redness", o.erythema, d.course.find(core::Symptom::erythema)));
    page.paragraph(resolution_words("Swelling", o.edema, d.course.find(core::Symptom::edema)));
    if (o.worst) {
        page.paragraph(QStringLiteral("Flags raised: %1 urgent, %2 watch, %3 notes.")
                           .arg(o.urgent_flags)
                           .arg(o.watch_flags)
                           .arg(o.info_flags));
    } else {
        page.card(palette::within, Qt::white, QStringLiteral("Within"),
                  QStringLiteral("No flag has been raised: what was logged is within the usual "
                                 "course."));
    }
}

SymptomSeries series_of(const SessionData& d, core::Symptom symptom) {
    SymptomSeries s;
    s.symptom = symptom;
    if (const auto* e = d.course.find(symptom)) {
        s.envelope = e->envelope;
        s.resolve_by_day = e->resolve_by_day;
    }
    std::map<int, int> by_day; // the day's last entry that scored it
    for (const auto& entry : d.entries) {
        if (const auto score = entry.score(symptom)) {
            by_day[core::days_between(d.session.treated_on, entry.observed_on)] = *score;
        }
    }
    s.scores.assign(by_day.begin(), by_day.end());
    std::map<int, core::Severity> flags;
    for (const auto& f : d.flags) {
        if (f.flag.symptom == core::scale_of(symptom).key) {
            auto [it, added] = flags.emplace(f.flag.day, f.flag.severity);
            it->second = std::max(it->second, f.flag.severity);
        }
    }
    s.flags.assign(flags.begin(), flags.end());
    return s;
}

void chart(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("Recovery chart"), 70);
    page.paragraph(QStringLiteral("Shaded: the usual course from the norms profile. Line and "
                                  "points: the scores logged, one per day (the day's last). "
                                  "Triangles: flags raised on that day, with their severity."),
                   palette::muted, 8.5);
    bool any = false;
    for (const auto& scale : core::all_scales()) {
        if (scale.yes_no) {
            continue;
        }
        auto s = series_of(d, scale.symptom);
        if (s.scores.empty()) {
            continue;
        }
        any = true;
        draw_symptom_chart(page, page.block(page.mm(52)), s, last_day(d));
    }
    if (!any) {
        page.paragraph(QStringLiteral("No scores logged yet: the chart fills in as check-ins "
                                      "and follow-ups are recorded."));
    }
}

void flags(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("Flags"));
    if (d.flags.empty()) {
        page.paragraph(QStringLiteral("No flags were raised for this session."));
        return;
    }
    for (const auto& f : d.flags) {
        const auto symptom = core::symptom_from_key(f.flag.symptom);
        const QString what = symptom ? text(core::scale_of(*symptom).name) : text(f.flag.symptom);
        page.card(
            severity_band(f.flag.severity), severity_text(f.flag.severity),
            severity_word(f.flag.severity),
            QStringLiteral("%1, %2: %3\nRule: %4, norms profile %5 version %6. "
                           "Source: %7\nNow %8.")
                .arg(what, day_after(d.session.treated_on, f.flag.day), text(f.flag.message),
                     text(f.flag.rule_id), text(f.flag.profile_id), text(f.flag.profile_version),
                     f.flag.source.empty() ? QStringLiteral("none recorded") : text(f.flag.source),
                     flag_state_words(f)));
    }
}

void entries(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("What was logged"));
    if (d.entries.empty()) {
        page.paragraph(QStringLiteral("No entries yet."));
        return;
    }
    std::vector<QStringList> rows;
    for (const auto& e : d.entries) {
        QStringList other;
        for (const auto& scale : core::all_scales()) {
            const auto s = scale.symptom;
            if (s == core::Symptom::erythema || s == core::Symptom::edema ||
                s == core::Symptom::pain) {
                continue;
            }
            if (const auto v = e.score(s); v && *v > 0) {
                other << (scale.yes_no ? text(scale.name)
                                       : QStringLiteral("%1 %2").arg(text(scale.name)).arg(*v));
            }
        }
        auto score = [&](core::Symptom s) {
            const auto v = e.score(s);
            return v ? QString::number(*v) : QStringLiteral("-");
        };
        rows.push_back({QString::number(core::days_between(d.session.treated_on, e.observed_on)),
                        text(core::format_date(e.observed_on)),
                        e.reporter == core::Reporter::clinician ? QStringLiteral("clinic")
                                                                : QStringLiteral("patient"),
                        score(core::Symptom::erythema), score(core::Symptom::edema),
                        score(core::Symptom::pain), other.join(QStringLiteral(", ")),
                        text(e.note)});
    }
    page.paragraph(QStringLiteral("Redness 0-4 (CEA), swelling 0-4 (Draize-type), pain 0-10; "
                                  "- means not reported, which is not 0."),
                   palette::muted, 8.5);
    page.table({{QStringLiteral("Day"), 0.6},
                {QStringLiteral("Date"), 1.5},
                {QStringLiteral("By"), 1},
                {QStringLiteral("Redness"), 1.1},
                {QStringLiteral("Swelling"), 1.1},
                {QStringLiteral("Pain"), 0.7},
                {QStringLiteral("Other signs"), 2},
                {QStringLiteral("Note"), 2.6}},
               rows);
}

QImage oriented(QImage image, int orientation) {
    // EXIF orientations 2-8: mirror and rotate to how the photo is meant to be seen.
    QTransform t;
    switch (orientation) {
    case 2:
        return image.mirrored(true, false);
    case 3:
        t.rotate(180);
        break;
    case 4:
        return image.mirrored(false, true);
    case 5:
        t.rotate(90);
        return image.mirrored(true, false).transformed(t);
    case 6:
        t.rotate(90);
        break;
    case 7:
        t.rotate(270);
        return image.mirrored(true, false).transformed(t);
    case 8:
        t.rotate(270);
        break;
    default:
        return image;
    }
    return image.transformed(t);
}

void photo_cell(PageWriter& page, const QRectF& cell, const ReportPhoto& photo, int day) {
    auto& p = page.painter();
    const QRectF frame(cell.left(), cell.top(), cell.width(), cell.height() - page.mm(9));
    QImage image;
    if (photo.original) {
        image = QImage::fromData(photo.original->data(), static_cast<int>(photo.original->size()));
    }
    if (!image.isNull()) {
        image = oriented(std::move(image), photo.info.orientation)
                    .scaled(900, 900, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QSizeF fitted = QSizeF(image.size()).scaled(frame.size(), Qt::KeepAspectRatio);
        const QRectF target(frame.center().x() - fitted.width() / 2, frame.top(), fitted.width(),
                            fitted.height());
        p.drawImage(target, image);
    } else {
        p.fillRect(frame, palette::info);
        p.setPen(palette::ink);
        p.setFont(page.font(8.5));
        p.drawText(frame.adjusted(page.mm(2), page.mm(2), -page.mm(2), -page.mm(2)),
                   Qt::AlignCenter | Qt::TextWordWrap,
                   photo.original ? QStringLiteral("Photo could not be read")
                                  : QStringLiteral("Photo withheld: no consent"));
    }
    QString caption = QStringLiteral("Day %1").arg(day);
    if (!photo.info.area.empty()) {
        caption += QStringLiteral(", ") + text(photo.info.area);
    }
    if (photo.delta_a_star) {
        caption += QStringLiteral(", redness \u0394a* %1").arg(*photo.delta_a_star, 0, 'f', 1);
    }
    p.setPen(palette::ink);
    p.setFont(page.font(8));
    p.drawText(QRectF(cell.left(), frame.bottom() + page.mm(1), cell.width(), page.mm(8)),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption);
}

void photos(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("Photos"), 60);
    if (d.photos_withheld) {
        page.card(palette::info, palette::ink, QStringLiteral("Withheld"),
                  QStringLiteral("Photo withheld: no consent. The client has withheld consent "
                                 "for their photos in the medical record, so none is shown."));
    }
    if (d.photos.empty() && !d.photos_withheld) {
        page.paragraph(QStringLiteral("No photos were taken for this session."));
        return;
    }
    if (d.photos.empty()) {
        return;
    }
    page.paragraph(QStringLiteral("Shown only where the client's consent allows their photos "
                                  "in the medical record. \u0394a* is the redness the photo "
                                  "measured: treated minus untreated skin (CIELAB a*)."),
                   palette::muted, 8.5);
    constexpr int per_row = 3;
    const double gap = page.mm(4);
    const double cell_w = (page.width() - gap * (per_row - 1)) / per_row;
    for (std::size_t i = 0; i < d.photos.size(); i += per_row) {
        const QRectF row = page.block(cell_w * 0.75 + page.mm(9));
        for (std::size_t j = 0; j < per_row && i + j < d.photos.size(); ++j) {
            const auto& photo = d.photos[i + j];
            const QRectF cell(row.left() + static_cast<double>(j) * (cell_w + gap), row.top(),
                              cell_w, row.height());
            photo_cell(page, cell, photo, photo.info.day);
        }
    }
}

} // namespace

void draw_recovery_report(PageWriter& page, const SessionData& data) {
    page.title(QStringLiteral("Recovery report"), session_lines(data));
    summary(page, data);
    chart(page, data);
    flags(page, data);
    entries(page, data);
    photos(page, data);
}

} // namespace punctum::reports
