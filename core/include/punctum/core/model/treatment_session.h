#pragma once

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/model_error.h"

#include <cstdint>
#include <optional>
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

/// A product applied during the session, with its lot number so a bad batch can be traced.
struct SessionProduct {
    std::string name;
    std::string lot_number; ///< may be empty when the product has none
    friend bool operator==(const SessionProduct&, const SessionProduct&) = default;
};

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
    AccountId practitioner;
    TimePoint created_at{};
    /// The stored screening that cleared this treatment (the gate storage enforces): of
    /// this client, for this day, with a verdict of proceed or caution or a valid override.
    std::optional<std::int64_t> screening_id;

    /// The deepest needle setting used in the session, 0 when no area is recorded.
    [[nodiscard]] double max_depth_mm() const;
};

/// Checks a session: a valid date, at least one area, depths in 0.1..3.0 mm, passes 1..20,
/// named products, each add-on once and "other" described.
[[nodiscard]] Result<void, ModelError> validate(const TreatmentSession& session);

} // namespace punctum::core
