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

// Migration 2: what a session records beyond its areas (cartridge, products, add-ons,
// sign-off), consents, adopted norms profiles, screenings, photos with their redness
// analyses, recovery flags with their history, and review notes. Only CREATE and
// ALTER ... ADD COLUMN, so existing rows are untouched; added columns carry defaults.
// norms_profiles comes first: sessions gains a column that refers to it.
// A flag's UNIQUE (session_id, ...) index and the PRIMARY KEYs of session_products and
// session_addons already serve lookups by session_id, so no second index is made for them.
constexpr std::string_view migration_2 = R"sql(
CREATE TABLE norms_profiles (
    id          INTEGER PRIMARY KEY,
    profile_key TEXT NOT NULL,
    version     TEXT NOT NULL,
    body        TEXT NOT NULL,
    digest      BLOB NOT NULL,
    adopted_at  TEXT NOT NULL,
    adopted_by  INTEGER REFERENCES accounts(id),
    active      INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    UNIQUE (profile_key, version)
);
CREATE UNIQUE INDEX norms_profiles_one_active ON norms_profiles (active) WHERE active = 1;
ALTER TABLE sessions ADD COLUMN cartridge TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN immediate_response TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN aftercare_given TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN signed_at TEXT;
ALTER TABLE sessions ADD COLUMN signed_by INTEGER REFERENCES accounts(id);
ALTER TABLE sessions ADD COLUMN norms_profile_id INTEGER REFERENCES norms_profiles(id);
CREATE TABLE session_products (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    name       TEXT NOT NULL,
    lot_number TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, position)
);
CREATE TABLE session_addons (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    addon      TEXT NOT NULL CHECK (addon IN ('prp', 'rf', 'other')),
    detail     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, addon)
);
CREATE TABLE client_consents (
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    kind        TEXT NOT NULL
                CHECK (kind IN ('medical_record', 'in_clinic_display', 'publication')),
    granted     INTEGER NOT NULL CHECK (granted IN (0, 1)),
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (client_id, kind)
);
CREATE TABLE screenings (
    id                     INTEGER PRIMARY KEY,
    client_id              INTEGER NOT NULL REFERENCES clients(id),
    session_id             INTEGER REFERENCES sessions(id),
    screened_on            TEXT NOT NULL,
    depth_mm               REAL CHECK (depth_mm > 0),
    input                  TEXT NOT NULL,
    verdict                TEXT NOT NULL
                           CHECK (verdict IN ('proceed', 'caution', 'defer', 'refer', 'decline')),
    earliest_date          TEXT,
    reasons                TEXT NOT NULL,
    norms_profile_id       INTEGER REFERENCES norms_profiles(id),
    override_justification TEXT,
    overridden_by          INTEGER REFERENCES accounts(id),
    created_at             TEXT NOT NULL,
    created_by             INTEGER NOT NULL REFERENCES accounts(id),
    -- An override names who made it and why; neither stands alone. (Each side is written
    -- to be TRUE or FALSE, never NULL: a CHECK that yields NULL passes.)
    CHECK ((overridden_by IS NULL AND override_justification IS NULL) OR
           (overridden_by IS NOT NULL AND override_justification IS NOT NULL AND
            length(override_justification) > 0))
);
CREATE INDEX screenings_by_client ON screenings (client_id, screened_on);
CREATE TABLE photos (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    session_id  INTEGER REFERENCES sessions(id),
    entry_id    INTEGER REFERENCES recovery_entries(id),
    taken_on    TEXT NOT NULL,
    area        TEXT NOT NULL DEFAULT '',
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    orientation INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
    mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    original    BLOB NOT NULL,
    preview     BLOB NOT NULL,
    thumbnail   BLOB NOT NULL,
    sha256      BLOB NOT NULL CHECK (length(sha256) = 32),
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX photos_by_session ON photos (session_id);
CREATE INDEX photos_by_entry ON photos (entry_id);
CREATE TABLE photo_analyses (
    id                      INTEGER PRIMARY KEY,
    photo_id                INTEGER NOT NULL REFERENCES photos(id),
    roi                     TEXT NOT NULL,
    reference               TEXT NOT NULL,
    width                   INTEGER NOT NULL CHECK (width > 0),
    height                  INTEGER NOT NULL CHECK (height > 0),
    pixels_used             INTEGER NOT NULL CHECK (pixels_used > 0),
    a_star_median           REAL NOT NULL,
    a_star_p90              REAL NOT NULL,
    reference_a_star_median REAL NOT NULL,
    delta_a_star            REAL NOT NULL,
    erythema_index          REAL NOT NULL,
    ita_deg                 REAL NOT NULL CHECK (ita_deg BETWEEN -90 AND 90),
    calibrated              INTEGER NOT NULL CHECK (calibrated IN (0, 1)),
    created_at              TEXT NOT NULL,
    created_by              INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX photo_analyses_by_photo ON photo_analyses (photo_id);
CREATE TABLE flags (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions(id),
    entry_id         INTEGER REFERENCES recovery_entries(id),
    rule_id          TEXT NOT NULL,
    severity         TEXT NOT NULL CHECK (severity IN ('info', 'watch', 'urgent')),
    symptom          TEXT NOT NULL DEFAULT '',
    day              INTEGER NOT NULL CHECK (day >= 0),
    message          TEXT NOT NULL,
    source           TEXT NOT NULL,
    norms_profile_id INTEGER REFERENCES norms_profiles(id),
    state            TEXT NOT NULL DEFAULT 'open'
                     CHECK (state IN ('open', 'acknowledged', 'resolved', 'dismissed')),
    raised_at        TEXT NOT NULL,
    state_changed_at TEXT,
    state_changed_by INTEGER REFERENCES accounts(id),
    reason           TEXT NOT NULL DEFAULT '',
    CHECK (state <> 'dismissed' OR length(reason) > 0),
    UNIQUE (session_id, rule_id, symptom, day)
);
CREATE INDEX flags_by_state ON flags (state, severity);
CREATE TABLE flag_events (
    id         INTEGER PRIMARY KEY,
    flag_id    INTEGER NOT NULL REFERENCES flags(id),
    state      TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved', 'dismissed')),
    at         TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts(id),
    reason     TEXT NOT NULL DEFAULT '',
    CHECK (state <> 'dismissed' OR length(reason) > 0)
);
CREATE INDEX flag_events_by_flag ON flag_events (flag_id);
CREATE TABLE review_notes (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    body       TEXT NOT NULL CHECK (length(body) > 0),
    created_at TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX review_notes_by_session ON review_notes (session_id);
)sql";

// Migration 3: the reviewer's audit trail filters by client, which means finding the events
// of a client's records by their object text; without an index that reads every event.
// Flags are read by session for the review list (the UNIQUE index leads with session_id).
constexpr std::string_view migration_3 = R"sql(
CREATE INDEX audit_by_object ON audit_events (object);
CREATE INDEX sessions_by_date ON sessions (treated_on, id);
)sql";

// Migration 4: the audit trail filtered by action. Equality on action then walks this index
// in seq order and stops after a page, instead of reading every event for a rare action.
constexpr std::string_view migration_4 = R"sql(
CREATE INDEX audit_by_action ON audit_events (action, seq);
)sql";

// Migration 5: the clinical record of round two. A client's lasting medical history (shown
// and re-confirmed at each screening, which records that it was); why a session was given
// (indication, Goodman-Baron scar grade, course plan) and the treatment record a
// practitioner keeps (anaesthetic and contact time, skin preparation, cartridge lot and
// expiry, device serial, structured endpoint, antiviral prophylaxis, consent form and
// version); products used after the procedure apart from those used during it; the Global
// Aesthetic Improvement Scale (1 very much improved .. 5 worse) at follow-ups; and the view
// of each photo so compare pairs like with like. ADD COLUMN only: existing rows keep their
// values and read the defaults (empty, NULL = not recorded).
constexpr std::string_view migration_5 = R"sql(
ALTER TABLE clients ADD COLUMN allergies TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN sensitivities TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN medications TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN conditions TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN history_updated_at TEXT;
ALTER TABLE screenings ADD COLUMN history_confirmed INTEGER NOT NULL DEFAULT 0
    CHECK (history_confirmed IN (0, 1));
ALTER TABLE sessions ADD COLUMN indication TEXT NOT NULL DEFAULT ''
    CHECK (indication IN ('', 'acne_scars', 'fine_lines', 'texture_tone', 'pores',
                          'stretch_marks', 'other'));
ALTER TABLE sessions ADD COLUMN indication_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN scar_grade INTEGER CHECK (scar_grade BETWEEN 1 AND 4);
ALTER TABLE sessions ADD COLUMN course_sessions INTEGER CHECK (course_sessions BETWEEN 1 AND 20);
ALTER TABLE sessions ADD COLUMN course_interval_days INTEGER
    CHECK (course_interval_days BETWEEN 1 AND 365);
ALTER TABLE sessions ADD COLUMN anaesthetic TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN anaesthetic_minutes INTEGER
    CHECK (anaesthetic_minutes BETWEEN 0 AND 240);
ALTER TABLE sessions ADD COLUMN skin_prep TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN cartridge_lot TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN cartridge_expiry TEXT;
ALTER TABLE sessions ADD COLUMN device_serial TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN endpoint_erythema INTEGER CHECK (endpoint_erythema BETWEEN 0 AND 4);
ALTER TABLE sessions ADD COLUMN endpoint_bleeding INTEGER CHECK (endpoint_bleeding BETWEEN 0 AND 3);
ALTER TABLE sessions ADD COLUMN antiviral_prophylaxis INTEGER
    CHECK (antiviral_prophylaxis IN (0, 1));
ALTER TABLE sessions ADD COLUMN consent_form TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN consent_version TEXT NOT NULL DEFAULT '';
ALTER TABLE session_products ADD COLUMN phase TEXT NOT NULL DEFAULT 'procedure'
    CHECK (phase IN ('procedure', 'aftercare'));
ALTER TABLE recovery_entries ADD COLUMN gais_practitioner INTEGER
    CHECK (gais_practitioner BETWEEN 1 AND 5);
ALTER TABLE recovery_entries ADD COLUMN gais_patient INTEGER CHECK (gais_patient BETWEEN 1 AND 5);
ALTER TABLE photos ADD COLUMN photo_view TEXT NOT NULL DEFAULT ''
    CHECK (photo_view IN ('', 'front', 'left', 'right', 'oblique'));
)sql";

// Migration 6: per-account signatures on the audit chain (see signing.h). Events written
// before it keep a NULL signature and stay verified by their MAC alone; account_keys holds
// each account's signing keys from the event that registered them, append-only like the
// events themselves.
constexpr std::string_view migration_6 = R"sql(
ALTER TABLE audit_events ADD COLUMN signature BLOB;
CREATE TABLE account_keys (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    since_seq  INTEGER NOT NULL,
    public_key BLOB NOT NULL,
    PRIMARY KEY (account_id, since_seq)
);
CREATE TRIGGER account_keys_no_update BEFORE UPDATE ON account_keys
BEGIN SELECT RAISE(ABORT, 'signing keys cannot be changed'); END;
CREATE TRIGGER account_keys_no_delete BEFORE DELETE ON account_keys
BEGIN SELECT RAISE(ABORT, 'signing keys cannot be deleted'); END;
)sql";

// Migration 7: each session's outcome (core/outcomes/session_outcome.h), kept by storage as
// entries land (outcome_sync.h) so cohort statistics read a row per session, not every entry.
// Days are days after treatment; a resolution day with resolved = 0 is where it was censored
// (last scored, still above 1); NULL day: never scored. The expected resolve-by days are the
// norms profile's for that session. Vault::open fills it for sessions made before.
constexpr std::string_view migration_7 = R"sql(
CREATE TABLE session_outcomes (
    session_id             INTEGER PRIMARY KEY REFERENCES sessions(id),
    entries                INTEGER NOT NULL,
    last_logged_day        INTEGER,
    erythema_day           INTEGER,
    erythema_resolved      INTEGER CHECK (erythema_resolved IN (0, 1)),
    edema_day              INTEGER,
    edema_resolved         INTEGER CHECK (edema_resolved IN (0, 1)),
    first_week_days_logged INTEGER NOT NULL,
    info_flags             INTEGER NOT NULL,
    watch_flags            INTEGER NOT NULL,
    urgent_flags           INTEGER NOT NULL,
    worst_severity         TEXT CHECK (worst_severity IN ('info', 'watch', 'urgent')),
    outcome                TEXT NOT NULL,
    gais_practitioner      INTEGER CHECK (gais_practitioner BETWEEN 1 AND 5),
    gais_patient           INTEGER CHECK (gais_patient BETWEEN 1 AND 5),
    erythema_expected_by   INTEGER,
    edema_expected_by      INTEGER
);
)sql";

// Migration 8: sign-off (review_store.h). Each row is one step of a session's review: a
// reviewer marked it reviewed (with a comment) or returned it (with a finding), or its
// practitioner marked the returned finding addressed (with an optional reply). Rows are
// never changed or removed, so the latest row of a session is its current state and the
// ones before it are its history; the audit chain holds the same steps, signed.
constexpr std::string_view migration_8 = R"sql(
CREATE TABLE session_signoffs (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    state      TEXT NOT NULL CHECK (state IN ('reviewed', 'returned', 'addressed')),
    note       TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    by         INTEGER NOT NULL REFERENCES accounts(id),
    CHECK (state = 'addressed' OR length(note) > 0)
);
CREATE INDEX session_signoffs_by_session ON session_signoffs (session_id, id);
CREATE TRIGGER session_signoffs_no_update BEFORE UPDATE ON session_signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs cannot be changed'); END;
CREATE TRIGGER session_signoffs_no_delete BEFORE DELETE ON session_signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs cannot be deleted'); END;
)sql";

// Migration 9: exchange files (exchange_store.h, core/src/exchange/FORMAT.md).
// Clinic side: the clinic's key pair (one row, never changed: a new pair would orphan every
// care plan out there), one row per care plan issued (the pairing), one per report imported,
// and which local entry or photo each of a pairing's stable ids became, so a report merges
// once however often it overlaps an earlier one. Patient side: the care plans opened, each
// with the signing key made for that clinic and how far the reports have got.
// Secrets are stored here because the database is the encrypted vault.
constexpr std::string_view migration_9 = R"sql(
CREATE TABLE exchange_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    box_public  BLOB NOT NULL CHECK (length(box_public) = 32),
    box_secret  BLOB NOT NULL CHECK (length(box_secret) = 32),
    sign_public BLOB NOT NULL CHECK (length(sign_public) = 32),
    sign_secret BLOB NOT NULL CHECK (length(sign_secret) = 64),
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE TRIGGER exchange_identity_no_update BEFORE UPDATE ON exchange_identity
BEGIN SELECT RAISE(ABORT, 'the clinic key pair cannot be changed'); END;
CREATE TRIGGER exchange_identity_no_delete BEFORE DELETE ON exchange_identity
BEGIN SELECT RAISE(ABORT, 'the clinic key pair cannot be deleted'); END;
CREATE TABLE exchange_pairings (
    pairing_id     TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL UNIQUE,
    session_id     INTEGER NOT NULL REFERENCES sessions(id),
    pairing_secret BLOB NOT NULL CHECK (length(pairing_secret) = 32),
    pairing_code   TEXT NOT NULL,
    patient_key    BLOB CHECK (patient_key IS NULL OR length(patient_key) = 32),
    created_at     TEXT NOT NULL,
    created_by     INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX exchange_pairings_by_session ON exchange_pairings (session_id);
CREATE TABLE exchange_imports (
    report_id      TEXT PRIMARY KEY,
    pairing_id     TEXT NOT NULL REFERENCES exchange_pairings(pairing_id),
    made_at        TEXT NOT NULL,
    patient_events INTEGER NOT NULL,
    patient_head   TEXT NOT NULL,
    entries_added  INTEGER NOT NULL,
    entries_known  INTEGER NOT NULL,
    photos_added   INTEGER NOT NULL,
    photos_known   INTEGER NOT NULL,
    file_digest    BLOB NOT NULL,
    imported_at    TEXT NOT NULL,
    imported_by    INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX exchange_imports_by_pairing ON exchange_imports (pairing_id);
CREATE TABLE exchange_records (
    pairing_id TEXT NOT NULL REFERENCES exchange_pairings(pairing_id),
    uid        TEXT NOT NULL,
    entry_id   INTEGER REFERENCES recovery_entries(id),
    photo_id   INTEGER REFERENCES photos(id),
    PRIMARY KEY (pairing_id, uid),
    CHECK ((entry_id IS NULL) <> (photo_id IS NULL))
);
CREATE TABLE care_plans (
    plan_id             TEXT PRIMARY KEY,
    pairing_id          TEXT NOT NULL UNIQUE,
    session_id          INTEGER NOT NULL REFERENCES sessions(id),
    clinic_name         TEXT NOT NULL,
    clinic_box_public   BLOB NOT NULL CHECK (length(clinic_box_public) = 32),
    clinic_sign_public  BLOB NOT NULL CHECK (length(clinic_sign_public) = 32),
    pairing_secret      BLOB NOT NULL CHECK (length(pairing_secret) = 32),
    patient_sign_public BLOB NOT NULL CHECK (length(patient_sign_public) = 32),
    patient_sign_secret BLOB NOT NULL CHECK (length(patient_sign_secret) = 64),
    binding             BLOB NOT NULL CHECK (length(binding) = 32),
    body                TEXT NOT NULL,
    last_entry_id       INTEGER NOT NULL DEFAULT 0,
    last_photo_id       INTEGER NOT NULL DEFAULT 0,
    reports_sent        INTEGER NOT NULL DEFAULT 0,
    opened_at           TEXT NOT NULL,
    opened_by           INTEGER NOT NULL REFERENCES accounts(id)
);
)sql";

// Migration 10: what recomputing every outcome reads, as covering indexes, so the pass reads
// small index pages instead of whole rows (a flag's message and source are most of its row).
// In an encrypted vault every page read is also decrypted: at 100k sessions this takes the
// one-pass recompute from 3.2 s to under the 3 s goal (issue 14; vault_bench).
constexpr std::string_view migration_10 = R"sql(
CREATE INDEX flags_by_session_severity ON flags (session_id, severity);
CREATE INDEX entries_for_outcomes ON recovery_entries
    (session_id, observed_on, id, erythema, edema, gais_practitioner, gais_patient);
)sql";

constexpr std::array<std::string_view, 10> migrations{
    migration_1, migration_2, migration_3, migration_4, migration_5,
    migration_6, migration_7, migration_8, migration_9, migration_10};

} // namespace

int current_schema_version() {
    return static_cast<int>(migrations.size());
}

int schema_version(Connection& db) {
    return static_cast<int>(db.query_int("PRAGMA user_version"));
}

void migrate(Connection& db, int target) {
    for (int v = schema_version(db); v < target; ++v) {
        Transaction tx(db);
        db.exec(migrations.at(static_cast<std::size_t>(v)));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

} // namespace punctum::storage
