#include "common/treatment_record_words.h"

#include "common/display_text.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantMap>

namespace punctum::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("TreatmentRecord", text);
}

// Core's plain English, looked up as its own translation key.
QString core_words(std::string_view text) {
    return QCoreApplication::translate("TreatmentRecord", std::string(text).c_str());
}

QVariantMap row(const QString& label, const QString& value) {
    return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}

} // namespace

QString indication_label(core::Indication indication) {
    return core_words(core::indication_words(indication));
}

QString indication_text(const core::TreatmentSession& s) {
    if (!s.indication) {
        return {};
    }
    QString text = indication_label(*s.indication);
    if (!s.indication_detail.empty()) {
        text += QStringLiteral(" (%1)").arg(QString::fromStdString(s.indication_detail));
    }
    if (s.scar_grade) {
        text += QStringLiteral(" \u00b7 ") +
                tr("scar grade %1 - %2 (Goodman and Baron)")
                    .arg(*s.scar_grade)
                    .arg(core_words(core::scar_grade_words(*s.scar_grade)));
    }
    return text;
}

QString course_text(const core::TreatmentSession& s, const core::CourseProgress& course,
                    core::Date today) {
    if (!course.planned) {
        return {};
    }
    QString text = tr("Session %1 of %2").arg(course.given).arg(*course.planned);
    if (s.course_interval_days) {
        text += QStringLiteral(", ") + tr("every %1 days").arg(*s.course_interval_days);
    }
    if (course.next_due) {
        text += QStringLiteral(" \u00b7 ") +
                tr("next session due %1").arg(list_date(*course.next_due, today));
    } else if (course.complete()) {
        text += QStringLiteral(" \u00b7 ") + tr("course complete");
    }
    return text;
}

QVariantList record_rows(const core::TreatmentSession& s) {
    QVariantList rows;
    if (!s.anaesthetic.empty()) {
        QString text = QString::fromStdString(s.anaesthetic);
        if (s.anaesthetic_minutes) {
            text += QStringLiteral(", ") + tr("%1 minutes on the skin").arg(*s.anaesthetic_minutes);
        }
        rows << row(tr("Numbing cream (topical anaesthetic)"), text);
    }
    if (!s.skin_prep.empty()) {
        rows << row(tr("Skin preparation"), QString::fromStdString(s.skin_prep));
    }
    QStringList cartridge;
    if (!s.cartridge_lot.empty()) {
        cartridge << tr("lot %1").arg(QString::fromStdString(s.cartridge_lot));
    }
    if (s.cartridge_expiry) {
        cartridge
            << tr("expires %1").arg(QString::fromStdString(core::format_date(*s.cartridge_expiry)));
    }
    if (!cartridge.isEmpty()) {
        rows << row(tr("Cartridge lot and expiry"), cartridge.join(QStringLiteral(", ")));
    }
    if (!s.device_serial.empty()) {
        rows << row(tr("Device serial number"), QString::fromStdString(s.device_serial));
    }
    QStringList endpoint;
    if (s.endpoint_erythema) {
        endpoint << tr("redness %1 (CEA)")
                        .arg(score_words(core::scale_of(core::Symptom::erythema),
                                         *s.endpoint_erythema));
    }
    if (s.endpoint_bleeding) {
        endpoint << tr("bleeding %1")
                        .arg(score_words(core::scale_of(core::Symptom::bleeding),
                                         *s.endpoint_bleeding));
    }
    if (!endpoint.isEmpty()) {
        rows << row(tr("Endpoint reached"), endpoint.join(QStringLiteral("; ")));
    }
    if (s.antiviral_prophylaxis) {
        rows << row(tr("Antiviral prophylaxis"),
                    *s.antiviral_prophylaxis ? tr("Given") : tr("Not given"));
    }
    if (!s.consent_form.empty()) {
        QString text = QString::fromStdString(s.consent_form);
        if (!s.consent_version.empty()) {
            text += QStringLiteral(", ") +
                    tr("version %1").arg(QString::fromStdString(s.consent_version));
        }
        rows << row(tr("Consent form"), text);
    }
    return rows;
}

QString product_lines(const core::TreatmentSession& s, core::ProductPhase phase) {
    QStringList lines;
    for (const auto& p : s.products) {
        if (p.phase != phase) {
            continue;
        }
        const QString name = QString::fromStdString(p.name);
        lines << (p.lot_number.empty()
                      ? name
                      : tr("%1 (lot %2)").arg(name, QString::fromStdString(p.lot_number)));
    }
    return lines.join(QLatin1Char('\n'));
}

QString gais_text(int grade) {
    return tr("%1 (GAIS %2)").arg(core_words(core::gais_words(grade))).arg(grade);
}

QString gais_summary(const core::RecoveryEntry& e) {
    QStringList parts;
    if (e.gais_practitioner) {
        parts << tr("practitioner: %1").arg(gais_text(*e.gais_practitioner));
    }
    if (e.gais_patient) {
        parts << (e.reporter == core::Reporter::patient && !e.gais_practitioner
                      ? tr("own rating: %1")
                      : tr("client: %1"))
                     .arg(gais_text(*e.gais_patient));
    }
    if (parts.isEmpty()) {
        return {};
    }
    return tr("Improvement") + QStringLiteral(" \u2014 ") + parts.join(QStringLiteral("; "));
}

QVariantMap gais_scale(const QString& key, const QString& name) {
    QVariantList choices;
    for (int grade = core::gais_min; grade <= core::gais_max; ++grade) {
        choices << QVariantMap{{QStringLiteral("value"), grade - core::gais_min},
                               {QStringLiteral("words"), QStringLiteral("%1 - %2").arg(grade).arg(
                                                             core_words(core::gais_words(grade)))}};
    }
    return {{QStringLiteral("key"), key},
            {QStringLiteral("name"), name},
            {QStringLiteral("max"), core::gais_max - core::gais_min},
            {QStringLiteral("yesNo"), false},
            {QStringLiteral("scale"), QStringLiteral("GAIS")},
            {QStringLiteral("choices"), choices}};
}

QString view_label(core::PhotoView view) {
    return core_words(core::photo_view_words(view));
}

QVariantList view_choices() {
    QVariantList out;
    out << QVariantMap{{QStringLiteral("key"), QString()},
                       {QStringLiteral("label"), tr("View not recorded")}};
    for (const auto v : core::recorded_photo_views()) {
        QString label = view_label(v);
        label[0] = label[0].toUpper();
        out << QVariantMap{{QStringLiteral("key"), QString::fromUtf8(core::to_string(v).data())},
                           {QStringLiteral("label"), label}};
    }
    return out;
}

} // namespace punctum::ui
