// Schema migrations, from every earlier version to the current one: rows keep their values
// (NULL scores stay NULL), the audit chain stays append-only, the new tables enforce their
// constraints, a migration that fails leaves nothing behind, and migrating again is a no-op.
// These tests use storage internals (schema.h, Connection) on a real SQLCipher database.

#include "audit_log.h"
#include "crypto.h"
#include "schema.h"
#include "sqlite/sql_error.h"
#include "vault_database.h"

#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storage = punctum::storage;
namespace core = punctum::core;
using storage::Connection;
using storage::SqlError;
using storage::Statement;

namespace {

/// A fresh encrypted database with a random raw key, brought to `version`.
struct MigrationDb {
    punctum::test::TempDir tmp;
    storage::SecureBytes key;
    std::unique_ptr<Connection> db;

    explicit MigrationDb(int version) {
        REQUIRE(storage::crypto::ready());
        key = storage::crypto::random_secret(storage::crypto::data_key_size);
        db = storage::open_vault_database(tmp.path() / "vault.db", key, 4096, /*create=*/true);
        storage::migrate(*db, version);
        REQUIRE(storage::schema_version(*db) == version);
    }
};

core::TimePoint at(int hour) {
    using namespace std::chrono;
    return sys_days{year{2026} / 3 / 3} + hours{hour};
}

/// What running `sql` gave: SQLITE_OK, or the extended code and message of the refusal.
struct Outcome {
    int code = SQLITE_OK;
    std::string message;
};

Outcome run(Connection& db, std::string_view sql) {
    try {
        db.exec(sql);
        return {};
    } catch (const SqlError& e) {
        return {e.sqlite_code(), e.what()};
    }
}

void accepts(Connection& db, std::string_view sql) {
    const Outcome out = run(db, sql);
    INFO(sql << "\n-> " << out.message);
    CHECK(out.code == SQLITE_OK);
}

/// `expected` is an extended code, so a refusal for the wrong reason (a typo'd column,
/// NOT NULL instead of CHECK) does not pass for the right one.
void refuses(Connection& db, std::string_view sql, int expected) {
    const Outcome out = run(db, sql);
    INFO(sql << "\n-> " << out.message);
    CHECK(out.code == expected);
}

std::vector<std::string> strings(Connection& db, std::string_view sql) {
    std::vector<std::string> out;
    Statement st(db, sql);
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

std::vector<std::string> columns_of(Connection& db, const std::string& table) {
    std::vector<std::string> out;
    Statement st(db, "PRAGMA table_info(" + table + ")");
    while (st.step()) {
        out.push_back(st.text(1));
    }
    return out;
}

using Columns = std::map<std::string, std::vector<std::string>>;

/// Every user table with its columns as they are now.
Columns all_columns(Connection& db) {
    Columns out;
    for (const auto& table : strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'")) {
        out[table] = columns_of(db, table);
    }
    return out;
}

/// Every row of the given tables over the given columns, each value as SQL's quote() gives
/// it (so NULL and 'NULL' differ). Comparing with `cols` taken before a migration shows
/// whether rows kept the values they had, whatever columns the migration added.
using Dump = std::map<std::string, std::vector<std::string>>;
Dump dump_rows(Connection& db, const Columns& cols) {
    Dump out;
    for (const auto& [table, names] : cols) {
        std::string select = "SELECT ''";
        for (const auto& c : names) {
            select += " || '|' || quote(\"" + c + "\")";
        }
        select += " FROM \"" + table + "\" ORDER BY rowid";
        out[table] = strings(db, select);
    }
    return out;
}

std::vector<std::string> schema_of(Connection& db) {
    return strings(db, "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master "
                       "ORDER BY type, name");
}

// Rows valid at version 1: two accounts, clients with and without the optional fields, a
// session with two areas, recovery entries with scores left unreported (NULL), audit events.
void seed_v1(Connection& db, const storage::SecureBytes& key) {
    db.exec(R"sql(
INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'abc123'), ('kind', 'clinic');
INSERT INTO accounts (id, name, display_name, role, created_at)
    VALUES (1, 'admin', 'Ada Admin', 'admin', '2026-03-01T08:00:00Z'),
           (2, 'pia', 'Pia Practitioner', 'practitioner', '2026-03-01T08:05:00Z');
UPDATE accounts SET removed_at = '2026-03-02T10:00:00Z' WHERE id = 2;
INSERT INTO clients (id, display_name, date_of_birth, fitzpatrick, notes, created_at, created_by)
    VALUES (1, 'Jane Roe', '1990-04-01', 3, 'sensitive skin', '2026-03-01T09:00:00Z', 1),
           (2, 'John Doe', NULL, NULL, '', '2026-03-01T09:01:00Z', 1);
INSERT INTO sessions (id, client_id, treated_on, device, notes, practitioner_id, created_at)
    VALUES (1, 1, '2026-03-01', 'Dermapen 4', 'first session', 2, '2026-03-01T10:00:00Z');
INSERT INTO session_areas (session_id, position, area, depth_mm, passes)
    VALUES (1, 0, 'cheeks', 1.5, 3), (1, 1, 'forehead', 0.5, 2);
INSERT INTO recovery_entries (id, session_id, observed_on, reporter, erythema, pain, warmth,
                              note, recorded_by, created_at)
    VALUES (1, 1, '2026-03-02', 'patient', 2, 3, 0, 'a bit tight', 1, '2026-03-02T08:00:00Z');
INSERT INTO recovery_entries (id, session_id, observed_on, reporter, recorded_by, created_at)
    VALUES (2, 1, '2026-03-03', 'clinician', 2, '2026-03-03T08:00:00Z');
)sql");
    storage::Transaction tx(db);
    storage::AuditLog::install_key(db, key);
    storage::AuditLog audit(db, storage::AuditLog::load_key(db));
    audit.append(at(9), core::AccountId{1}, "client.add", "client:1", "Jane Roe");
    audit.append(at(10), core::AccountId{2}, "session.add", "session:1", "cheeks|1.5|3");
    audit.append(at(11), core::AccountId{}, "vault.open", "vault:abc123", "");
    tx.commit();
}

// Rows valid at version 2, on top of seed_v1's, with ids and keys of their own so the
// version-2 checks below still find their slots free: an inactive norms profile, a consent
// and a review note. (Migration 3 only adds indexes; the rows must come through intact.)
void seed_v2(Connection& db, const storage::SecureBytes& /*key*/) {
    db.exec(R"sql(
INSERT INTO norms_profiles (id, profile_key, version, body, digest, adopted_at, adopted_by, active)
    VALUES (100, 'seeded', '9', '{}', x'00', '2026-03-01T08:00:00Z', 1, 0);
INSERT INTO client_consents (client_id, kind, granted, recorded_at, recorded_by)
    VALUES (2, 'publication', 0, '2026-03-01T09:30:00Z', 1);
INSERT INTO review_notes (id, session_id, body, created_at, created_by)
    VALUES (100, 1, 'looks fine', '2026-03-04T08:00:00Z', 1);
)sql");
}

// Version 3 added only indexes: the rows valid there are version 2's.
void seed_v3(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 4 added only an index: the rows valid there are version 2's.
void seed_v4(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 5 added only columns with defaults (the treatment record, tested on its own below):
// the rows valid there are version 2's.
void seed_v5(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 6 added the signature column and account_keys (tested with signing): the rows
// valid there are version 2's.
void seed_v6(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 7 added session_outcomes, filled by Vault::open (tested with outcomes): the rows
// valid there are version 2's.
void seed_v7(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 8 added session_signoffs (checked below): the rows valid there are version 2's.
void seed_v8(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

// Version 9 added the exchange tables (checked below): the rows valid there are version 2's.
void seed_v9(Connection& /*db*/, const storage::SecureBytes& /*key*/) {}

using Seeder = void (*)(Connection&, const storage::SecureBytes&);
// seeders[i] writes rows valid at version i + 1. When a migration is added, add a seeder for
// the version before it: the per-version test refuses to run without one.
constexpr std::array<Seeder, 9> seeders{seed_v1, seed_v2, seed_v3, seed_v4, seed_v5,
                                        seed_v6, seed_v7, seed_v8, seed_v9};

void seed_up_to(Connection& db, const storage::SecureBytes& key, int version) {
    for (int v = 1; v <= version; ++v) {
        seeders.at(static_cast<std::size_t>(v - 1))(db, key);
    }
}

/// The rows seed_v1 wrote, read back column by column: values and NULLs as written.
void check_v1_rows(Connection& db) {
    CHECK(db.query_int("SELECT count(*) FROM accounts") == 2);
    CHECK(db.query_text("SELECT removed_at FROM accounts WHERE id = 2") == "2026-03-02T10:00:00Z");
    CHECK(db.query_int("SELECT count(*) FROM clients WHERE id = 2 AND date_of_birth IS NULL "
                       "AND fitzpatrick IS NULL") == 1);
    CHECK(db.query_int("SELECT fitzpatrick FROM clients WHERE id = 1") == 3);
    CHECK(db.query_text("SELECT treated_on || ' ' || device || ' ' || practitioner_id "
                        "FROM sessions WHERE id = 1") == "2026-03-01 Dermapen 4 2");
    CHECK(strings(db, "SELECT area || ':' || depth_mm || ':' || passes FROM session_areas "
                      "WHERE session_id = 1 ORDER BY position") ==
          std::vector<std::string>{"cheeks:1.5:3", "forehead:0.5:2"});
    {
        Statement e(db, "SELECT erythema, edema, pain, itching, bruising, scabbing, dryness, "
                        "bleeding, warmth, pus, fever, blisters, hyperpigmentation, note "
                        "FROM recovery_entries WHERE id = 1");
        REQUIRE(e.step());
        CHECK(e.optional_int(0) == 2);
        CHECK(e.is_null(1)); // edema not reported: unknown, not 0
        CHECK(e.optional_int(2) == 3);
        for (int col = 3; col <= 7; ++col) {
            INFO("column " << col);
            CHECK(e.is_null(col));
        }
        CHECK(e.optional_int(8) == 0); // warmth reported as "no": 0, not NULL
        for (int col = 9; col <= 12; ++col) {
            INFO("column " << col);
            CHECK(e.is_null(col));
        }
        CHECK(e.text(13) == "a bit tight");
    }
    CHECK(db.query_int("SELECT count(*) FROM recovery_entries WHERE id = 2 AND "
                       "coalesce(erythema, edema, pain, itching, bruising, scabbing, dryness, "
                       "bleeding, warmth, pus, fever, blisters, hyperpigmentation) IS NULL") == 1);
    CHECK(strings(db, "SELECT seq || ' ' || ifnull(account_id, '-') || ' ' || action "
                      "FROM audit_events ORDER BY seq") ==
          std::vector<std::string>{"1 1 client.add", "2 2 session.add", "3 - vault.open"});
}

void check_sound(Connection& db) {
    CHECK(db.query_text("PRAGMA integrity_check") == "ok");
    CHECK(strings(db, "PRAGMA foreign_key_check").empty());
    CHECK(db.query_int("PRAGMA foreign_keys") == 1);
}

void check_audit_is_append_only(Connection& db) {
    REQUIRE(db.query_int("SELECT count(*) FROM audit_events") > 0);
    storage::AuditLog audit(db, storage::AuditLog::load_key(db));
    const storage::AuditReport report = audit.verify(std::nullopt);
    INFO(report.message);
    CHECK(report.ok);
    CHECK(report.events == 3);
    refuses(db, "UPDATE audit_events SET action = 'forged' WHERE seq = 1",
            SQLITE_CONSTRAINT_TRIGGER);
    refuses(db, "DELETE FROM audit_events WHERE seq = 1", SQLITE_CONSTRAINT_TRIGGER);
    if (storage::schema_version(db) >= 6) {
        // Events from before signing keep no signature; signing keys are append-only.
        CHECK(db.query_int("SELECT count(*) FROM audit_events WHERE signature IS NOT NULL") == 0);
        db.exec(
            "INSERT INTO account_keys (account_id, since_seq, public_key) VALUES (1, 4, x'00')");
        refuses(db, "UPDATE account_keys SET public_key = x'01'", SQLITE_CONSTRAINT_TRIGGER);
        refuses(db, "DELETE FROM account_keys", SQLITE_CONSTRAINT_TRIGGER);
    }
}

// The version-2 tables, each given a valid row and refused invalid ones. Expects seed_v1's
// accounts 1-2, client 1, session 1 and entry 1.
void check_v2_sessions_and_profiles(Connection& db) {
    CHECK(db.query_text("SELECT cartridge || immediate_response || aftercare_given || "
                        "ifnull(signed_at, 'unsigned') || ifnull(signed_by, '') || "
                        "ifnull(norms_profile_id, '') FROM sessions WHERE id = 1") == "unsigned");
    accepts(db, "INSERT INTO norms_profiles (id, profile_key, version, body, digest, adopted_at, "
                "adopted_by, active) VALUES (1, 'default', '1', '{}', randomblob(32), "
                "'2026-03-01T08:00:00Z', 1, 1)");
    accepts(db, "INSERT INTO norms_profiles (id, profile_key, version, body, digest, adopted_at) "
                "VALUES (2, 'default', '2', '{}', randomblob(32), '2026-03-02T08:00:00Z')");
    refuses(db, "UPDATE norms_profiles SET active = 1 WHERE id = 2", SQLITE_CONSTRAINT_UNIQUE);
    refuses(db,
            "INSERT INTO norms_profiles (profile_key, version, body, digest, adopted_at) "
            "VALUES ('default', '1', '{}', x'00', '2026-03-02T08:00:00Z')",
            SQLITE_CONSTRAINT_UNIQUE);
    refuses(db, "UPDATE norms_profiles SET active = 2 WHERE id = 2", SQLITE_CONSTRAINT_CHECK);
    refuses(db, "UPDATE norms_profiles SET adopted_by = 99 WHERE id = 2",
            SQLITE_CONSTRAINT_FOREIGNKEY);

    accepts(db, "UPDATE sessions SET cartridge = '36-pin', signed_at = '2026-03-01T11:00:00Z', "
                "signed_by = 2, norms_profile_id = 1 WHERE id = 1");
    refuses(db, "UPDATE sessions SET signed_by = 99 WHERE id = 1", SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "UPDATE sessions SET norms_profile_id = 99 WHERE id = 1",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "UPDATE sessions SET cartridge = NULL WHERE id = 1", SQLITE_CONSTRAINT_NOTNULL);

    accepts(db, "INSERT INTO session_products (session_id, position, name, lot_number) "
                "VALUES (1, 0, 'Hyaluronic serum', 'L123')");
    refuses(db, "INSERT INTO session_products (session_id, position, name) VALUES (1, 0, 'x')",
            SQLITE_CONSTRAINT_PRIMARYKEY);
    refuses(db, "INSERT INTO session_products (session_id, position, name) VALUES (99, 0, 'x')",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "INSERT INTO session_products (session_id, position, name) VALUES (1, -1, 'x')",
            SQLITE_CONSTRAINT_CHECK);
    accepts(db, "INSERT INTO session_addons (session_id, addon, detail) VALUES (1, 'prp', '')");
    refuses(db, "INSERT INTO session_addons (session_id, addon) VALUES (1, 'laser')",
            SQLITE_CONSTRAINT_CHECK);

    accepts(db, "INSERT INTO client_consents (client_id, kind, granted, recorded_at, "
                "recorded_by) VALUES (1, 'medical_record', 1, '2026-03-01T09:00:00Z', 1)");
    refuses(db,
            "INSERT INTO client_consents (client_id, kind, granted, recorded_at, "
            "recorded_by) VALUES (1, 'marketing', 1, '2026-03-01T09:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            "INSERT INTO client_consents (client_id, kind, granted, recorded_at, "
            "recorded_by) VALUES (1, 'publication', 2, '2026-03-01T09:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            "INSERT INTO client_consents (client_id, kind, granted, recorded_at) "
            "VALUES (1, 'publication', 0, '2026-03-01T09:00:00Z')",
            SQLITE_CONSTRAINT_NOTNULL);
}

void check_v2_screenings_and_photos(Connection& db) {
    const std::string screening =
        "INSERT INTO screenings (client_id, session_id, screened_on, depth_mm, input, verdict, "
        "reasons, norms_profile_id, override_justification, overridden_by, created_at, "
        "created_by) VALUES (1, 1, '2026-03-01', ";
    accepts(db,
            screening + "1.5, '{}', 'caution', '[]', 1, NULL, NULL, '2026-03-01T09:30:00Z', 1)");
    accepts(db, screening + "NULL, '{}', 'defer', '[]', NULL, 'seen by GP; cleared', 1, "
                            "'2026-03-01T09:31:00Z', 1)");
    refuses(db, screening + "1.5, '{}', 'maybe', '[]', 1, NULL, NULL, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db, screening + "0, '{}', 'proceed', '[]', 1, NULL, NULL, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    // An override needs both who and why.
    refuses(db, screening + "1.5, '{}', 'defer', '[]', 1, NULL, 1, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db, screening + "1.5, '{}', 'defer', '[]', 1, '', 1, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db, screening + "1.5, '{}', 'defer', '[]', 1, 'why', NULL, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            screening + "1.5, '{}', 'proceed', '[]', 99, NULL, NULL, '2026-03-01T09:30:00Z', 1)",
            SQLITE_CONSTRAINT_FOREIGNKEY);

    const std::string photo =
        "INSERT INTO photos (client_id, session_id, entry_id, taken_on, area, width, height, "
        "orientation, mime, original, preview, thumbnail, sha256, created_at, created_by) VALUES ";
    accepts(db, photo + "(1, 1, 1, '2026-03-02', 'cheeks', 4000, 3000, 6, 'image/jpeg', "
                        "x'ffd8', x'ffd8', x'ffd8', randomblob(32), '2026-03-02T08:00:00Z', 1)");
    CHECK(db.query_int("SELECT orientation FROM photos WHERE id = 1") == 6);
    refuses(db,
            photo + "(1, 1, 1, '2026-03-02', '', 40, 30, 1, 'image/gif', x'00', x'00', "
                    "x'00', randomblob(32), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            photo + "(1, 1, 1, '2026-03-02', '', 40, 30, 9, 'image/png', x'00', x'00', "
                    "x'00', randomblob(32), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            photo + "(1, 1, 1, '2026-03-02', '', 0, 30, 1, 'image/png', x'00', x'00', "
                    "x'00', randomblob(32), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            photo + "(1, 1, 1, '2026-03-02', '', 40, 30, 1, 'image/png', x'00', x'00', "
                    "x'00', randomblob(31), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            photo + "(1, 1, 99, '2026-03-02', '', 40, 30, 1, 'image/png', x'00', x'00', "
                    "x'00', randomblob(32), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db,
            photo + "(1, 1, 1, '2026-03-02', '', 40, 30, 1, 'image/png', NULL, x'00', "
                    "x'00', randomblob(32), '2026-03-02T08:00:00Z', 1)",
            SQLITE_CONSTRAINT_NOTNULL);

    const std::string analysis =
        "INSERT INTO photo_analyses (photo_id, roi, reference, width, height, pixels_used, "
        "a_star_median, a_star_p90, reference_a_star_median, delta_a_star, erythema_index, "
        "ita_deg, calibrated, created_at, created_by) VALUES ";
    accepts(db, analysis + "(1, '[]', '[]', 4000, 3000, 52000, 14.2, 17.9, 9.1, 5.1, 21.3, "
                           "-12.5, 1, '2026-03-02T08:01:00Z', 1)");
    refuses(db,
            analysis + "(99, '[]', '[]', 4000, 3000, 52000, 14.2, 17.9, 9.1, 5.1, 21.3, "
                       "-12.5, 1, '2026-03-02T08:01:00Z', 1)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db,
            analysis + "(1, '[]', '[]', 4000, 3000, 52000, 14.2, 17.9, 9.1, 5.1, 21.3, "
                       "-12.5, 2, '2026-03-02T08:01:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            analysis + "(1, '[]', '[]', 4000, 3000, 52000, 14.2, 17.9, 9.1, 5.1, 21.3, "
                       "120, 0, '2026-03-02T08:01:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            analysis + "(1, '[]', '[]', 4000, 3000, 0, 14.2, 17.9, 9.1, 5.1, 21.3, "
                       "-12.5, 0, '2026-03-02T08:01:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
}

void check_v2_flags_and_notes(Connection& db) {
    const std::string flag = "INSERT INTO flags (session_id, entry_id, rule_id, severity, symptom, "
                             "day, message, source, norms_profile_id, state, raised_at, reason) "
                             "VALUES ";
    accepts(db, flag + "(1, 1, 'erythema.lasting', 'watch', 'erythema', 1, 'Redness lasts', "
                       "'SkinPen', 1, 'open', '2026-03-02T08:00:00Z', '')");
    CHECK(db.query_text("SELECT state FROM flags WHERE id = 1") == "open");
    refuses(db,
            flag + "(1, 1, 'erythema.lasting', 'severe', 'erythema', 2, 'm', 's', NULL, "
                   "'open', '2026-03-02T08:00:00Z', '')",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            flag + "(1, 1, 'erythema.lasting', 'watch', 'erythema', 1, 'again', 's', NULL, "
                   "'open', '2026-03-02T08:00:00Z', '')",
            SQLITE_CONSTRAINT_UNIQUE);
    refuses(db,
            flag + "(1, 1, 'fever', 'urgent', 'fever', 2, 'm', 's', NULL, 'closed', "
                   "'2026-03-02T08:00:00Z', '')",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            flag + "(1, 1, 'fever', 'urgent', 'fever', -1, 'm', 's', NULL, 'open', "
                   "'2026-03-02T08:00:00Z', '')",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            flag + "(99, NULL, 'fever', 'urgent', 'fever', 2, 'm', 's', NULL, 'open', "
                   "'2026-03-02T08:00:00Z', '')",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "UPDATE flags SET state = 'dismissed' WHERE id = 1", SQLITE_CONSTRAINT_CHECK);
    accepts(db, "UPDATE flags SET state = 'dismissed', reason = 'seen in clinic, expected', "
                "state_changed_at = '2026-03-02T09:00:00Z', state_changed_by = 1 WHERE id = 1");

    accepts(db, "INSERT INTO flag_events (flag_id, state, at, account_id, reason) "
                "VALUES (1, 'dismissed', '2026-03-02T09:00:00Z', 1, 'seen in clinic')");
    refuses(db,
            "INSERT INTO flag_events (flag_id, state, at) VALUES (1, 'dismissed', "
            "'2026-03-02T09:00:00Z')",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            "INSERT INTO flag_events (flag_id, state, at) VALUES (1, 'closed', "
            "'2026-03-02T09:00:00Z')",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            "INSERT INTO flag_events (flag_id, state, at) VALUES (99, 'open', "
            "'2026-03-02T09:00:00Z')",
            SQLITE_CONSTRAINT_FOREIGNKEY);

    accepts(db, "INSERT INTO review_notes (session_id, body, created_at, created_by) "
                "VALUES (1, 'Healing as expected.', '2026-03-04T10:00:00Z', 1)");
    refuses(db,
            "INSERT INTO review_notes (session_id, body, created_at, created_by) "
            "VALUES (1, '', '2026-03-04T10:00:00Z', 1)",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db,
            "INSERT INTO review_notes (session_id, body, created_at, created_by) "
            "VALUES (1, 'x', '2026-03-04T10:00:00Z', 99)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
}

// Migration 7: a session's stored outcome, one row per session, its flags' worst severity
// and resolution flags checked.
void check_v7_outcomes(Connection& db) {
    const std::string outcome =
        "INSERT INTO session_outcomes (session_id, entries, last_logged_day, erythema_day, "
        "erythema_resolved, first_week_days_logged, info_flags, watch_flags, urgent_flags, "
        "worst_severity, outcome) VALUES ";
    accepts(db, outcome + "(1, 3, 5, 4, 1, 3, 0, 1, 0, 'watch', 'beyond_course')");
    refuses(db, outcome + "(1, 3, 5, 4, 1, 3, 0, 1, 0, 'watch', 'beyond_course')",
            SQLITE_CONSTRAINT_PRIMARYKEY);
    refuses(db, outcome + "(99, 0, NULL, NULL, NULL, 0, 0, 0, 0, NULL, 'no_check_ins')",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "UPDATE session_outcomes SET erythema_resolved = 2 WHERE session_id = 1",
            SQLITE_CONSTRAINT_CHECK);
    refuses(db, "UPDATE session_outcomes SET worst_severity = 'severe' WHERE session_id = 1",
            SQLITE_CONSTRAINT_CHECK);
}

// Migration 8: sign-off steps. A comment or finding is required, a reply to a finding is
// not; the states are the three named; rows are never changed or removed.
void check_v8_signoffs(Connection& db) {
    const std::string step =
        "INSERT INTO session_signoffs (session_id, state, note, at, by) VALUES ";
    accepts(db, step + "(1, 'returned', 'Add the lot.', '2026-03-04T10:00:00Z', 1)");
    accepts(db, step + "(1, 'addressed', '', '2026-03-04T11:00:00Z', 1)");
    accepts(db, step + "(1, 'reviewed', 'Complete.', '2026-03-04T12:00:00Z', 1)");
    refuses(db, step + "(1, 'reviewed', '', '2026-03-04T12:00:00Z', 1)", SQLITE_CONSTRAINT_CHECK);
    refuses(db, step + "(1, 'returned', '', '2026-03-04T12:00:00Z', 1)", SQLITE_CONSTRAINT_CHECK);
    refuses(db, step + "(1, 'approved', 'x', '2026-03-04T12:00:00Z', 1)", SQLITE_CONSTRAINT_CHECK);
    refuses(db, step + "(99, 'reviewed', 'x', '2026-03-04T12:00:00Z', 1)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, step + "(1, 'reviewed', 'x', '2026-03-04T12:00:00Z', 99)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, "UPDATE session_signoffs SET note = 'changed'", SQLITE_CONSTRAINT_TRIGGER);
    refuses(db, "DELETE FROM session_signoffs", SQLITE_CONSTRAINT_TRIGGER);
}

// Migration 9: exchange files. One clinic key pair, never changed; a pairing names a real
// session and keeps a 32-byte secret; a merged id maps to an entry or a photo, never both.
void check_v9_exchange(Connection& db) {
    const std::string identity = "INSERT INTO exchange_identity (id, box_public, box_secret, "
                                 "sign_public, sign_secret, created_at, created_by) VALUES ";
    const std::string keys = "zeroblob(32), zeroblob(32), zeroblob(32), zeroblob(64), "
                             "'2026-03-04T10:00:00Z', 1)";
    refuses(db, identity + "(2, " + keys, SQLITE_CONSTRAINT_CHECK);
    accepts(db, identity + "(1, " + keys);
    refuses(db, "UPDATE exchange_identity SET created_by = 1", SQLITE_CONSTRAINT_TRIGGER);
    refuses(db, "DELETE FROM exchange_identity", SQLITE_CONSTRAINT_TRIGGER);
    const std::string pairing = "INSERT INTO exchange_pairings (pairing_id, plan_id, session_id, "
                                "pairing_secret, pairing_code, created_at, created_by) VALUES ";
    accepts(db, pairing + "('p1', 'plan1', 1, zeroblob(32), 'ABCDE-FGHJK', 'x', 1)");
    refuses(db, pairing + "('p2', 'plan2', 99, zeroblob(32), 'c', 'x', 1)",
            SQLITE_CONSTRAINT_FOREIGNKEY);
    refuses(db, pairing + "('p3', 'plan3', 1, zeroblob(16), 'c', 'x', 1)", SQLITE_CONSTRAINT_CHECK);
    const std::string record =
        "INSERT INTO exchange_records (pairing_id, uid, entry_id, photo_id) VALUES ";
    refuses(db, record + "('p1', 'e1', NULL, NULL)", SQLITE_CONSTRAINT_CHECK);
    refuses(db, record + "('p9', 'e1', 1, NULL)", SQLITE_CONSTRAINT_FOREIGNKEY);
}

const std::vector<std::string> v2_tables{
    "client_consents", "flag_events",  "flags",      "norms_profiles", "photo_analyses",
    "photos",          "review_notes", "screenings", "session_addons", "session_products"};

std::vector<std::string> present_v2_tables(Connection& db) {
    std::vector<std::string> out;
    for (const auto& t : v2_tables) {
        Statement st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        st.bind(1, t);
        if (st.step()) {
            out.push_back(t);
        }
    }
    return out;
}

} // namespace

TEST_CASE("storage: migration from every earlier version keeps rows and constraints", "[storage]") {
    const int current = storage::current_schema_version();
    REQUIRE(current >= 2); // the checks below are for the tables migration 2 made
    // Without a seeder for a version, vaults at that version would go untested.
    REQUIRE(static_cast<int>(seeders.size()) == current - 1);

    std::vector<std::string> schema_from_scratch;
    {
        MigrationDb fresh(current);
        schema_from_scratch = schema_of(*fresh.db);
    }

    const int from = GENERATE(range(0, storage::current_schema_version()));
    CAPTURE(from);
    MigrationDb m(from);
    Connection& db = *m.db;
    seed_up_to(db, m.key, from);
    const auto old_columns = all_columns(db);
    const Dump before = dump_rows(db, old_columns);

    storage::migrate(db, current);

    CHECK(storage::schema_version(db) == current);
    CHECK(db.query_int("PRAGMA user_version") == current);
    CHECK(schema_of(db) == schema_from_scratch); // every path ends at the same schema
    CHECK(dump_rows(db, old_columns) == before);
    if (from == 0) {
        seed_v1(db, m.key); // the parents the new tables' rows refer to
    }
    check_v1_rows(db);
    check_sound(db);
    check_audit_is_append_only(db);
    check_v2_sessions_and_profiles(db);
    check_v2_screenings_and_photos(db);
    check_v2_flags_and_notes(db);
    check_v7_outcomes(db);
    check_v8_signoffs(db);
    check_v9_exchange(db);
    check_sound(db);
    check_v1_rows(db); // refused statements left no trace behind them
}

TEST_CASE("storage: the indexes of migrations 2 to 4 serve the named queries", "[storage]") {
    MigrationDb m(storage::current_schema_version());
    const std::vector<std::string> queries{
        "SELECT id FROM flags WHERE state = 'open' ORDER BY severity",
        "SELECT id FROM flags WHERE session_id = 1",
        "SELECT id FROM flag_events WHERE flag_id = 1",
        "SELECT id FROM screenings WHERE client_id = 1 ORDER BY screened_on",
        "SELECT id FROM photos WHERE session_id = 1",
        "SELECT id FROM photos WHERE entry_id = 1",
        "SELECT id FROM photo_analyses WHERE photo_id = 1",
        "SELECT id FROM review_notes WHERE session_id = 1",
        "SELECT name FROM session_products WHERE session_id = 1 ORDER BY position",
        "SELECT addon FROM session_addons WHERE session_id = 1",
        "SELECT id FROM norms_profiles WHERE active = 1",
        // migration 3: the audit trail by client, the review list by date
        "SELECT seq FROM audit_events WHERE object IN ('client:1', 'session:2')",
        "SELECT id FROM sessions WHERE treated_on >= '2026-01-01' ORDER BY treated_on DESC, id "
        "DESC",
    };
    for (const auto& q : queries) {
        std::string plan;
        Statement st(*m.db, "EXPLAIN QUERY PLAN " + q);
        while (st.step()) {
            plan += st.text(3) + "; ";
        }
        INFO(q << "\n-> " << plan);
        CHECK(plan.find("SEARCH TABLE") != std::string::npos); // an index lookup, no scan
        CHECK(plan.find("TEMP B-TREE") == std::string::npos);  // no sort after the lookup
    }
}

TEST_CASE("storage: migration that fails midway leaves the previous version intact", "[storage]") {
    MigrationDb m(1);
    Connection& db = *m.db;
    seed_v1(db, m.key);
    db.exec("CREATE TABLE photos (x)"); // migration 2 creates photos after other tables
    const auto cols = all_columns(db);
    const Dump before = dump_rows(db, cols);
    const auto schema_before = schema_of(db);

    REQUIRE_THROWS_AS(storage::migrate(db, storage::current_schema_version()), SqlError);

    CHECK(storage::schema_version(db) == 1);
    CHECK(present_v2_tables(db) == std::vector<std::string>{"photos"});
    CHECK(columns_of(db, "photos") == std::vector<std::string>{"x"});
    CHECK(columns_of(db, "sessions").size() == 7); // none of the columns migration 2 adds
    CHECK(schema_of(db) == schema_before);
    CHECK(dump_rows(db, cols) == before);
    check_sound(db);
    check_audit_is_append_only(db);

    // Once the obstacle is gone the same migration runs to the end.
    db.exec("DROP TABLE photos");
    storage::migrate(db, storage::current_schema_version());
    CHECK(storage::schema_version(db) == storage::current_schema_version());
    CHECK(present_v2_tables(db) == v2_tables);
    check_v1_rows(db);
}

TEST_CASE("storage: migration run twice is a no-op", "[storage]") {
    MigrationDb m(1);
    Connection& db = *m.db;
    seed_v1(db, m.key);
    storage::migrate(db, storage::current_schema_version());
    const auto schema = schema_of(db);
    const Columns cols = all_columns(db);
    const Dump rows = dump_rows(db, cols);
    const auto cookie = db.query_int("PRAGMA schema_version");
    const auto changes = db.query_int("SELECT total_changes()");

    storage::migrate(db, storage::current_schema_version());
    storage::migrate(db, 1); // an older target never goes backwards

    CHECK(storage::schema_version(db) == storage::current_schema_version());
    CHECK(db.query_int("PRAGMA schema_version") == cookie); // no DDL ran
    CHECK(db.query_int("SELECT total_changes()") == changes);
    CHECK(schema_of(db) == schema);
    CHECK(dump_rows(db, cols) == rows);
    check_sound(db);
}

namespace {

// Migration 5's treatment record: rows of version 4 with a product and a photo, so the new
// columns of session_products and photos have rows to default.
void seed_v4_record_rows(Connection& db) {
    db.exec(R"sql(
INSERT INTO session_products (session_id, position, name, lot_number)
    VALUES (1, 0, 'hyaluronic serum', 'HA-7');
INSERT INTO photos (id, client_id, session_id, entry_id, taken_on, area, width, height, mime,
                    original, preview, thumbnail, sha256, created_at, created_by)
    VALUES (50, 1, 1, 1, '2026-03-02', 'cheeks', 4, 3, 'image/jpeg', x'00', x'00', x'00',
            zeroblob(32), '2026-03-02T08:10:00Z', 1);
)sql");
}

const std::vector<std::string> session_record_columns{
    "indication",           "indication_detail",     "scar_grade",          "course_sessions",
    "course_interval_days", "anaesthetic",           "anaesthetic_minutes", "skin_prep",
    "cartridge_lot",        "cartridge_expiry",      "device_serial",       "endpoint_erythema",
    "endpoint_bleeding",    "antiviral_prophylaxis", "consent_form",        "consent_version"};

} // namespace

TEST_CASE("storage: migration 5 keeps a v4 vault's rows and reads the treatment record as "
          "not recorded",
          "[storage][migration][record]") {
    MigrationDb m(4);
    Connection& db = *m.db;
    seed_up_to(db, m.key, 4);
    seed_v4_record_rows(db);
    const auto old_columns = all_columns(db);
    const Dump before = dump_rows(db, old_columns);

    storage::migrate(db, 5);
    REQUIRE(storage::schema_version(db) == 5);
    CHECK(dump_rows(db, old_columns) == before);

    // Every new column is there, and reads as not recorded: '' or NULL, never 0.
    const auto cols = columns_of(db, "sessions");
    for (const auto& c : session_record_columns) {
        INFO(c);
        CHECK(std::find(cols.begin(), cols.end(), c) != cols.end());
    }
    CHECK(strings(db, "SELECT quote(indication) || quote(indication_detail) || "
                      "quote(scar_grade) || quote(course_sessions) || "
                      "quote(course_interval_days) || quote(anaesthetic) || "
                      "quote(anaesthetic_minutes) || quote(skin_prep) || quote(cartridge_lot) || "
                      "quote(cartridge_expiry) || quote(device_serial) || "
                      "quote(endpoint_erythema) || quote(endpoint_bleeding) || "
                      "quote(antiviral_prophylaxis) || quote(consent_form) || "
                      "quote(consent_version) FROM sessions WHERE id = 1") ==
          std::vector<std::string>{"''''NULLNULLNULL''NULL''''NULL''NULLNULLNULL''''"});
    CHECK(strings(db, "SELECT phase FROM session_products WHERE session_id = 1") ==
          std::vector<std::string>{"procedure"});
    CHECK(strings(db, "SELECT quote(gais_practitioner) || quote(gais_patient) "
                      "FROM recovery_entries ORDER BY id") ==
          std::vector<std::string>{"NULLNULL", "NULLNULL"});
    CHECK(strings(db, "SELECT quote(photo_view) FROM photos WHERE id = 50") ==
          std::vector<std::string>{"''"});
    check_sound(db);
}

TEST_CASE("storage: migration 5's columns keep to their scales", "[storage][migration][record]") {
    MigrationDb m(storage::current_schema_version());
    Connection& db = *m.db;
    seed_v1(db, m.key);
    seed_v4_record_rows(db);
    const auto set = [&](const std::string& assignment) {
        return "UPDATE sessions SET " + assignment + " WHERE id = 1";
    };
    for (const char* ok : {"indication = 'acne_scars'",
                           "indication = 'fine_lines'",
                           "indication = 'texture_tone'",
                           "indication = 'pores'",
                           "indication = 'stretch_marks'",
                           "indication = 'other'",
                           "indication = ''",
                           "scar_grade = 1",
                           "scar_grade = 4",
                           "course_sessions = 1",
                           "course_sessions = 20",
                           "course_interval_days = 1",
                           "course_interval_days = 365",
                           "anaesthetic_minutes = 0",
                           "anaesthetic_minutes = 240",
                           "endpoint_erythema = 0",
                           "endpoint_erythema = 4",
                           "endpoint_bleeding = 0",
                           "endpoint_bleeding = 3",
                           "antiviral_prophylaxis = 0",
                           "antiviral_prophylaxis = 1",
                           "antiviral_prophylaxis = NULL",
                           "cartridge_expiry = '2027-01-31'"}) {
        accepts(db, set(ok));
    }
    for (const char* bad :
         {"indication = 'acne'", "scar_grade = 0", "scar_grade = 5", "course_sessions = 0",
          "course_sessions = 21", "course_interval_days = 0", "course_interval_days = 366",
          "anaesthetic_minutes = -1", "anaesthetic_minutes = 241", "endpoint_erythema = -1",
          "endpoint_erythema = 5", "endpoint_bleeding = -1", "endpoint_bleeding = 4",
          "antiviral_prophylaxis = 2"}) {
        refuses(db, set(bad), SQLITE_CONSTRAINT_CHECK);
    }
    accepts(db, "UPDATE session_products SET phase = 'aftercare'");
    refuses(db, "UPDATE session_products SET phase = 'after'", SQLITE_CONSTRAINT_CHECK);
    for (const char* ok : {"1", "5", "NULL"}) {
        accepts(db, std::string("UPDATE recovery_entries SET gais_practitioner = ") + ok +
                        ", gais_patient = " + ok);
    }
    for (const char* bad : {"0", "6"}) {
        refuses(db, std::string("UPDATE recovery_entries SET gais_practitioner = ") + bad,
                SQLITE_CONSTRAINT_CHECK);
        refuses(db, std::string("UPDATE recovery_entries SET gais_patient = ") + bad,
                SQLITE_CONSTRAINT_CHECK);
    }
    for (const char* ok : {"front", "left", "right", "oblique", ""}) {
        accepts(db, std::string("UPDATE photos SET photo_view = '") + ok + "'");
    }
    refuses(db, "UPDATE photos SET photo_view = 'profile'", SQLITE_CONSTRAINT_CHECK);
    check_sound(db);
}
