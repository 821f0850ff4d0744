// Issue 14: the audit trail verifies from the signed-in account's last signed checkpoint
// instead of walking every event each time it opens (audit_checkpoint.h). What it skips must
// stay pinned: a history rewritten before the checkpoint is still found, a forged checkpoint
// is not trusted (the walk is then full, and says why), and a checkpoint outlives its
// signer's removal. These tests play the insider through storage internals, as
// signature_tests.cpp does.

#include "audit_checkpoint.h"
#include "audit_log.h"
#include "backup_support.h"
#include "crypto.h"
#include "key_slot_file.h"
#include "sqlite/connection.h"
#include "vault_database.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace storage = punctum::storage;
using punctum::test::VaultFixture;
using storage::AuditScope;
using storage::Connection;
using storage::Statement;

namespace {

std::span<const unsigned char> bytes_of(const std::string& text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

storage::AuditReport verify(storage::Vault& v, AuditScope scope = AuditScope::since_checkpoint) {
    auto report = v.audit().verify({}, scope);
    REQUIRE(report.ok());
    INFO(report->message);
    return report.value();
}

void add_clients(storage::Vault& v, int n, const std::string& prefix) {
    for (int i = 0; i < n; ++i) {
        REQUIRE(v.clients().add(punctum::test::make_client(prefix + std::to_string(i))).ok());
    }
}

std::int64_t head_seq(storage::Vault& v) {
    auto n = v.audit().count({});
    REQUIRE(n.ok());
    return *n;
}

/// The closed vault's database, opened with its raw key, as an insider would.
class RawVault {
public:
    RawVault(const VaultFixture& f, const storage::SecureBytes& key)
        : db_(storage::open_vault_database(f.folder / storage::Vault::database_file, key, 4096,
                                           false)) {}
    Connection& db() { return *db_; }

    /// Rewrites `object` of event `seq` past the triggers. `keep_schema`: and puts the
    /// schema version back, so nothing but the rows tells.
    void edit_event(std::int64_t seq, const std::string& object, bool keep_schema) {
        const auto version = db_->query_int("PRAGMA schema_version");
        const auto trigger = sql_of("audit_events_no_update");
        db_->exec("DROP TRIGGER audit_events_no_update");
        Statement update(*db_, "UPDATE audit_events SET object = ? WHERE seq = ?");
        update.bind(1, object).bind(2, seq).run();
        db_->exec(trigger);
        if (keep_schema) {
            db_->exec("PRAGMA schema_version = " + std::to_string(version));
        }
    }

    /// Remakes every MAC from `seq` on (the insider holds the audit key through the data
    /// key), leaving the signatures: a chain whole again by its MACs.
    void remake_macs() {
        const auto key = storage::AuditLog::load_key(*db_);
        const auto version = db_->query_int("PRAGMA schema_version");
        const auto trigger = sql_of("audit_events_no_update");
        db_->exec("DROP TRIGGER audit_events_no_update");
        std::vector<std::pair<std::int64_t, std::vector<unsigned char>>> macs;
        std::vector<unsigned char> previous(32, 0);
        Statement st(*db_, "SELECT seq, at, ifnull(account_id, 0), action, object, digest "
                           "FROM audit_events ORDER BY seq");
        while (st.step()) {
            const std::string text = std::to_string(st.int64(0)) + "|" + st.text(1) + "|" +
                                     std::to_string(st.int64(2)) + "|" + st.text(3) + "|" +
                                     st.text(4) + "|" + storage::crypto::to_hex(st.blob(5)) + "|" +
                                     storage::crypto::to_hex(previous);
            previous = storage::crypto::mac(key, bytes_of(text));
            macs.emplace_back(st.int64(0), previous);
        }
        Statement update(*db_, "UPDATE audit_events SET mac = ? WHERE seq = ?");
        for (const auto& [seq, mac] : macs) {
            update.bind_blob(1, mac).bind(2, seq).run();
        }
        db_->exec(trigger);
        db_->exec("PRAGMA schema_version = " + std::to_string(version));
    }

    std::string meta(const std::string& key) {
        Statement st(*db_, "SELECT value FROM vault_meta WHERE key = ?");
        st.bind(1, key);
        return st.step() ? st.text(0) : std::string();
    }
    void set_meta(const std::string& key, const std::string& value) {
        Statement st(*db_, "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)");
        st.bind(1, key).bind(2, value).run();
    }

private:
    std::string sql_of(const std::string& trigger) {
        Statement st(*db_, "SELECT sql FROM sqlite_master WHERE name = ?");
        st.bind(1, trigger);
        REQUIRE(st.step());
        return st.text(0);
    }
    std::unique_ptr<Connection> db_;
};

std::string admin_checkpoint(VaultFixture& f) {
    return storage::audit_checkpoint_key(f.vault->account().id);
}

} // namespace

TEST_CASE("storage: the audit trail verifies only the events after its checkpoint",
          "[storage][audit][checkpoint]") {
    VaultFixture f;
    add_clients(*f.vault, 5, "First ");
    const auto first = verify(*f.vault);
    CHECK(first.ok);
    CHECK_FALSE(first.incremental); // no checkpoint yet: the whole chain
    CHECK(first.from_seq == 0);
    CHECK(first.checkpoint_note.empty());
    const auto checkpoint_seq = head_seq(*f.vault);
    CHECK(first.events == checkpoint_seq);

    add_clients(*f.vault, 3, "Later ");
    const auto added = head_seq(*f.vault) - checkpoint_seq;
    REQUIRE(added >= 3);
    auto& v = f.reopen(); // a later session: the checkpoint is in the vault, not in memory
    const auto opened_events = head_seq(v);
    const auto second = verify(v);
    CHECK(second.ok);
    CHECK(second.incremental);
    CHECK(second.from_seq == checkpoint_seq);
    CHECK(second.events == opened_events - checkpoint_seq);
    CHECK(second.checkpoint_at == "2026-03-03T09:00:00Z");
    CHECK(second.checkpoint_by == "admin");
    CHECK(second.seconds >= 0);

    // Nothing new: still incremental, no event walked, and the checkpoint stays where it was.
    const auto third = verify(v);
    CHECK(third.incremental);
    CHECK(third.events == 0);
    CHECK(third.from_seq == opened_events);

    // The full walk stays available and counts everything.
    const auto full = verify(v, AuditScope::full);
    CHECK(full.ok);
    CHECK_FALSE(full.incremental);
    CHECK(full.events == opened_events);
}

TEST_CASE("storage: a history rewritten before the checkpoint is reported as tampering",
          "[storage][audit][checkpoint]") {
    VaultFixture f;
    add_clients(*f.vault, 3, "Client ");
    REQUIRE(verify(*f.vault).ok);
    const auto key = punctum::test::data_key_of(*f.vault);
    add_clients(*f.vault, 2, "After ");
    f.vault.reset();

    SECTION("the MACs remade and the schema version put back: the pinned event differs") {
        {
            RawVault raw(f, key);
            raw.edit_event(2, "client:99", true);
            raw.remake_macs();
        }
        const auto report = verify(f.reopen());
        CHECK_FALSE(report.ok);
        CHECK_FALSE(report.incremental);
        CHECK_THAT(report.message,
                   Catch::Contains("no longer the one") && Catch::Contains("rewritten"));
    }
    SECTION("a crude edit past dropped triggers: the schema moved, so the walk is full") {
        {
            RawVault raw(f, key);
            raw.edit_event(2, "client:99", false);
        }
        const auto report = verify(f.reopen());
        CHECK_FALSE(report.ok);
        CHECK_FALSE(report.incremental);
        CHECK(report.first_bad == 2);
        CHECK_THAT(report.checkpoint_note, Catch::Contains("structure changed"));
    }
    SECTION("a crude edit that hides every trace but the row is found by the full walk") {
        // The limit of an incremental walk, kept visible: it does not re-read events before
        // the checkpoint. `vault check` and `audit verify --full` do.
        {
            RawVault raw(f, key);
            raw.edit_event(2, "client:99", true);
        }
        auto& v = f.reopen();
        CHECK(verify(v).incremental);
        const auto full = verify(v, AuditScope::full);
        CHECK_FALSE(full.ok);
        CHECK(full.first_bad == 2);
    }
}

TEST_CASE("storage: a forged or altered checkpoint is not trusted, and the report says so",
          "[storage][audit][checkpoint]") {
    VaultFixture f;
    add_clients(*f.vault, 3, "Client ");
    REQUIRE(verify(*f.vault).ok);
    const auto key = punctum::test::data_key_of(*f.vault);
    const auto name = admin_checkpoint(f);
    add_clients(*f.vault, 2, "After ");
    f.vault.reset();
    std::string expected_note;

    SECTION("moved back to an earlier event") {
        RawVault raw(f, key);
        auto text = raw.meta(name);
        REQUIRE_FALSE(text.empty());
        // "PNCKPT1|<seq>|...": an earlier seq would make the walk re-check less than it must.
        const auto bar = text.find('|', 8);
        raw.set_meta(name, "PNCKPT1|1" + text.substr(bar));
        expected_note = "not signed by you";
    }
    SECTION("replaced by something that is not a checkpoint") {
        RawVault raw(f, key);
        raw.set_meta(name, "PNCKPT1|garbage");
        expected_note = "damaged";
    }
    SECTION("emptied") {
        RawVault raw(f, key);
        raw.set_meta(name, "");
        expected_note = "damaged";
    }
    auto& v = f.reopen();
    const auto report = verify(v);
    CHECK(report.ok); // the chain itself is whole: the full walk says so
    CHECK_FALSE(report.incremental);
    CHECK(report.events == head_seq(v));
    CHECK_THAT(report.checkpoint_note, Catch::Contains(expected_note));
    // The full walk wrote a good checkpoint: the next one is incremental again.
    const auto again = verify(v);
    CHECK(again.incremental);
    CHECK(again.checkpoint_note.empty());
}

TEST_CASE("storage: a checkpoint signed by a removed account still verifies against its key",
          "[storage][audit][checkpoint]") {
    VaultFixture f;
    add_clients(*f.vault, 2, "Client ");
    const auto key = punctum::test::data_key_of(*f.vault);
    punctum::test::sign_in_as_new(f, "rita", punctum::core::Role::reviewer);
    const auto rita = f.vault->account().id;
    REQUIRE(verify(*f.vault).ok); // rita's checkpoint
    f.reopen();
    REQUIRE(f.vault->accounts().remove("rita").ok());
    add_clients(*f.vault, 2, "After ");
    const auto vault_id = storage::read_key_slots(f.folder / storage::Vault::key_file)->vault_id;
    f.vault.reset();

    RawVault raw(f, key);
    const auto read = storage::read_audit_checkpoint(raw.db(), vault_id, rita);
    CHECK(read.note.empty());
    CHECK(read.tampering.empty());
    REQUIRE(read.from.has_value());
    CHECK(read.by == "rita");
    CHECK(read.seq > 0);
    // Bound to the vault: the same checkpoint read as another vault's does not verify.
    const auto elsewhere = storage::read_audit_checkpoint(raw.db(), "another-vault", rita);
    CHECK_FALSE(elsewhere.from.has_value());
    CHECK_THAT(elsewhere.note, Catch::Contains("not signed by you"));
}
