// No account can forge another's history (issue 12, item 3). Every account signs its audit
// events with its own Ed25519 key, each signature covering the one before. An insider who
// holds the raw data key, their own passphrase, and the knowledge of every format here can
// drop the triggers, rewrite events and recompute the whole MAC chain, and re-sign their own
// events: editing, inserting or deleting another account's event is still found, and named.
// Vaults from before signing keep their old events, verified by MAC alone and counted so.
// These tests use storage internals to play that insider on a real SQLCipher database.

#include "audit_head_file.h"
#include "audit_log.h"
#include "backup_support.h"
#include "crypto.h"
#include "key_slots.h"
#include "signing.h"
#include "sqlite/connection.h"
#include "vault_database.h"
#include "vault_fixture.h"

#include "support/files.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;
using storage::Connection;
using storage::Statement;

namespace {

std::span<const unsigned char> bytes_of(const std::string& text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

/// An insider at work on the closed vault's database: triggers dropped, and able to remake
/// every MAC and to sign as themselves (their slot opened with their own passphrase).
class Insider {
public:
    Insider(const VaultFixture& f, const storage::SecureBytes& key, const std::string& self,
            const std::string& passphrase)
        : db_(storage::open_vault_database(f.folder / storage::Vault::database_file, key, 4096,
                                           false)),
          audit_key_(storage::AuditLog::load_key(*db_)) {
        db_->exec("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"
                  "DROP TRIGGER account_keys_no_update; DROP TRIGGER account_keys_no_delete;");
        auto keys = storage::read_key_slots(f.folder / storage::Vault::key_file);
        REQUIRE(keys.ok());
        const auto* slot = keys->find_account(self);
        REQUIRE(slot != nullptr);
        auto secret =
            storage::unwrap_with_passphrase(*keys, *slot, storage::SecureBytes::from(passphrase));
        REQUIRE(secret.has_value());
        auto signer = storage::signing::from_slot_secret(*secret, keys->vault_id);
        self_id_ = db_->query_int("SELECT id FROM accounts WHERE name = '" + self + "'");
        self_key_ = std::move(signer.secret_key);
    }

    Connection& db() { return *db_; }

    std::int64_t account(const std::string& name) {
        return db_->query_int("SELECT id FROM accounts WHERE name = '" + name + "'");
    }

    /// Remakes every MAC in order, and re-signs every event of the insider's own: all that
    /// the insider's keys can do to make the history look whole again.
    void remake_chain() {
        std::vector<unsigned char> previous(32, 0);
        std::vector<unsigned char> link(32, 0);
        Statement st(*db_, "SELECT seq, at, ifnull(account_id, 0), action, object, digest, "
                           "signature FROM audit_events ORDER BY seq");
        struct Row {
            std::int64_t seq;
            std::vector<unsigned char> mac;
            std::optional<std::vector<unsigned char>> signature;
        };
        std::vector<Row> rows;
        while (st.step()) {
            const std::string text = std::to_string(st.int64(0)) + "|" + st.text(1) + "|" +
                                     std::to_string(st.int64(2)) + "|" + st.text(3) + "|" +
                                     st.text(4) + "|" + storage::crypto::to_hex(st.blob(5)) + "|" +
                                     storage::crypto::to_hex(previous);
            Row row{st.int64(0), storage::crypto::mac(audit_key_, bytes_of(text)), std::nullopt};
            if (!st.is_null(6)) {
                row.signature =
                    st.int64(2) == self_id_
                        ? storage::signing::sign(self_key_, bytes_of("PNSIG1|" + text + "|" +
                                                                     storage::crypto::to_hex(link)))
                        : st.blob(6);
            }
            previous = row.mac;
            link = row.signature ? *row.signature : row.mac;
            rows.push_back(std::move(row));
        }
        Statement update(*db_, "UPDATE audit_events SET mac = ?, signature = ? WHERE seq = ?");
        for (const auto& row : rows) {
            update.bind_blob(1, row.mac);
            if (row.signature) {
                update.bind_blob(2, *row.signature);
            } else {
                update.bind_null(2);
            }
            update.bind(3, row.seq).run();
        }
    }

private:
    std::unique_ptr<Connection> db_;
    storage::SecureBytes audit_key_;
    std::int64_t self_id_ = 0;
    storage::SecureBytes self_key_;
};

/// A clinic vault with a practitioner, 'pat', who recorded a client, and the admin's client
/// recorded after pat's. Returns the raw key, revealed by the admin.
storage::SecureBytes clinic_with_pat(VaultFixture& f) {
    REQUIRE(f.vault->accounts()
                .add("pat", "Pat Practitioner", punctum::core::Role::practitioner,
                     storage::SecureBytes::from("pat passphrase 1"),
                     storage::KdfParams::minimum_for_tests())
                .ok());
    f.vault.reset();
    {
        auto pat = f.open("pat", "pat passphrase 1");
        REQUIRE(pat.ok());
        REQUIRE((*pat)->clients().add(punctum::test::make_client("Pat's client")).ok());
        REQUIRE((*pat)->clients().add(punctum::test::make_client("Pat's second")).ok());
    }
    auto& admin = f.reopen();
    REQUIRE(admin.clients().add(punctum::test::make_client("Admin's client")).ok());
    auto key = punctum::test::data_key_of(admin);
    f.vault.reset();
    return key;
}

storage::AuditReport verified(VaultFixture& f) {
    auto& v = f.reopen();
    auto report = v.audit().verify();
    REQUIRE(report.ok());
    return report.value();
}

} // namespace

TEST_CASE("storage: a new vault signs every event with its author's key",
          "[storage][audit][signature]") {
    VaultFixture f;
    clinic_with_pat(f);
    const auto report = verified(f);
    INFO(report.message);
    CHECK(report.ok);
    CHECK(report.events > 5);
    CHECK(report.signed_events == report.events);
    CHECK(report.mac_only_events == 0);
    // The key slots carry the signing keys, bound into their wrapping.
    const auto keys =
        nlohmann::json::parse(punctum::test::read_file(f.folder / storage::Vault::key_file));
    CHECK(keys.at("format") == 2);
    for (const auto& slot : keys.at("slots")) {
        CHECK(slot.contains("signing_key") == (slot.at("kind") == "passphrase"));
    }
}

TEST_CASE("storage: an insider with the raw key cannot edit another account's event unseen",
          "[storage][audit][signature]") {
    VaultFixture f;
    const auto key = clinic_with_pat(f);
    {
        Insider admin(f, key, "admin", punctum::test::test_passphrase);
        const auto pat = admin.account("pat");
        // Pat's first client becomes another object; the MACs and the admin's own signatures
        // are all remade.
        admin.db().exec("UPDATE audit_events SET object = 'client:99' WHERE seq = (SELECT "
                        "min(seq) FROM audit_events WHERE account_id = " +
                        std::to_string(pat) + " AND action = 'client.add')");
        admin.remake_chain();
    }
    const auto report = verified(f);
    CHECK_FALSE(report.ok);
    CHECK_THAT(report.message, Catch::Contains("client:99") && Catch::Contains("'pat'") &&
                                   Catch::Contains("not signed by"));
}

TEST_CASE("storage: an insider cannot insert an event in another account's name",
          "[storage][audit][signature]") {
    VaultFixture f;
    const auto key = clinic_with_pat(f);
    {
        Insider admin(f, key, "admin", punctum::test::test_passphrase);
        const auto pat = admin.account("pat");
        const auto last = admin.db().query_int("SELECT max(seq) FROM audit_events");
        Statement insert(admin.db(), "INSERT INTO audit_events (seq, at, account_id, action, "
                                     "object, digest, mac) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, last + 1)
            .bind(2, "2026-03-03T12:00:00Z")
            .bind(3, pat)
            .bind(4, "client.remove")
            .bind(5, "client:1")
            .bind_blob(6, storage::crypto::digest("gone"))
            .bind_blob(7, std::vector<unsigned char>(32, 0))
            .run();
        admin.remake_chain();
    }
    const auto report = verified(f);
    CHECK_FALSE(report.ok);
    CHECK_THAT(report.message, Catch::Contains("client.remove") && Catch::Contains("'pat'") &&
                                   Catch::Contains("carries no signature"));
}

TEST_CASE("storage: an insider cannot delete another account's event",
          "[storage][audit][signature]") {
    VaultFixture f;
    const auto key = clinic_with_pat(f);
    {
        Insider admin(f, key, "admin", punctum::test::test_passphrase);
        const auto pat = admin.account("pat");
        // Pat's first client goes, the later events move down one, the chain is remade.
        const auto gone = admin.db().query_int(
            "SELECT min(seq) FROM audit_events WHERE account_id = " + std::to_string(pat) +
            " AND action = 'client.add'");
        admin.db().exec("DELETE FROM audit_events WHERE seq = " + std::to_string(gone));
        admin.db().exec("UPDATE audit_events SET seq = seq - 1 WHERE seq > " +
                        std::to_string(gone));
        admin.db().exec("UPDATE account_keys SET since_seq = since_seq - 1 WHERE since_seq > " +
                        std::to_string(gone));
        admin.remake_chain();
    }
    const auto report = verified(f);
    CHECK_FALSE(report.ok);
    // Pat's next event was signed over the deleted one: it no longer verifies.
    CHECK_THAT(report.message, Catch::Contains("'pat'") && Catch::Contains("not signed by"));
}

TEST_CASE("storage: an insider cannot swap another account's signing key",
          "[storage][audit][signature]") {
    VaultFixture f;
    const auto key = clinic_with_pat(f);
    {
        Insider admin(f, key, "admin", punctum::test::test_passphrase);
        const auto forged = storage::crypto::random_bytes(32);
        Statement swap(admin.db(), "UPDATE account_keys SET public_key = ? WHERE account_id = ?");
        swap.bind_blob(1, forged).bind(2, admin.account("pat")).run();
    }
    const auto report = verified(f);
    CHECK_FALSE(report.ok);
    CHECK_THAT(report.message, Catch::Contains("'pat'") && Catch::Contains("key records"));
}

namespace {

/// Turns the vault back into one made before signing existed (schema 5, key file format 1):
/// no signature column, no account_keys, slots without a signing key.
void make_unsigned_era(VaultFixture& f, const storage::SecureBytes& key,
                       const std::map<std::string, std::string>& passphrases) {
    {
        auto db = storage::open_vault_database(f.folder / storage::Vault::database_file, key, 4096,
                                               false);
        db->exec(R"sql(
            DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;
            CREATE TABLE old_events (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, account_id INTEGER,
                action TEXT NOT NULL, object TEXT NOT NULL, digest BLOB NOT NULL, mac BLOB NOT NULL);
            INSERT INTO old_events SELECT seq, at, account_id, action, object, digest, mac
                FROM audit_events WHERE action <> 'account.signing_key';
            DROP TABLE audit_events; ALTER TABLE old_events RENAME TO audit_events;
            DROP TABLE account_keys;
            DROP TABLE session_outcomes;
            DROP TABLE session_signoffs;
            DROP TABLE exchange_records; DROP TABLE exchange_imports; DROP TABLE care_plans;
            DROP TABLE exchange_pairings; DROP TABLE exchange_identity;
            DROP INDEX flags_by_session_severity; DROP INDEX entries_for_outcomes;
            PRAGMA user_version = 5;
        )sql");
        // Without the registrations the MACs must be remade (seq numbers moved).
        const auto audit_key = storage::AuditLog::load_key(*db);
        db->exec("CREATE TABLE renumbered AS SELECT * FROM audit_events ORDER BY seq;"
                 "DELETE FROM audit_events;");
        Statement rows(*db, "SELECT at, account_id, action, object, digest FROM renumbered "
                            "ORDER BY seq");
        Statement insert(*db, "INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?)");
        std::vector<unsigned char> previous(32, 0);
        std::int64_t seq = 0;
        while (rows.step()) {
            ++seq;
            const std::string text = std::to_string(seq) + "|" + rows.text(0) + "|" +
                                     std::to_string(rows.int64(1)) + "|" + rows.text(2) + "|" +
                                     rows.text(3) + "|" + storage::crypto::to_hex(rows.blob(4)) +
                                     "|" + storage::crypto::to_hex(previous);
            previous = storage::crypto::mac(audit_key, bytes_of(text));
            insert.bind(1, seq)
                .bind(2, rows.text(0))
                .bind(3, rows.int64(1))
                .bind(4, rows.text(2))
                .bind(5, rows.text(3))
                .bind_blob(6, rows.blob(4))
                .bind_blob(7, previous)
                .run();
        }
        // The heads kept for the vault name the history as it now is.
        const auto keys = storage::read_key_slots(f.folder / storage::Vault::key_file);
        REQUIRE(keys.ok());
        storage::AuditLog log(*db, storage::AuditLog::load_key(*db));
        REQUIRE(storage::write_audit_heads(f.folder, keys->vault_id, log, log.head(),
                                           /*restored=*/true)
                    .ok());
        db->exec("DROP TABLE renumbered;"
                 "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
                 "BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;"
                 "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
                 "BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;");
    }
    auto keys = storage::read_key_slots(f.folder / storage::Vault::key_file);
    REQUIRE(keys.ok());
    keys->format = 1;
    for (auto& slot : keys->slots) {
        if (slot.kind != "passphrase") {
            continue;
        }
        auto secret = storage::unwrap_with_passphrase(
            *keys, slot, storage::SecureBytes::from(passphrases.at(slot.account)));
        REQUIRE(secret.has_value());
        slot.signing_key.clear();
        REQUIRE(storage::rewrap_passphrase_slot(
            *keys, slot, *secret, storage::SecureBytes::from(passphrases.at(slot.account)),
            slot.kdf));
    }
    auto text = nlohmann::json::parse(storage::serialize_key_slots(*keys));
    text["format"] = 1;
    punctum::test::write_file(f.folder / storage::Vault::key_file, text.dump(2));
}

} // namespace

TEST_CASE("storage: a vault from before signing keeps its old events, MAC-verified, and signs "
          "from each account's next sign-in",
          "[storage][audit][signature][migration]") {
    VaultFixture f;
    const auto key = clinic_with_pat(f);
    make_unsigned_era(f, key,
                      {{"admin", punctum::test::test_passphrase}, {"pat", "pat passphrase 1"}});
    const auto legacy_events = [&] {
        auto db = storage::open_vault_database(f.folder / storage::Vault::database_file, key, 4096,
                                               false);
        return db->query_int("SELECT count(*) FROM audit_events");
    }();

    // The admin signs in: their slot gains its key (format 2), the history registers it.
    auto report = verified(f);
    INFO(report.message);
    CHECK(report.ok);
    CHECK(report.mac_only_events == legacy_events);
    CHECK(report.signed_events == 1); // the registration, signed by the key it registers
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Signed now")).ok());
    const auto keys =
        nlohmann::json::parse(punctum::test::read_file(f.folder / storage::Vault::key_file));
    CHECK(keys.at("format") == 2);

    // Pat has not signed in since: pat's slot has no key yet, and pat's old events stand.
    f.vault.reset();
    {
        auto pat = f.open("pat", "pat passphrase 1");
        REQUIRE(pat.ok());
        REQUIRE((*pat)->clients().add(punctum::test::make_client("Pat signs too")).ok());
    }
    report = verified(f);
    INFO(report.message);
    CHECK(report.ok);
    CHECK(report.mac_only_events == legacy_events);
    CHECK(report.signed_events == 4); // two registrations and two clients

    // From here, pat's events must be signed: an unsigned one in pat's name is a forgery.
    f.vault.reset();
    {
        Insider admin(f, key, "admin", punctum::test::test_passphrase);
        admin.db().exec("UPDATE audit_events SET signature = NULL WHERE seq = (SELECT max(seq) "
                        "FROM audit_events)");
        admin.remake_chain();
    }
    report = verified(f);
    CHECK_FALSE(report.ok);
    CHECK_THAT(report.message, Catch::Contains("'pat'") && Catch::Contains("no signature"));
}

TEST_CASE("storage: a recovered account signs with a new key, and its old events still verify",
          "[storage][audit][signature]") {
    VaultFixture f;
    clinic_with_pat(f);
    auto recovered = storage::Vault::recover(f.folder, f.recovery_key, "pat",
                                             storage::SecureBytes::from("pat's new passphrase"),
                                             storage::KdfParams::minimum_for_tests(), f.clock);
    REQUIRE(recovered.ok());
    REQUIRE((*recovered)->clients().add(punctum::test::make_client("After recovery")).ok());
    recovered->reset();
    const auto report = verified(f);
    INFO(report.message);
    CHECK(report.ok);
    CHECK(report.signed_events == report.events);
}
