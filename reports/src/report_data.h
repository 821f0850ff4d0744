#pragma once
// What a report shows, read from the vault once before anything is drawn: the pages are laid
// out twice (the second time knowing the page count), and each read of a photo for a report
// is an audited export that must happen once.

#include "punctum/core/model/client.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/outcomes/session_outcome.h"
#include "punctum/core/recovery/expected_course.h"
#include "punctum/storage/flag_store.h"
#include "punctum/storage/outcome_store.h"
#include "punctum/storage/photo_store.h"
#include "punctum/storage/vault.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace punctum::reports {

/// A photo of the session: its picture when the client's consent for their medical record
/// allows it, nothing otherwise.
struct ReportPhoto {
    storage::PhotoInfo info;
    std::optional<std::vector<std::uint8_t>> original; ///< nullopt: withheld
    std::optional<double> delta_a_star;                ///< its latest redness analysis
};

/// One session with everything its summary and recovery reports show.
struct SessionData {
    core::Client client;
    core::TreatmentSession session;
    std::string practitioner; ///< display name
    std::vector<core::RecoveryEntry> entries;
    std::vector<storage::StoredFlag> flags;
    core::NormsProfile profile; ///< the vault's profile in force
    core::SessionFacts facts;
    core::ExpectedCourse course;
    core::SessionOutcome outcome;
    std::vector<ReportPhoto> photos; ///< only read for the recovery report
    /// The client withheld consent for photos in their record: storage lists none of them.
    bool photos_withheld = false;
    /// The pairing code of the session's newest care plan (issue 15), shown on the summary
    /// the patient takes home; empty when none was issued.
    std::string pairing_code;
};

struct CohortData {
    storage::CohortReport report;
    core::NormsProfile profile;
};

/// Reads a session; not_found says which session is missing. `photos` reads its photos
/// through the consent-checked export for the medical record (each export audited).
[[nodiscard]] storage::StorageResult<SessionData> read_session(storage::Vault& vault,
                                                               core::SessionId id, bool photos);
[[nodiscard]] storage::StorageResult<CohortData> read_cohort(storage::Vault& vault,
                                                             const storage::CohortQuery& query);

} // namespace punctum::reports
