#pragma once
// The contents of a care plan (core/src/exchange/FORMAT.md): what a clinic gives a patient after
// a session so that the patient's own Punctum can check their recovery against the same
// norms, and later send its log back sealed to the clinic. Sealing is storage's business;
// this is the JSON inside, read as strictly as any outside input.

#include "punctum/core/date.h"
#include "punctum/core/exchange/exchange_error.h"
#include "punctum/core/model/treatment_session.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::core::exchange {

struct CarePlan {
    std::string plan_id;        ///< 32 hex: this care plan
    std::string pairing_id;     ///< 32 hex: the link between this session and one patient
    std::string pairing_secret; ///< 64 hex: proves a patient's key was bound by a code holder
    TimePoint issued_at{};
    struct Clinic {
        std::string name;
        std::string box_public;  ///< 64 hex, X25519: reports are sealed to it
        std::string sign_public; ///< 64 hex, Ed25519: it signed this plan
    } clinic;
    /// What the patient may see of the session (no practitioner notes, no products' lots).
    struct Session {
        Date treated_on{};
        std::vector<TreatedArea> areas;
        std::vector<std::string> add_ons; ///< names the norms profile defines
        std::optional<int> fitzpatrick;
        std::string practitioner; ///< display name
        std::string aftercare_given;
    } session;
    /// The norms profile the session is judged by, as adopted (its JSON text, sources and
    /// all): the patient's Punctum evaluates check-ins against it.
    std::string norms_profile;
    /// For a person reading the file: the profile's advice and the expected course for this
    /// session. The patient's Punctum recomputes both from norms_profile.
    std::vector<std::string> aftercare;
    std::vector<std::string> preparation;
    std::map<std::string, int> expected_resolve_by_day; ///< symptom key -> day
};

/// The plan as JSON (UTF-8, compact).
[[nodiscard]] std::string care_plan_json(const CarePlan& plan);
/// Reads a plan strictly: every field present, of its type and range, nothing unknown.
[[nodiscard]] ExchangeResult<CarePlan> parse_care_plan(std::string_view json);

/// True when `text` is `bytes` hex digits (lower case), as ids and keys are written.
[[nodiscard]] bool is_hex(std::string_view text, std::size_t bytes);

} // namespace punctum::core::exchange
