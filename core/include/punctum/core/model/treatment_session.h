#pragma once

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/model_error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::core {

/// One treated area of a session: where, how deep, how many passes.
struct TreatedArea {
    std::string area; ///< e.g. "forehead", "cheeks"
    double depth_mm = 0.0;
    int passes = 1;
};

/// When a product was used: during the procedure (through the open channels, where an
/// unsuitable product can cause a granulomatous reaction) or after it, as post-care.
enum class ProductPhase { procedure, aftercare };
[[nodiscard]] std::string_view to_string(ProductPhase phase);
[[nodiscard]] std::optional<ProductPhase> product_phase_from_string(std::string_view text);

/// A product applied during the session or given for the days after it, with its lot number
/// so a bad batch can be traced.
struct SessionProduct {
    std::string name;
    std::string lot_number; ///< may be empty when the product has none
    ProductPhase phase = ProductPhase::procedure;
    friend bool operator==(const SessionProduct&, const SessionProduct&) = default;
};

/// Why a session was given. The keys ("acne_scars", ...) are stored in the vault and in
/// exports, and outcomes are grouped by them: never rename one.
enum class Indication { acne_scars, fine_lines, texture_tone, pores, stretch_marks, other };
[[nodiscard]] std::string_view to_string(Indication indication);
[[nodiscard]] std::optional<Indication> indication_from_string(std::string_view text);
/// Every indication, in the order forms offer them.
[[nodiscard]] std::span<const Indication> all_indications();
/// Plain words: "Acne scars", "Fine lines and wrinkles", ...
[[nodiscard]] std::string_view indication_words(Indication indication);

/// Goodman and Baron's qualitative acne-scar grade (Dermatol Surg 2006), 1..4.
inline constexpr int scar_grade_min = 1;
inline constexpr int scar_grade_max = 4;
/// "macular: a change of colour, no depth", ... for grades 1..4; empty outside.
[[nodiscard]] std::string_view scar_grade_words(int grade);

/// Something given with the needling that changes the expected recovery. The keys match
/// the norms profile's recovery.add_ons ("prp", "rf"); "other" is recorded, not assessed.
enum class AddOn { prp, rf, other };
[[nodiscard]] std::string_view to_string(AddOn add_on);
[[nodiscard]] std::optional<AddOn> add_on_from_string(std::string_view text);

struct SessionAddOn {
    AddOn kind = AddOn::prp;
    std::string detail; ///< e.g. the RF device and energy; required for "other"
    friend bool operator==(const SessionAddOn&, const SessionAddOn&) = default;
};

/// A microneedling treatment given to a client on a day.
struct TreatmentSession {
    SessionId id;
    ClientId client_id;
    Date treated_on{};
    std::string device;
    std::string cartridge; ///< needle cartridge, e.g. "12-pin nano"
    std::vector<TreatedArea> areas;
    std::vector<SessionProduct> products;
    std::vector<SessionAddOn> add_ons; ///< at most one of each kind
    std::string immediate_response;    ///< what the skin did at the end of the session
    std::string aftercare_given;       ///< the instructions the client left with
    std::string notes;

    // Why: the indication and, for acne scars, the baseline grade; the course planned.
    // Every field below is optional: nullopt or empty is "not recorded", never 0.
    std::optional<Indication> indication{};
    std::string indication_detail{};           ///< required for "other"; a note otherwise
    std::optional<int> scar_grade{};           ///< Goodman-Baron 1..4, acne scars only
    std::optional<int> course_sessions{};      ///< sessions planned in the course, 1..20
    std::optional<int> course_interval_days{}; ///< days between sessions, 1..365
    // The treatment record.
    std::string anaesthetic{};                ///< topical anaesthetic, e.g. "lidocaine 4% cream"
    std::optional<int> anaesthetic_minutes{}; ///< its contact time, 0..240
    std::string skin_prep{};                  ///< skin preparation or antiseptic
    std::string cartridge_lot{};
    std::optional<Date> cartridge_expiry{}; ///< not before the treatment day
    std::string device_serial{};
    std::optional<int> endpoint_erythema{}; ///< redness reached, 0..4 (CEA)
    std::optional<int> endpoint_bleeding{}; ///< 0 none, 1 pinpoint, 2 oozing, 3 active
    std::optional<bool> antiviral_prophylaxis{};
    std::string consent_form{};    ///< the treatment consent form signed
    std::string consent_version{}; ///< its version
    AccountId practitioner;
    TimePoint created_at{};
    /// The stored screening that cleared this treatment (the gate storage enforces): of
    /// this client, for this day, with a verdict of proceed or caution or a valid override.
    std::optional<std::int64_t> screening_id;

    /// The deepest needle setting used in the session, 0 when no area is recorded.
    [[nodiscard]] double max_depth_mm() const;
};

/// Checks a session: a valid date, at least one area, depths in 0.1..3.0 mm, passes 1..20,
/// named products, each add-on once and "other" described; "other" indication described, a
/// scar grade 1..4 only for acne scars, a course of 1..20 sessions every 1..365 days,
/// anaesthetic contact time 0..240 minutes (with the anaesthetic named), a cartridge not
/// expired on the treatment day, endpoint erythema 0..4 and bleeding 0..3, and a consent
/// version only with its form.
[[nodiscard]] Result<void, ModelError> validate(const TreatmentSession& session);

} // namespace punctum::core
