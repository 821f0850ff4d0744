#include "schema.h"

#include <array>
#include <string>
#include <string_view>

namespace punctum::storage {
namespace {

// Migration 1: accounts, clients, sessions with their areas, recovery entries, and the
// append-only audit chain. Score columns are NULL when not reported (unknown is not 0).
constexpr std::string_view migration_1 = R"sql(
CREATE TABLE vault_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'practitioner', 'reviewer', 'patient')),
    created_at   TEXT NOT NULL,
    removed_at   TEXT
);
CREATE TABLE clients (
    id            INTEGER PRIMARY KEY,
    display_name  TEXT NOT NULL,
    date_of_birth TEXT,
    fitzpatrick   INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX clients_by_name ON clients (display_name COLLATE NOCASE, id);
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id),
    treated_on      TEXT NOT NULL,
    device          TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    practitioner_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at      TEXT NOT NULL
);
CREATE INDEX sessions_by_client ON sessions (client_id, treated_on);
CREATE TABLE session_areas (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    position   INTEGER NOT NULL,
    area       TEXT NOT NULL,
    depth_mm   REAL NOT NULL CHECK (depth_mm > 0),
    passes     INTEGER NOT NULL CHECK (passes >= 1),
    PRIMARY KEY (session_id, position)
);
CREATE TABLE recovery_entries (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions(id),
    observed_on       TEXT NOT NULL,
    reporter          TEXT NOT NULL CHECK (reporter IN ('patient', 'clinician')),
    erythema          INTEGER CHECK (erythema BETWEEN 0 AND 4),
    edema             INTEGER CHECK (edema BETWEEN 0 AND 4),
    pain              INTEGER CHECK (pain BETWEEN 0 AND 10),
    itching           INTEGER CHECK (itching BETWEEN 0 AND 3),
    bruising          INTEGER CHECK (bruising BETWEEN 0 AND 3),
    scabbing          INTEGER CHECK (scabbing BETWEEN 0 AND 3),
    dryness           INTEGER CHECK (dryness BETWEEN 0 AND 3),
    bleeding          INTEGER CHECK (bleeding BETWEEN 0 AND 3),
    warmth            INTEGER CHECK (warmth IN (0, 1)),
    pus               INTEGER CHECK (pus IN (0, 1)),
    fever             INTEGER CHECK (fever IN (0, 1)),
    blisters          INTEGER CHECK (blisters IN (0, 1)),
    hyperpigmentation INTEGER CHECK (hyperpigmentation IN (0, 1)),
    note              TEXT NOT NULL DEFAULT '',
    recorded_by       INTEGER NOT NULL REFERENCES accounts(id),
    created_at        TEXT NOT NULL
);
CREATE INDEX entries_by_session ON recovery_entries (session_id, observed_on);
CREATE TABLE audit_events (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    account_id INTEGER,
    action     TEXT NOT NULL,
    object     TEXT NOT NULL,
    digest     BLOB NOT NULL,
    mac        BLOB NOT NULL
);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
)sql";

constexpr std::array<std::string_view, 1> migrations{migration_1};

} // namespace

int current_schema_version() { return static_cast<int>(migrations.size()); }

int schema_version(Connection& db) { return static_cast<int>(db.query_int("PRAGMA user_version")); }

void migrate(Connection& db, int target) {
    for (int v = schema_version(db); v < target; ++v) {
        Transaction tx(db);
        db.exec(migrations.at(static_cast<std::size_t>(v)));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

} // namespace punctum::storage
