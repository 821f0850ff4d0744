#pragma once
// Photos inside the vault: the metadata-free original, a preview and a thumbnail as BLOBs,
// written in the transaction of the entry that owns them; redness analyses of a region
// against untreated skin; and exports that respect the client's photo consent. No decoded
// or decrypted image is ever written to disk: bytes go from the vault to the caller only.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/consent.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/redness.h"
#include "punctum/core/photo/region.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// A photo to add: what core::photo::import_photo made of the file (checked, metadata
/// stripped, previewed), so the file itself, EXIF and all, is dropped by the caller as soon
/// as it is imported and never reaches storage.
struct NewPhoto {
    core::photo::ImportedPhoto photo;
    std::string area;                                    ///< e.g. "left cheek"; may be empty
    std::optional<core::Date> taken_on;                  ///< default: the entry's day, else today
    core::PhotoView view = core::PhotoView::unspecified; ///< front, left, right, oblique
};

/// A stored photo without its pictures (those are fetched one at a time).
struct PhotoInfo {
    std::int64_t id = 0;
    core::ClientId client_id;
    core::SessionId session_id;
    core::EntryId entry_id; ///< invalid when attached to the session only
    core::Date taken_on{};
    int day = 0; ///< days after the session's treatment
    std::string area;
    core::PhotoView view = core::PhotoView::unspecified;
    int width = 0; ///< as displayed
    int height = 0;
    int orientation = 1;
    std::string mime;
    core::TimePoint created_at{};
    std::string created_by;
};

/// One redness analysis of a photo, with the regions it used.
struct StoredAnalysis {
    std::int64_t id = 0;
    std::int64_t photo_id = 0;
    core::photo::Region roi;
    core::photo::Region reference;
    core::photo::RednessAnalysis values;
    core::TimePoint created_at{};
    std::string created_by;
};

/// One day of a session's redness: what the photos measured beside what people scored.
struct RednessDay {
    int day = 0;                           ///< days after treatment
    std::optional<double> delta_a_star;    ///< the day's last analysed photo (latest analysis)
    bool calibrated = false;               ///< of that photo
    std::optional<int> clinician_erythema; ///< 0-4, the day's last clinician entry
    std::optional<int> patient_erythema;   ///< 0-4, the day's last patient check-in
};

/// Which picture of a photo to read.
enum class PhotoSize { thumbnail, preview, original };

class PhotoStore {
public:
    explicit PhotoStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Stores an imported photo with the session, and with `entry` when valid
    /// (Action::log_recovery).
    [[nodiscard]] StorageResult<PhotoInfo> add(core::SessionId session, NewPhoto photo,
                                               core::EntryId entry = {});
    [[nodiscard]] StorageResult<PhotoInfo> get(std::int64_t id);
    /// A session's photos by day, then in the order they were added. Compare pairs like
    /// with like: core::default_compare_pair over their views.
    [[nodiscard]] StorageResult<std::vector<PhotoInfo>> of_session(core::SessionId session);
    /// The bytes of one picture, for showing. Originals come back as stored (orientation
    /// not applied: pass PhotoInfo::orientation to every decode).
    [[nodiscard]] StorageResult<std::vector<std::uint8_t>> picture(std::int64_t id, PhotoSize size);

    /// Measures redness in `roi` against `reference` (displayed full-resolution pixels) and
    /// stores the result (Action::log_recovery); the session's flags are re-assessed with it.
    [[nodiscard]] StorageResult<StoredAnalysis>
    analyze(std::int64_t id, const core::photo::Region& roi, const core::photo::Region& reference,
            const core::photo::RednessOptions& options = {});
    /// Per day of the session, photo delta a* beside the clinician's and the patient's
    /// erythema scores, days in order; a day appears when it has any of the three.
    [[nodiscard]] StorageResult<std::vector<RednessDay>> redness_trend(core::SessionId session);
    /// A photo's analyses, oldest first.
    [[nodiscard]] StorageResult<std::vector<StoredAnalysis>> analyses(std::int64_t id);

    /// The metadata-free original for `use`, if the client's consent allows it: publication
    /// and in-clinic display need a consent recorded as granted; the medical record is
    /// refused only when that consent was recorded as withheld. Audited.
    [[nodiscard]] StorageResult<std::vector<std::uint8_t>> export_photo(std::int64_t id,
                                                                        core::PhotoUse use);

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
