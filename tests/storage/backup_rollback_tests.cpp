// Restore with a failure after the old vault was moved aside (issue 12, item 8): the rollback
// puts the old vault back exactly as it was, the audit head kept for it in the state folder
// too (it opens without a warning), and the failure is reported, saying the restore was undone.
// The failure comes from the test-only seam in storage/src/restore_fault.h.

#include "audit_head_file.h"
#include "backup_support.h"
#include "restore_fault.h"
#include "support/files.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::storage::testing::RestoreFault;
using punctum::test::VaultFixture;

namespace {

using punctum::test::snapshot;

// Sets a fault for one test and always takes it away again.
struct InjectedFault {
    explicit InjectedFault(RestoreFault where) {
        storage::testing::inject_restore_fault_for_tests(where);
    }
    ~InjectedFault() { storage::testing::inject_restore_fault_for_tests(RestoreFault::none); }
    InjectedFault(const InjectedFault&) = delete;
    InjectedFault& operator=(const InjectedFault&) = delete;
};

std::string state_head_of(const fs::path& folder, const std::string& vault_id) {
    const auto file = storage::state_head_folder(vault_id, folder) / storage::audit_head_file;
    return fs::exists(file) ? punctum::test::read_file(file) : std::string("(none)");
}

} // namespace

TEST_CASE("storage: a restore that fails after the move puts the old vault back intact",
          "[storage][restore][rollback]") {
    // One vault: an older backup of itself is restored over it, as a rollback asked for.
    VaultFixture f;
    REQUIRE(f.vault->clients().add(punctum::test::make_client("In the backup")).ok());
    const auto backup = f.tmp.path() / "older.punctum-backup";
    REQUIRE(f.vault->backup_to(backup).ok());
    REQUIRE(f.vault->clients().add(punctum::test::make_client("Only in the vault")).ok());
    f.vault.reset();
    const auto vault_id = punctum::test::header_of(backup).vault_id;
    const auto before = snapshot(f.folder);
    const auto state_before = state_head_of(f.folder, vault_id);
    REQUIRE(state_before != "(none)");

    const auto where = GENERATE(RestoreFault::after_move, RestoreFault::after_record);
    CAPTURE(static_cast<int>(where));
    {
        InjectedFault fault(where);
        auto r = storage::Vault::restore(backup, f.folder, "admin", f.passphrase, f.clock,
                                         /*replace=*/true);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == StorageErrc::io);
        CHECK_THAT(r.error().message, Catch::Contains("injected"));
        CHECK_THAT(r.error().message,
                   Catch::Contains("restore was undone") && Catch::Contains("back as it was"));
    }
    // Every file of the old vault as it was, nothing left beside it, and the state folder's
    // head for it too: it opens without a rollback warning and holds both clients.
    CHECK(snapshot(f.folder) == before);
    for (const auto& entry : fs::directory_iterator(f.tmp.path())) {
        CHECK(entry.path().filename().string().find(".restoring") == std::string::npos);
        CHECK(entry.path().filename().string().find(".replaced") == std::string::npos);
    }
    CHECK(state_head_of(f.folder, vault_id) == state_before);
    auto& v = f.reopen();
    CHECK(v.audit_warning().empty());
    CHECK(v.stats()->clients == 2);
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK(check->ok());

    // Without the fault the same restore goes through.
    f.vault.reset();
    REQUIRE(storage::Vault::restore(backup, f.folder, "admin", f.passphrase, f.clock, true).ok());
    CHECK(f.reopen().stats()->clients == 1);
}

TEST_CASE("storage: a restore into a new folder that fails after the move leaves no folder",
          "[storage][restore][rollback]") {
    VaultFixture f;
    const auto backup = f.tmp.path() / "clinic.punctum-backup";
    REQUIRE(f.vault->backup_to(backup).ok());
    const auto vault_id = punctum::test::header_of(backup).vault_id;
    const auto fresh = f.tmp.path() / "fresh";
    const auto empty = f.tmp.path() / "empty";
    fs::create_directory(empty);
    const auto where = GENERATE(RestoreFault::after_move, RestoreFault::after_record);
    InjectedFault fault(where);
    auto r = storage::Vault::restore(backup, fresh, "admin", f.passphrase, f.clock, false);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Contains("nothing was restored"));
    CHECK_FALSE(fs::exists(fresh));
    CHECK(state_head_of(fresh, vault_id) == "(none)");
    auto into_empty = storage::Vault::restore(backup, empty, "admin", f.passphrase, f.clock, false);
    REQUIRE_FALSE(into_empty.ok());
    CHECK(fs::is_directory(empty));
    CHECK(fs::is_empty(empty));
}
