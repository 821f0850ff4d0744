#include "session_rows.h"

#include "punctum/core/date.h"

namespace punctum::storage::detail {

namespace {

std::optional<std::int64_t> as_flag(const std::optional<bool>& value) {
    if (!value) {
        return std::nullopt;
    }
    return *value ? 1 : 0;
}

} // namespace

void write_treatment_record(Connection& db, core::SessionId id, const core::TreatmentSession& s,
                            std::ostringstream& change) {
    Statement st(db, "UPDATE sessions SET indication = ?, indication_detail = ?, scar_grade = ?, "
                     "course_sessions = ?, course_interval_days = ?, anaesthetic = ?, "
                     "anaesthetic_minutes = ?, skin_prep = ?, cartridge_lot = ?, "
                     "cartridge_expiry = ?, device_serial = ?, endpoint_erythema = ?, "
                     "endpoint_bleeding = ?, antiviral_prophylaxis = ?, consent_form = ?, "
                     "consent_version = ? WHERE id = ?");
    const std::string indication = s.indication ? std::string(core::to_string(*s.indication)) : "";
    const std::optional<std::string> expiry =
        s.cartridge_expiry ? std::optional<std::string>(core::format_date(*s.cartridge_expiry))
                           : std::nullopt;
    st.bind(1, indication)
        .bind(2, s.indication_detail)
        .bind(3, s.scar_grade)
        .bind(4, s.course_sessions)
        .bind(5, s.course_interval_days)
        .bind(6, s.anaesthetic)
        .bind(7, s.anaesthetic_minutes)
        .bind(8, s.skin_prep)
        .bind(9, s.cartridge_lot)
        .bind(10, expiry)
        .bind(11, s.device_serial)
        .bind(12, s.endpoint_erythema)
        .bind(13, s.endpoint_bleeding)
        .bind(14, as_flag(s.antiviral_prophylaxis))
        .bind(15, s.consent_form)
        .bind(16, s.consent_version)
        .bind(17, id.value)
        .run();
    // Only what was recorded, each under its own label.
    const auto text = [&change](const char* label, const std::string& value) {
        if (!value.empty()) {
            change << '|' << label << ':' << value;
        }
    };
    const auto number = [&change](const char* label, const std::optional<int>& value) {
        if (value) {
            change << '|' << label << ':' << *value;
        }
    };
    text("indication", indication);
    text("indication_detail", s.indication_detail);
    number("scar_grade", s.scar_grade);
    number("course_sessions", s.course_sessions);
    number("course_interval_days", s.course_interval_days);
    text("anaesthetic", s.anaesthetic);
    number("anaesthetic_minutes", s.anaesthetic_minutes);
    text("skin_prep", s.skin_prep);
    text("cartridge_lot", s.cartridge_lot);
    text("cartridge_expiry", expiry.value_or(""));
    text("device_serial", s.device_serial);
    number("endpoint_erythema", s.endpoint_erythema);
    number("endpoint_bleeding", s.endpoint_bleeding);
    if (s.antiviral_prophylaxis) {
        text("antiviral_prophylaxis", *s.antiviral_prophylaxis ? "yes" : "no");
    }
    text("consent_form", s.consent_form);
    text("consent_version", s.consent_version);
}

void read_treatment_record(Connection& db, core::TreatmentSession& s) {
    Statement st(db, "SELECT indication, indication_detail, scar_grade, course_sessions, "
                     "course_interval_days, anaesthetic, anaesthetic_minutes, skin_prep, "
                     "cartridge_lot, cartridge_expiry, device_serial, endpoint_erythema, "
                     "endpoint_bleeding, antiviral_prophylaxis, consent_form, consent_version "
                     "FROM sessions WHERE id = ?");
    st.bind(1, s.id.value);
    if (!st.step()) {
        return;
    }
    s.indication = core::indication_from_string(st.text(0));
    s.indication_detail = st.text(1);
    s.scar_grade = st.optional_int(2);
    s.course_sessions = st.optional_int(3);
    s.course_interval_days = st.optional_int(4);
    s.anaesthetic = st.text(5);
    s.anaesthetic_minutes = st.optional_int(6);
    s.skin_prep = st.text(7);
    s.cartridge_lot = st.text(8);
    if (const auto expiry = st.optional_text(9)) {
        s.cartridge_expiry = core::parse_date(*expiry);
    }
    s.device_serial = st.text(10);
    s.endpoint_erythema = st.optional_int(11);
    s.endpoint_bleeding = st.optional_int(12);
    if (const auto antiviral = st.optional_int(13)) {
        s.antiviral_prophylaxis = *antiviral == 1;
    }
    s.consent_form = st.text(14);
    s.consent_version = st.text(15);
}

} // namespace punctum::storage::detail
