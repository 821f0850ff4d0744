#include "treatment_record_options.h"

#include "punctum/core/date.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/symptom.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace punctum::cli {

namespace {

std::vector<std::string> indication_keys() {
    std::vector<std::string> keys;
    for (const auto i : core::all_indications()) {
        keys.emplace_back(core::to_string(i));
    }
    return keys;
}

bool all_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

// "NAME[:DETAIL]" split at the first colon.
std::pair<std::string, std::string> split_first(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) {
        return {text, ""};
    }
    return {text.substr(0, colon), text.substr(colon + 1)};
}

std::string score_words(core::Symptom symptom, int value) {
    const auto& scale = core::scale_of(symptom);
    if (value < 0 || value > scale.max) {
        return std::to_string(value);
    }
    return std::to_string(value) + " - " +
           std::string(scale.labels[static_cast<std::size_t>(value)]);
}

} // namespace

void add_treatment_record_options(CLI::App& cmd, TreatmentRecordOptions& o) {
    cmd.add_option("--indication", o.indication,
                   "Why: acne_scars, fine_lines, texture_tone, pores, stretch_marks or other")
        ->check(CLI::IsMember(indication_keys()));
    cmd.add_option("--indication-detail", o.indication_detail,
                   "What 'other' is (required for it); a note for any indication");
    cmd.add_option("--scar-grade", o.scar_grade,
                   "Acne scars only: Goodman and Baron qualitative grade 1-4");
    cmd.add_option("--course-sessions", o.course_sessions, "Sessions planned in the course, 1-20");
    cmd.add_option("--course-interval-days", o.course_interval_days,
                   "Days between the course's sessions, 1-365");
    cmd.add_option("--anaesthetic", o.anaesthetic,
                   "Topical anaesthetic NAME[:MINUTES] of contact, e.g. 'lidocaine 4%:30'");
    cmd.add_option("--skin-prep", o.skin_prep, "Skin preparation or antiseptic");
    cmd.add_option("--cartridge-lot", o.cartridge_lot, "Needle cartridge lot number");
    cmd.add_option("--cartridge-expiry", o.cartridge_expiry,
                   "Cartridge expiry, YYYY-MM-DD (an expired cartridge is refused)");
    cmd.add_option("--device-serial", o.device_serial, "Device serial number");
    cmd.add_option("--endpoint-erythema", o.endpoint_erythema,
                   "Redness reached at the end, 0-4 (CEA)");
    cmd.add_option("--endpoint-bleeding", o.endpoint_bleeding,
                   "Bleeding reached at the end: 0 none, 1 pinpoint, 2 oozing, 3 active");
    cmd.add_option("--antiviral", o.antiviral, "Antiviral prophylaxis given: yes or no")
        ->check(CLI::IsMember({"yes", "no"}));
    cmd.add_option("--consent-form", o.consent_form, "The treatment consent form signed");
    cmd.add_option("--consent-version", o.consent_version, "Its version");
    cmd.add_option("--aftercare-product", o.aftercare_products,
                   "Post-care product NAME[:LOT_NUMBER], repeatable (--product: used during "
                   "the procedure)");
}

bool apply_treatment_record(CliContext& ctx, const TreatmentRecordOptions& o,
                            core::TreatmentSession& s) {
    if (!o.indication.empty()) {
        s.indication = core::indication_from_string(o.indication);
    }
    s.indication_detail = o.indication_detail;
    s.scar_grade = o.scar_grade;
    s.course_sessions = o.course_sessions;
    s.course_interval_days = o.course_interval_days;
    if (!o.anaesthetic.empty()) {
        // NAME[:MINUTES]: the part after the last colon is the contact time when it is a
        // whole number (core checks its range), so a name may hold a colon of its own.
        const auto colon = o.anaesthetic.rfind(':');
        if (colon != std::string::npos && all_digits(o.anaesthetic.substr(colon + 1)) &&
            o.anaesthetic.size() - colon <= 7) {
            s.anaesthetic = o.anaesthetic.substr(0, colon);
            s.anaesthetic_minutes = std::stoi(o.anaesthetic.substr(colon + 1));
        } else if (colon != std::string::npos && colon + 1 == o.anaesthetic.size()) {
            s.anaesthetic = o.anaesthetic.substr(0, colon);
        } else {
            s.anaesthetic = o.anaesthetic;
        }
    }
    s.skin_prep = o.skin_prep;
    s.cartridge_lot = o.cartridge_lot;
    if (!o.cartridge_expiry.empty()) {
        s.cartridge_expiry = core::parse_date(o.cartridge_expiry);
        if (!s.cartridge_expiry) {
            ctx.fail(exit_usage, "--cartridge-expiry must be a date like 2027-06-30.");
            return false;
        }
    }
    s.device_serial = o.device_serial;
    s.endpoint_erythema = o.endpoint_erythema;
    s.endpoint_bleeding = o.endpoint_bleeding;
    if (!o.antiviral.empty()) {
        s.antiviral_prophylaxis = o.antiviral == "yes";
    }
    s.consent_form = o.consent_form;
    s.consent_version = o.consent_version;
    for (const auto& text : o.aftercare_products) {
        auto [name, lot] = split_first(text);
        s.products.push_back({name, lot, core::ProductPhase::aftercare});
    }
    return true;
}

nlohmann::json course_json(const core::CourseProgress& course) {
    return {{"given", course.given},
            {"planned", course.planned ? nlohmann::json(*course.planned) : nlohmann::json()},
            {"next_due", course.next_due ? nlohmann::json(core::format_date(*course.next_due))
                                         : nlohmann::json()},
            {"complete", course.complete()}};
}

std::string treatment_record_text(const core::TreatmentSession& s,
                                  const core::CourseProgress& course) {
    std::ostringstream out;
    const auto line = [&out](const char* label, const std::string& value) {
        if (!value.empty()) {
            out << "  " << label << ": " << value << "\n";
        }
    };
    if (s.indication) {
        std::string why(core::indication_words(*s.indication));
        if (!s.indication_detail.empty()) {
            why += " (" + s.indication_detail + ")";
        }
        line("Indication", why);
    }
    if (s.scar_grade) {
        line("Scar grade", std::to_string(*s.scar_grade) + " - " +
                               std::string(core::scar_grade_words(*s.scar_grade)) +
                               " (Goodman and Baron)");
    }
    if (course.planned) {
        std::string text =
            "session " + std::to_string(course.given) + " of " + std::to_string(*course.planned);
        if (s.course_interval_days) {
            text += ", every " + std::to_string(*s.course_interval_days) + " days";
        }
        text += course.next_due ? "; next due " + core::format_date(*course.next_due)
                                : std::string("; the course is complete");
        line("Course", text);
    }
    if (!s.anaesthetic.empty()) {
        line("Anaesthetic", s.anaesthetic + (s.anaesthetic_minutes
                                                 ? ", " + std::to_string(*s.anaesthetic_minutes) +
                                                       " minutes of contact"
                                                 : std::string()));
    }
    line("Skin preparation", s.skin_prep);
    std::string cartridge = s.cartridge_lot.empty() ? std::string() : "lot " + s.cartridge_lot;
    if (s.cartridge_expiry) {
        cartridge += (cartridge.empty() ? "" : ", ") + std::string("expires ") +
                     core::format_date(*s.cartridge_expiry);
    }
    line("Cartridge", cartridge);
    line("Device serial", s.device_serial);
    if (s.endpoint_erythema) {
        line("Endpoint redness",
             score_words(core::Symptom::erythema, *s.endpoint_erythema) + " (CEA)");
    }
    if (s.endpoint_bleeding) {
        line("Endpoint bleeding", score_words(core::Symptom::bleeding, *s.endpoint_bleeding));
    }
    if (s.antiviral_prophylaxis) {
        line("Antiviral prophylaxis", *s.antiviral_prophylaxis ? "given" : "not given");
    }
    if (!s.consent_form.empty()) {
        line("Consent form",
             s.consent_form +
                 (s.consent_version.empty() ? std::string() : ", version " + s.consent_version));
    }
    std::string aftercare;
    for (const auto& p : s.products) {
        if (p.phase == core::ProductPhase::aftercare) {
            aftercare += (aftercare.empty() ? "" : "; ") + p.name +
                         (p.lot_number.empty() ? "" : " (lot " + p.lot_number + ")");
        }
    }
    line("Post-care products", aftercare);
    return out.str();
}

} // namespace punctum::cli
