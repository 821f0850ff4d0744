#pragma once
// Files between a clinic vault and a patient's personal vault, with no server in between
// (core/src/exchange/FORMAT.md). The clinic issues a care plan for a session, sealed under a
// one-time pairing code; the patient opens it into their personal vault, checks in against
// its norms, and sends recovery reports back, sealed to the clinic's key and signed with a
// key bound at pairing; the clinic imports them into the session. Every step is audited, and
// a file that is refused (altered, not for this vault, from nobody it paired with) changes
// nothing: the error is StorageErrc::rejected and says why.

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// A care plan written for a session (clinic side).
struct IssuedCarePlan {
    std::filesystem::path out;
    std::string plan_id;
    std::string pairing_code; ///< "ABCDE-FGHJK": show it to the patient, never in the file
};

/// A care plan issued for a session, as listed on the session page (clinic side).
struct PairingInfo {
    std::string plan_id;
    core::SessionId session;
    std::string pairing_code;
    core::TimePoint issued_at{};
    std::string issued_by; ///< display name
    bool paired = false;   ///< a report has arrived: the patient's key is pinned
    int reports_imported = 0;
    std::optional<core::TimePoint> last_import_at;
};

/// A care plan opened into a personal vault (patient side).
struct OpenedCarePlan {
    std::string plan_id;
    core::SessionId session; ///< the session it made in the patient's own record
    std::string clinic_name;
    core::Date treated_on{};
    bool already_open = false; ///< opened before: nothing changed
};

/// A care plan held by a personal vault (patient side).
struct CarePlanInfo {
    std::string plan_id;
    core::SessionId session;
    std::string clinic_name;
    core::Date treated_on{};
    core::TimePoint opened_at{};
    int reports_sent = 0;
    int unsent_entries = 0; ///< check-ins not in any report yet
    int unsent_photos = 0;  ///< photos not in any report yet (consent allowing)
};

/// What a report should hold (patient side).
struct ReportOptions {
    std::string plan_id; ///< empty: the care plan opened last
    /// Everything logged for the plan's session, not only what no report has carried yet:
    /// the clinic merges it without duplicates.
    bool everything = false;
};

/// A recovery report written (patient side).
struct WrittenReport {
    std::filesystem::path out;
    std::string report_id;
    std::string plan_id;
    int entries = 0;
    int photos = 0;
    int photos_withheld = 0; ///< left out: the patient has not allowed photos in the record
};

/// A recovery report imported (clinic side).
struct ImportedReport {
    std::string report_id;
    bool already_imported = false; ///< the same report came before: nothing changed
    core::SessionId session;
    core::ClientId client;
    std::string client_name;
    int entries_added = 0;
    int entries_known = 0; ///< already merged from an earlier report
    int photos_added = 0;
    int photos_known = 0;
    int new_flags = 0;             ///< flags the new entries raised
    int new_urgent = 0;            ///< of which urgent: they are in Needs attention now
    core::TimePoint imported_at{}; ///< when (for already_imported: the first time)
};

class ExchangeStore {
public:
    explicit ExchangeStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    // Clinic side (Action::write_clinical).

    /// Writes a care plan for `session` to `out` (mode 0600, whole or not at all) under a
    /// fresh pairing code. The clinic's key pair is made on first use.
    [[nodiscard]] StorageResult<IssuedCarePlan> issue_care_plan(core::SessionId session,
                                                                const std::filesystem::path& out);
    /// The care plans issued for `session`, newest first.
    [[nodiscard]] StorageResult<std::vector<PairingInfo>> pairings(core::SessionId session);
    /// Checks and merges a patient's recovery report into its session in one transaction:
    /// new entries and photos (by their stable ids), flags re-evaluated, audited.
    /// rejected: not for this vault, altered, unknown pairing, another patient's key.
    [[nodiscard]] StorageResult<ImportedReport> import_report(const std::filesystem::path& file);

    // Patient side: a personal vault.

    /// Opens a care plan with its pairing code: the session joins the patient's own record,
    /// the plan's norms profile becomes the one in force, and a signing key for reports to
    /// that clinic is made and bound. Opening the same plan again changes nothing.
    [[nodiscard]] StorageResult<OpenedCarePlan> open_care_plan(const std::filesystem::path& file,
                                                               std::string_view pairing_code);
    /// The care plans this vault holds, opened last first.
    [[nodiscard]] StorageResult<std::vector<CarePlanInfo>> care_plans();
    /// Writes a sealed, signed recovery report for a care plan to `out`.
    [[nodiscard]] StorageResult<WrittenReport> write_report(const std::filesystem::path& out,
                                                            const ReportOptions& options = {});

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage
