#pragma once
// The file side of the clinic's inbox folder, apart from Qt's watcher so tests can drive it:
// which names are reports (not a sync engine's partial file), and where a processed report
// goes (done/ or refused/, never over another file, with the reason beside a refused one).

#include <QString>

namespace punctum::ui::inbox {

/// What a recovery report file is called: "<something>.punctum-report".
inline constexpr const char* report_suffix = ".punctum-report";
/// What a care plan file is called: "<something>.punctum-careplan".
inline constexpr const char* care_plan_suffix = ".punctum-careplan";
/// Where processed reports go, inside the inbox folder.
inline constexpr const char* done_folder = "done";
inline constexpr const char* refused_folder = "refused";

/// Whether `name` (a file name, no folder) is a report to import: it ends in
/// ".punctum-report" and is not a sync engine's temporary or partial file (Syncthing's
/// ".syncthing.*.tmp", Nextcloud's ".~*" and "*.part", any hidden file).
[[nodiscard]] bool is_report_name(const QString& name);

/// Moves `file` into `folder` (made if missing) under its own name, or "<stem>-2<suffix>",
/// "-3", ... when that name is taken. Returns the new path, or empty (and `error` set) when
/// the move failed.
[[nodiscard]] QString move_into(const QString& file, const QString& folder, QString* error);

/// Writes `<moved>.reason.txt` holding `reason`; false when it could not be written.
bool write_reason(const QString& moved, const QString& reason);

} // namespace punctum::ui::inbox
