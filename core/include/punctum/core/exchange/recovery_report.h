#pragma once
// The contents of a recovery report (core/src/exchange/FORMAT.md): a patient's entries and
// photos since their last report, for the clinic that gave them the care plan. The body
// storage seals is   u32 json_length | json | photo bytes...   where the JSON lists each
// photo's place among the photo bytes. Read as strictly as any outside input.

#include "punctum/core/date.h"
#include "punctum/core/exchange/exchange_error.h"
#include "punctum/core/model/symptom.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace punctum::core::exchange {

inline constexpr std::size_t max_report_entries = 1000;
inline constexpr std::size_t max_report_photos = 200;
/// 32 MiB: room for the most a writer may put in (1000 entries whose 4000-byte notes are
/// all escaped characters, 6 bytes each in JSON), so a report Punctum writes always reads.
inline constexpr std::size_t max_report_json = 32u << 20;
inline constexpr std::size_t max_note_length = 4000;

/// One check-in. `uid` is stable: the same entry in two reports has the same uid, so the
/// clinic merges it once.
struct ReportEntry {
    std::string uid;
    Date date{};
    std::array<std::optional<int>, symptom_count> scores{};
    std::optional<int> gais_patient;
    std::string note;
};

struct ReportPhoto {
    std::string uid;
    std::string entry_uid; ///< empty: a photo of the session, not of one check-in
    Date taken_on{};
    std::string area;
    std::string view;         ///< PhotoView's name
    std::uint64_t offset = 0; ///< into the photo bytes
    std::uint64_t length = 0;
};

struct RecoveryReport {
    std::string report_id; ///< 32 hex, new for every report
    std::string plan_id;   ///< the care plan it answers
    std::string pairing_id;
    std::string patient_sign_public; ///< 64 hex, Ed25519, bound at pairing
    std::string binding;             ///< 64 hex: MAC of that key under the pairing secret
    TimePoint created_at{};
    std::int64_t audit_events = 0; ///< the patient vault's audit head when it was made
    std::string audit_head;        ///< hex MAC of that newest event
    std::vector<ReportEntry> entries;
    std::vector<ReportPhoto> photos;
};

/// The body to seal: the JSON (offsets filled in here) and then `photo_bytes`, one per
/// report.photos in order.
[[nodiscard]] std::vector<std::uint8_t>
encode_report_body(RecoveryReport report,
                   const std::vector<std::span<const std::uint8_t>>& photo_bytes);

struct DecodedReport {
    RecoveryReport report;
    std::vector<std::span<const std::uint8_t>> photo_bytes; ///< views into the body given
};
/// Reads an opened body strictly: the JSON's fields, every photo within the bytes that
/// follow it, no bytes left over, no uid twice.
[[nodiscard]] ExchangeResult<DecodedReport> decode_report_body(std::span<const std::uint8_t> body);

} // namespace punctum::core::exchange
