#pragma once
// `session add`'s options for why a session was given (indication, scar grade, course
// plan) and the treatment record (anaesthetic, skin preparation, cartridge lot and expiry,
// device serial, endpoint, antiviral prophylaxis, consent form, post-care products), and
// how the result reads: the recorded fields and the course with its next due date.

#include "cli_context.h"
#include "punctum/core/model/course_plan.h"
#include "punctum/core/model/treatment_session.h"

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace punctum::cli {

/// Every option left out is "not recorded".
struct TreatmentRecordOptions {
    std::string indication;
    std::string indication_detail;
    std::optional<int> scar_grade;
    std::optional<int> course_sessions;
    std::optional<int> course_interval_days;
    std::string anaesthetic; ///< NAME[:MINUTES]
    std::string skin_prep;
    std::string cartridge_lot;
    std::string cartridge_expiry;
    std::string device_serial;
    std::optional<int> endpoint_erythema;
    std::optional<int> endpoint_bleeding;
    std::string antiviral; ///< "yes", "no" or empty
    std::string consent_form;
    std::string consent_version;
    std::vector<std::string> aftercare_products; ///< NAME[:LOT]
};

/// Registers the options on `session add`.
void add_treatment_record_options(CLI::App& cmd, TreatmentRecordOptions& o);

/// Copies the options into `session`; false after reporting a malformed value (exit_usage).
/// Ranges and clinical rules are core's (validate), checked when the session is stored.
[[nodiscard]] bool apply_treatment_record(CliContext& ctx, const TreatmentRecordOptions& o,
                                          core::TreatmentSession& session);

/// {"given", "planned", "next_due", "complete"}: the course as `course_progress` gives it.
[[nodiscard]] nlohmann::json course_json(const core::CourseProgress& course);

/// The lines `session add` prints after "Added session N.": the indication, the course with
/// its next due date and each part of the treatment record that was recorded.
[[nodiscard]] std::string treatment_record_text(const core::TreatmentSession& session,
                                                const core::CourseProgress& course);

} // namespace punctum::cli
