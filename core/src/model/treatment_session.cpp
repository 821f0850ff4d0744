#include "punctum/core/model/treatment_session.h"

#include <algorithm>
#include <array>

namespace punctum::core {

// Input sanity, not a clinical threshold: the deepest setting any pen device in norms.md
// documents is 3.0 mm (Dr.Pen depth guide); more than that is a typing error.
constexpr double max_plausible_depth_mm = 3.0;
constexpr int max_plausible_passes = 20;

constexpr int max_course_sessions = 20;
constexpr int max_course_interval_days = 365;
constexpr int max_anaesthetic_minutes = 240;

namespace {

using namespace std::string_view_literals;

constexpr std::array indications{Indication::acne_scars,    Indication::fine_lines,
                                 Indication::texture_tone,  Indication::pores,
                                 Indication::stretch_marks, Indication::other};

// Goodman and Baron 2006, qualitative grades; "social distance" is 50 cm or more.
constexpr std::array scar_grades{
    "macular: a change of colour, no depth"sv,
    "mild: not obvious at social distance, covered by make-up"sv,
    "moderate: obvious at social distance, flattens when stretched"sv,
    "severe: obvious at social distance, does not flatten when stretched"sv};

bool in_range(const std::optional<int>& value, int low, int high) {
    return !value || (*value >= low && *value <= high);
}

// Why the session was given, and the course it belongs to.
Result<void, ModelError> validate_indication(const TreatmentSession& s) {
    if (s.indication == Indication::other && s.indication_detail.empty()) {
        return fail(ModelErrc::missing_field,
                    "Say what the other reason for treatment is (indication \"other\").");
    }
    if (!in_range(s.scar_grade, scar_grade_min, scar_grade_max)) {
        return fail(ModelErrc::out_of_range,
                    "The acne-scar grade (Goodman and Baron) must be from 1 to 4, or left blank.");
    }
    if (s.scar_grade && s.indication != Indication::acne_scars) {
        return fail(ModelErrc::out_of_range,
                    "A scar grade (Goodman and Baron) is recorded for acne scars only: choose "
                    "that reason for treatment, or leave the grade blank.");
    }
    if (!in_range(s.course_sessions, 1, max_course_sessions)) {
        return fail(ModelErrc::out_of_range,
                    "The number of sessions in the course must be from 1 to 20, or left blank.");
    }
    if (!in_range(s.course_interval_days, 1, max_course_interval_days)) {
        return fail(ModelErrc::out_of_range,
                    "The interval between sessions must be from 1 to 365 days, or left blank.");
    }
    if (s.course_interval_days && !s.course_sessions) {
        return fail(ModelErrc::missing_field,
                    "Give the number of sessions in the course along with their interval.");
    }
    if (s.course_sessions.value_or(1) > 1 && !s.course_interval_days) {
        return fail(ModelErrc::missing_field,
                    "A course of several sessions needs the interval between them, in days.");
    }
    return {};
}

// The treatment record: anaesthetic, cartridge, endpoint, consent.
Result<void, ModelError> validate_record(const TreatmentSession& s) {
    if (!in_range(s.anaesthetic_minutes, 0, max_anaesthetic_minutes)) {
        return fail(ModelErrc::out_of_range,
                    "The anaesthetic's contact time must be from 0 to 240 minutes, or left blank.");
    }
    if (s.anaesthetic_minutes && s.anaesthetic.empty()) {
        return fail(ModelErrc::missing_field,
                    "Name the topical anaesthetic whose contact time is recorded.");
    }
    if (s.cartridge_expiry) {
        if (!s.cartridge_expiry->ok()) {
            return fail(ModelErrc::bad_date, "The cartridge expiry is not a valid date.");
        }
        if (days_between(s.treated_on, *s.cartridge_expiry) < 0) {
            return fail(ModelErrc::bad_date,
                        "The cartridge expired on " + format_date(*s.cartridge_expiry) +
                            ", before this treatment on " + format_date(s.treated_on) +
                            ": an expired cartridge must not be used. Check the lot and its "
                            "expiry date.");
        }
    }
    if (!in_range(s.endpoint_erythema, 0, 4)) {
        return fail(ModelErrc::out_of_range,
                    "The redness reached at the end (CEA) must be from 0 to 4, or left blank.");
    }
    if (!in_range(s.endpoint_bleeding, 0, 3)) {
        return fail(ModelErrc::out_of_range,
                    "The bleeding reached at the end must be from 0 (none) to 3 (active), or "
                    "left blank.");
    }
    if (!s.consent_version.empty() && s.consent_form.empty()) {
        return fail(ModelErrc::missing_field, "Name the consent form whose version is recorded.");
    }
    return {};
}

} // namespace

double TreatmentSession::max_depth_mm() const {
    double deepest = 0.0;
    for (const auto& a : areas) {
        deepest = std::max(deepest, a.depth_mm);
    }
    return deepest;
}

Result<void, ModelError> validate(const TreatmentSession& session) {
    if (!session.treated_on.ok()) {
        return fail(ModelErrc::bad_date, "The treatment date is not a valid date.");
    }
    if (session.areas.empty()) {
        return fail(ModelErrc::missing_field,
                    "A session needs at least one treated area with its depth.");
    }
    for (const auto& a : session.areas) {
        if (a.area.empty()) {
            return fail(ModelErrc::missing_field, "Every treated area needs a name.");
        }
        if (!(a.depth_mm > 0.0 && a.depth_mm <= max_plausible_depth_mm)) {
            return fail(ModelErrc::out_of_range,
                        "Needle depth for " + a.area + " must be more than 0 and at most 3.0 mm.");
        }
        if (a.passes < 1 || a.passes > max_plausible_passes) {
            return fail(ModelErrc::out_of_range,
                        "Passes for " + a.area + " must be between 1 and 20.");
        }
    }
    for (const auto& p : session.products) {
        if (p.name.empty()) {
            return fail(ModelErrc::missing_field,
                        "Every product needs a name (its lot number may be left empty).");
        }
    }
    if (auto why = validate_indication(session); !why) {
        return why;
    }
    if (auto record = validate_record(session); !record) {
        return record;
    }
    for (std::size_t i = 0; i < session.add_ons.size(); ++i) {
        const auto& add_on = session.add_ons[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (session.add_ons[j].kind == add_on.kind) {
                return fail(ModelErrc::duplicate, "The add-on \"" +
                                                      std::string(to_string(add_on.kind)) +
                                                      "\" is listed twice; list it once.");
            }
        }
        if (add_on.kind == AddOn::other && add_on.detail.empty()) {
            return fail(ModelErrc::missing_field, "Say what the other add-on was.");
        }
    }
    return {};
}

std::string_view to_string(AddOn add_on) {
    switch (add_on) {
    case AddOn::prp:
        return "prp";
    case AddOn::rf:
        return "rf";
    case AddOn::other:
        return "other";
    }
    return "other";
}

std::optional<AddOn> add_on_from_string(std::string_view text) {
    for (AddOn a : {AddOn::prp, AddOn::rf, AddOn::other}) {
        if (to_string(a) == text) {
            return a;
        }
    }
    return std::nullopt;
}

std::string_view to_string(ProductPhase phase) {
    return phase == ProductPhase::aftercare ? "aftercare" : "procedure";
}

std::optional<ProductPhase> product_phase_from_string(std::string_view text) {
    if (text == "procedure") {
        return ProductPhase::procedure;
    }
    if (text == "aftercare") {
        return ProductPhase::aftercare;
    }
    return std::nullopt;
}

std::string_view to_string(Indication indication) {
    switch (indication) {
    case Indication::acne_scars:
        return "acne_scars";
    case Indication::fine_lines:
        return "fine_lines";
    case Indication::texture_tone:
        return "texture_tone";
    case Indication::pores:
        return "pores";
    case Indication::stretch_marks:
        return "stretch_marks";
    case Indication::other:
        return "other";
    }
    return "other";
}

std::optional<Indication> indication_from_string(std::string_view text) {
    for (const Indication i : indications) {
        if (to_string(i) == text) {
            return i;
        }
    }
    return std::nullopt;
}

std::span<const Indication> all_indications() {
    return indications;
}

std::string_view indication_words(Indication indication) {
    switch (indication) {
    case Indication::acne_scars:
        return "Acne scars";
    case Indication::fine_lines:
        return "Fine lines and wrinkles";
    case Indication::texture_tone:
        return "Texture and tone";
    case Indication::pores:
        return "Enlarged pores";
    case Indication::stretch_marks:
        return "Stretch marks";
    case Indication::other:
        return "Other";
    }
    return "Other";
}

std::string_view scar_grade_words(int grade) {
    if (grade < scar_grade_min || grade > scar_grade_max) {
        return {};
    }
    return scar_grades.at(static_cast<std::size_t>(grade - 1));
}

} // namespace punctum::core
