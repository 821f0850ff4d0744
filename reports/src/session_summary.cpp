// A patient's session summary: what was done, what to do after, and what recovery usually
// looks like after this treatment, every figure with the norms source it rests on.

#include "report_words.h"
#include "reports.h"

namespace punctum::reports {

namespace {

QString join_nonempty(const QStringList& parts, const QString& separator = QStringLiteral(", ")) {
    QStringList kept;
    for (const auto& p : parts) {
        if (!p.isEmpty()) {
            kept << p;
        }
    }
    return kept.join(separator);
}

QString indication_words(const core::TreatmentSession& s) {
    if (!s.indication) {
        return {};
    }
    QString words = text(core::indication_words(*s.indication));
    if (s.scar_grade) {
        words += QStringLiteral(", grade %1: %2")
                     .arg(*s.scar_grade)
                     .arg(text(core::scar_grade_words(*s.scar_grade)));
    }
    if (!s.indication_detail.empty()) {
        words += QStringLiteral(" (%1)").arg(text(s.indication_detail));
    }
    return words;
}

QString add_on_words(const core::TreatmentSession& s) {
    QStringList parts;
    for (const auto& a : s.add_ons) {
        const auto name = text(core::to_string(a.kind)).toUpper();
        parts << (a.detail.empty() ? name : QStringLiteral("%1 (%2)").arg(name, text(a.detail)));
    }
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

void treatment(PageWriter& page, const SessionData& d) {
    const auto& s = d.session;
    page.heading(QStringLiteral("Treatment"));
    std::vector<std::pair<QString, QString>> rows{
        {QStringLiteral("Treated on"), day_words(s.treated_on)},
        {QStringLiteral("Practitioner"), text(d.practitioner)},
        {QStringLiteral("Why"), indication_words(s)},
    };
    if (s.course_sessions) {
        rows.emplace_back(QStringLiteral("Course planned"),
                          s.course_interval_days
                              ? QStringLiteral("%1 sessions, every %2 days")
                                    .arg(*s.course_sessions)
                                    .arg(*s.course_interval_days)
                              : QStringLiteral("%1 sessions").arg(*s.course_sessions));
    }
    rows.emplace_back(
        QStringLiteral("Device"),
        join_nonempty({text(s.device), s.device_serial.empty()
                                           ? QString()
                                           : QStringLiteral("serial ") + text(s.device_serial)}));
    rows.emplace_back(
        QStringLiteral("Needle cartridge"),
        join_nonempty({text(s.cartridge),
                       s.cartridge_lot.empty() ? QString() : "lot " + text(s.cartridge_lot),
                       s.cartridge_expiry
                           ? "expires " + text(core::format_date(*s.cartridge_expiry))
                           : QString()}));
    rows.emplace_back(QStringLiteral("Numbing cream"),
                      join_nonempty({text(s.anaesthetic),
                                     s.anaesthetic_minutes
                                         ? QStringLiteral("%1 minutes").arg(*s.anaesthetic_minutes)
                                         : QString()}));
    rows.emplace_back(QStringLiteral("Skin preparation"), text(s.skin_prep));
    rows.emplace_back(QStringLiteral("Added to the needling"), add_on_words(s));
    if (s.endpoint_erythema) {
        rows.emplace_back(QStringLiteral("Redness reached"),
                          score_words(core::Symptom::erythema, s.endpoint_erythema) +
                              QStringLiteral(" (CEA)"));
    }
    if (s.endpoint_bleeding) {
        rows.emplace_back(QStringLiteral("Bleeding reached"),
                          score_words(core::Symptom::bleeding, s.endpoint_bleeding));
    }
    rows.emplace_back(QStringLiteral("Skin at the end"), text(s.immediate_response));
    if (s.antiviral_prophylaxis) {
        rows.emplace_back(QStringLiteral("Cold-sore prevention"),
                          *s.antiviral_prophylaxis ? QStringLiteral("given")
                                                   : QStringLiteral("not given"));
    }
    rows.emplace_back(
        QStringLiteral("Consent form"),
        join_nonempty({text(s.consent_form), s.consent_version.empty()
                                                 ? QString()
                                                 : "version " + text(s.consent_version)}));
    page.fields(rows);

    page.subheading(QStringLiteral("Areas treated"));
    std::vector<QStringList> areas;
    for (const auto& a : s.areas) {
        areas.push_back({text(a.area), QStringLiteral("%1 mm").arg(a.depth_mm, 0, 'f', 2),
                         QString::number(a.passes)});
    }
    page.table({{QStringLiteral("Area"), 3},
                {QStringLiteral("Needle depth"), 1.5},
                {QStringLiteral("Passes"), 1}},
               areas);
    if (!s.products.empty()) {
        page.subheading(QStringLiteral("Products"));
        std::vector<QStringList> products;
        for (const auto& p : s.products) {
            products.push_back(
                {text(p.name), p.lot_number.empty() ? QStringLiteral("none") : text(p.lot_number),
                 p.phase == core::ProductPhase::procedure ? QStringLiteral("during the treatment")
                                                          : QStringLiteral("aftercare")});
        }
        page.table({{QStringLiteral("Product"), 3},
                    {QStringLiteral("Lot"), 1.5},
                    {QStringLiteral("When"), 1.5}},
                   products);
    }
}

void aftercare(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("Aftercare"));
    page.subheading(QStringLiteral("What your practitioner asked you to do"));
    page.paragraph(d.session.aftercare_given.empty()
                       ? QStringLiteral("No aftercare instructions were recorded with this "
                                        "session. Ask your practitioner for them.")
                       : text(d.session.aftercare_given));
    if (!d.profile.aftercare.empty()) {
        page.subheading(QStringLiteral("The usual advice after microneedling"));
        for (const auto& line : d.profile.aftercare) {
            page.paragraph(QStringLiteral("\u2022 ") + text(line));
        }
        if (!d.profile.aftercare_source.empty()) {
            // Already the citation's words, not a key of the sources.
            page.paragraph(QStringLiteral("Source: ") + text(d.profile.aftercare_source),
                           palette::muted, 8.5);
        }
    }
}

void expected(PageWriter& page, const SessionData& d) {
    page.heading(QStringLiteral("What recovery usually looks like"));
    page.paragraph(
        QStringLiteral("After %1 these signs usually settle by the day shown (day 0 is the "
                       "treatment day). A sign that lasts longer is not necessarily a problem, "
                       "but it is flagged so that your practitioner can look at it.")
            .arg(text(core::describe_treatment(d.facts))));
    std::vector<QStringList> rows;
    for (const auto& s : d.course.symptoms) {
        rows.push_back(
            {symptom_title(s.symptom), day_after(d.session.treated_on, s.resolve_by_day),
             s.source_keys.empty() ? QString() : text(d.profile.cite(s.source_keys.front()))});
    }
    page.table({{QStringLiteral("Sign"), 2},
                {QStringLiteral("Usually settled by"), 2},
                {QStringLiteral("Source"), 4}},
               rows);
    if (!d.course.peak_source.empty()) {
        page.paragraph(QStringLiteral("Redness and swelling are usually at their worst up to "
                                      "day %1; a sign that gets worse after that is flagged. "
                                      "Source: %2")
                           .arg(d.course.peak_day)
                           .arg(text(d.profile.cite(d.course.peak_source))));
    }
    page.subheading(QStringLiteral("Signs that depend on the treatment"));
    for (const auto sign :
         {core::Symptom::bruising, core::Symptom::scabbing, core::Symptom::bleeding}) {
        const auto usual = core::usual_sign(sign, d.facts, d.profile);
        if (usual.text.empty()) {
            continue;
        }
        page.paragraph(text(usual.text)); // it names the sign itself
        if (!usual.source_key.empty()) {
            page.paragraph(QStringLiteral("Source: ") + text(d.profile.cite(usual.source_key)),
                           palette::muted, 8.5);
        }
    }
}

// The care plan's code, for the patient to type into their own Punctum at home. The file
// itself travels another way (email, USB stick), so the two are never together.
void care_plan(PageWriter& page, const SessionData& d) {
    if (d.pairing_code.empty()) {
        return;
    }
    page.heading(QStringLiteral("Your recovery at home"));
    page.paragraph(QStringLiteral(
        "Your clinic has sent you a care plan file for Punctum. Open it in your own Punctum "
        "(Open a care plan) with this pairing code, then check in each day: your app compares "
        "your recovery with the same norms as your clinic, and your reports go back to your "
        "clinic sealed, so that only they can read them."));
    page.fields({{QStringLiteral("Pairing code"), text(d.pairing_code)}});
    page.paragraph(QStringLiteral("Keep this code to yourself. Anyone with both the file and "
                                  "the code could open your care plan."),
                   palette::muted, 8.5);
}

} // namespace

QStringList session_lines(const SessionData& d) {
    return {QStringLiteral("%1, session %2, treated %3 by %4")
                .arg(text(d.client.display_name))
                .arg(d.session.id.value)
                .arg(day_words(d.session.treated_on))
                .arg(text(d.practitioner)),
            QStringLiteral("Norms profile in force: %1 (%2, version %3)")
                .arg(text(d.profile.title), text(d.profile.id), text(d.profile.version))};
}

void draw_session_summary(PageWriter& page, const SessionData& data) {
    page.title(QStringLiteral("Session summary"), session_lines(data));
    treatment(page, data);
    aftercare(page, data);
    expected(page, data);
    care_plan(page, data);
}

} // namespace punctum::reports
