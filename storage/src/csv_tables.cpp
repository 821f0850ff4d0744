#include "csv_tables.h"

#include "punctum/core/export/csv_line.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace punctum::storage::detail {

namespace {

using core::CsvLine;

// Every table is chosen by its sessions: treated in the range, of the one client if named.
constexpr std::string_view in_scope = " WHERE (?1 IS NULL OR s.treated_on >= ?1) AND "
                                      "(?2 IS NULL OR s.treated_on <= ?2) AND "
                                      "(?3 = 0 OR s.client_id = ?3)";

// The issue's columns first (scripts read them by name), then the rest of the stored
// outcome. A resolution day is the first day at or below 1 that stayed there; when the
// symptom was still above 1 at its last score, that day is in *_censored_day instead, so
// that a Kaplan-Meier curve can be rebuilt from this file alone.
constexpr std::string_view sessions_sql = R"sql(
SELECT s.id, s.client_id, s.treated_on, a.display_name, s.device,
  (SELECT max(depth_mm) FROM session_areas WHERE session_id = s.id), s.indication,
  o.erythema_day, o.erythema_resolved, o.last_logged_day, o.watch_flags, o.urgent_flags,
  o.edema_day, o.edema_resolved, c.fitzpatrick,
  (SELECT group_concat(addon, ' ') FROM
     (SELECT addon FROM session_addons WHERE session_id = s.id ORDER BY addon)),
  o.entries, o.first_week_days_logged, o.info_flags, o.worst_severity, o.outcome,
  o.gais_practitioner, o.gais_patient, o.erythema_expected_by, o.edema_expected_by
FROM sessions s JOIN clients c ON c.id = s.client_id
  JOIN accounts a ON a.id = s.practitioner_id
  LEFT JOIN session_outcomes o ON o.session_id = s.id)sql";

constexpr std::string_view entries_sql = R"sql(
SELECT e.id, e.session_id, s.client_id, e.observed_on,
  CAST(julianday(e.observed_on) - julianday(s.treated_on) AS INTEGER), e.reporter,
  e.erythema, e.edema, e.pain, e.itching, e.bruising, e.scabbing, e.dryness, e.bleeding,
  e.warmth, e.pus, e.fever, e.blisters, e.hyperpigmentation, e.gais_practitioner,
  e.gais_patient
FROM recovery_entries e JOIN sessions s ON s.id = e.session_id)sql";

constexpr std::string_view flags_sql = R"sql(
SELECT f.id, f.session_id, s.client_id, f.entry_id, f.day, f.rule_id, f.severity, f.symptom,
  f.state, f.raised_at, f.state_changed_at, f.message, f.source,
  n.profile_key, n.version
FROM flags f JOIN sessions s ON s.id = f.session_id
  LEFT JOIN norms_profiles n ON n.id = f.norms_profile_id)sql";

constexpr std::string_view outcomes_sql = R"sql(
SELECT o.session_id, s.client_id, o.entries, o.last_logged_day, o.erythema_day,
  o.erythema_resolved, o.edema_day, o.edema_resolved, o.first_week_days_logged,
  o.info_flags, o.watch_flags, o.urgent_flags, o.worst_severity, o.outcome,
  o.gais_practitioner, o.gais_patient, o.erythema_expected_by, o.edema_expected_by
FROM session_outcomes o JOIN sessions s ON s.id = o.session_id)sql";

void header(ExportSink& sink, std::initializer_list<std::string_view> names) {
    CsvLine line;
    for (auto name : names) {
        line.field(name);
    }
    sink.put(line.finish());
}

std::optional<long long> number_at(const Statement& st, int col) {
    if (st.is_null(col)) {
        return std::nullopt;
    }
    return st.int64(col);
}

// A symptom's resolution (day, resolved) as two columns: the resolved day, or the censored one.
void resolution(CsvLine& line, const Statement& st, int day_col) {
    const auto day = number_at(st, day_col);
    const bool resolved = day && st.integer(day_col + 1) == 1;
    line.number(resolved ? day : std::nullopt).number(day && !resolved ? day : std::nullopt);
}

// A progress report every so many rows: often enough for a bar, rare enough to cost nothing.
constexpr std::int64_t report_every = 5000;

std::int64_t rows(Connection& db, std::string_view select, std::string_view order,
                  const ExportScope& scope, ExportSink& sink, const core::Progress& progress,
                  void (*row)(CsvLine&, const Statement&)) {
    Statement st(db,
                 std::string(select) + std::string(in_scope) + " ORDER BY " + std::string(order));
    st.bind(1, scope.from ? std::optional(core::format_date(*scope.from)) : std::nullopt)
        .bind(2, scope.to ? std::optional(core::format_date(*scope.to)) : std::nullopt)
        .bind(3, scope.client.value);
    std::int64_t count = 0;
    CsvLine line;
    while (st.step()) {
        row(line, st);
        sink.put(line.finish());
        if (++count % report_every == 0 && !core::report(progress, count, 0)) {
            throw export_cancelled();
        }
    }
    return count;
}

std::int64_t sessions(Connection& db, const ExportScope& scope, ExportSink& sink,
                      const core::Progress& progress) {
    header(sink, {"session_id",
                  "client_id",
                  "treated_on",
                  "practitioner",
                  "device",
                  "max_depth_mm",
                  "indication",
                  "erythema_resolved_day",
                  "last_logged_day",
                  "watch_flags",
                  "urgent_flags",
                  "erythema_censored_day",
                  "edema_resolved_day",
                  "edema_censored_day",
                  "fitzpatrick",
                  "addons",
                  "entries",
                  "first_week_days_logged",
                  "info_flags",
                  "worst_severity",
                  "outcome",
                  "gais_practitioner",
                  "gais_patient",
                  "erythema_expected_by",
                  "edema_expected_by"});
    return rows(
        db, sessions_sql, "s.id", scope, sink, progress, [](CsvLine& line, const Statement& st) {
            line.number(st.int64(0)).number(st.int64(1)).field(st.text(2)).text(st.text(3));
            line.text(st.text(4));
            line.decimal(st.is_null(5) ? std::nullopt : std::optional(st.real(5)), 1);
            line.field(st.text(6));
            const auto erythema = number_at(st, 7);
            const bool resolved = erythema && st.integer(8) == 1;
            line.number(resolved ? erythema : std::nullopt);
            line.number(number_at(st, 9)).number(number_at(st, 10)).number(number_at(st, 11));
            line.number(erythema && !resolved ? erythema : std::nullopt);
            resolution(line, st, 12);
            line.number(number_at(st, 14)).field(st.is_null(15) ? "" : st.text(15));
            for (int col = 16; col <= 18; ++col) {
                line.number(number_at(st, col));
            }
            line.field(st.is_null(19) ? "" : st.text(19)).field(st.is_null(20) ? "" : st.text(20));
            for (int col = 21; col <= 24; ++col) {
                line.number(number_at(st, col));
            }
        });
}

std::int64_t entries(Connection& db, const ExportScope& scope, ExportSink& sink,
                     const core::Progress& progress) {
    header(sink, {"entry_id",
                  "session_id",
                  "client_id",
                  "observed_on",
                  "day",
                  "reporter",
                  "erythema",
                  "edema",
                  "pain",
                  "itching",
                  "bruising",
                  "scabbing",
                  "dryness",
                  "bleeding",
                  "warmth",
                  "pus",
                  "fever",
                  "blisters",
                  "hyperpigmentation",
                  "gais_practitioner",
                  "gais_patient"});
    return rows(
        db, entries_sql, "e.id", scope, sink, progress, [](CsvLine& line, const Statement& st) {
            line.number(st.int64(0)).number(st.int64(1)).number(st.int64(2)).field(st.text(3));
            line.number(st.int64(4)).field(st.text(5));
            for (int col = 6; col <= 20; ++col) {
                line.number(number_at(st, col));
            }
        });
}

std::int64_t flags(Connection& db, const ExportScope& scope, ExportSink& sink,
                   const core::Progress& progress) {
    header(sink, {"flag_id", "session_id", "client_id", "entry_id", "day", "rule_id", "severity",
                  "symptom", "state", "raised_at", "state_changed_at", "message", "source",
                  "norms_profile", "norms_version"});
    return rows(db, flags_sql, "f.id", scope, sink, progress,
                [](CsvLine& line, const Statement& st) {
                    line.number(st.int64(0)).number(st.int64(1)).number(st.int64(2));
                    line.number(number_at(st, 3)).number(st.int64(4));
                    for (int col = 5; col <= 14; ++col) {
                        line.text(st.is_null(col) ? "" : st.text(col));
                    }
                });
}

std::int64_t outcomes(Connection& db, const ExportScope& scope, ExportSink& sink,
                      const core::Progress& progress) {
    header(sink, {"session_id", "client_id", "entries", "last_logged_day", "erythema_resolved_day",
                  "erythema_censored_day", "edema_resolved_day", "edema_censored_day",
                  "first_week_days_logged", "info_flags", "watch_flags", "urgent_flags",
                  "worst_severity", "outcome", "gais_practitioner", "gais_patient",
                  "erythema_expected_by", "edema_expected_by"});
    return rows(db, outcomes_sql, "o.session_id", scope, sink, progress,
                [](CsvLine& line, const Statement& st) {
                    line.number(st.int64(0)).number(st.int64(1)).number(st.int64(2));
                    line.number(number_at(st, 3));
                    resolution(line, st, 4);
                    resolution(line, st, 6);
                    for (int col = 8; col <= 11; ++col) {
                        line.number(number_at(st, col));
                    }
                    line.field(st.is_null(12) ? "" : st.text(12)).field(st.text(13));
                    for (int col = 14; col <= 17; ++col) {
                        line.number(number_at(st, col));
                    }
                });
}

} // namespace

std::int64_t write_csv_table(Connection& db, CsvTable table, const ExportScope& scope,
                             ExportSink& sink, const core::Progress& progress) {
    switch (table) {
    case CsvTable::sessions:
        return sessions(db, scope, sink, progress);
    case CsvTable::entries:
        return entries(db, scope, sink, progress);
    case CsvTable::flags:
        return flags(db, scope, sink, progress);
    case CsvTable::outcomes:
        return outcomes(db, scope, sink, progress);
    }
    return 0;
}

} // namespace punctum::storage::detail
