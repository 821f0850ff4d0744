#include "punctum/core/model/treatment_session.h"

#include <algorithm>

namespace punctum::core {

// Input sanity, not a clinical threshold: the deepest setting any pen device in norms.md
// documents is 3.0 mm (Dr.Pen depth guide); more than that is a typing error.
constexpr double max_plausible_depth_mm = 3.0;
constexpr int max_plausible_passes = 20;

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

} // namespace punctum::core
