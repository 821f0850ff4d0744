#pragma once
// A fresh vault in a temporary folder, with the cheapest key derivation and a fixed clock,
// so vault tests are fast and deterministic.

#include "punctum/core/clock.h"
#include "punctum/storage/vault.h"
#include "support/catch_printers.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace punctum::test {

inline constexpr const char* test_passphrase = "correct horse battery staple";

/// 2026-03-03 09:00:00 UTC.
inline core::TimePoint test_time() {
    using namespace std::chrono;
    return sys_days{year{2026} / 3 / 3} + hours{9};
}

/// Creates a vault on construction; `vault` stays open until reset or reopen.
struct VaultFixture {
    TempDir tmp;
    std::filesystem::path folder = tmp.path() / "vault";
    core::FixedClock clock{test_time()}; // declared before `vault`: it must outlive it
    storage::SecureBytes passphrase = storage::SecureBytes::from(test_passphrase);
    std::string account; ///< the first account's name
    std::string recovery_key;
    std::unique_ptr<storage::Vault> vault;

    explicit VaultFixture(storage::VaultKind kind = storage::VaultKind::clinic) {
        auto created = storage::Vault::create(folder, passphrase, options(kind), clock);
        if (!created) {
            FAIL("creating the test vault failed: " << created.error().message);
        }
        account = options(kind).account_name;
        recovery_key = std::string(created->recovery_key.view());
        vault = std::move(created->vault);
    }

    [[nodiscard]] static storage::NewVault options(storage::VaultKind kind) {
        storage::NewVault o;
        o.kind = kind;
        o.account_name = kind == storage::VaultKind::clinic ? "admin" : "patient";
        o.display_name = "Test account";
        o.kdf = storage::KdfParams::minimum_for_tests();
        return o;
    }

    [[nodiscard]] storage::StorageResult<std::unique_ptr<storage::Vault>>
    open(const std::string& who, const std::string& pass) const {
        return storage::Vault::open(folder, who, storage::SecureBytes::from(pass), clock);
    }

    /// Closes the vault (if open) and opens it again as its first account.
    storage::Vault& reopen() {
        vault.reset();
        auto opened = open(account, test_passphrase);
        if (!opened) {
            FAIL("reopening the test vault failed: " << opened.error().message);
        }
        vault = std::move(opened.value());
        return *vault;
    }

    /// Moves the clock on to noon of `day` (never back): an entry is logged on or after its
    /// day, and storage refuses a day that has not happened yet.
    void live_on(core::Date day) {
        const core::TimePoint noon = std::chrono::sys_days{day} + std::chrono::hours{12};
        if (noon > clock.now()) {
            clock.set(noon);
        }
    }

    [[nodiscard]] storage::VaultStats stats() const {
        auto s = vault->stats();
        if (!s) {
            FAIL("stats failed: " << s.error().message);
        }
        return s.value();
    }
};

inline constexpr const char* staff_passphrase = "staff passphrase 1";

/// Adds `name` with `role` as the fixture's current account, then signs in as them instead.
inline void sign_in_as_new(VaultFixture& f, const std::string& name, core::Role role) {
    auto added =
        f.vault->accounts().add(name, name, role, storage::SecureBytes::from(staff_passphrase),
                                storage::KdfParams::minimum_for_tests());
    INFO((added ? std::string("added") : added.error().message));
    REQUIRE(added.ok());
    CHECK(added->role == role);
    f.vault.reset();
    auto opened = f.open(name, staff_passphrase);
    INFO((opened ? std::string("opened") : opened.error().message));
    REQUIRE(opened.ok());
    f.vault = std::move(opened.value());
    REQUIRE(f.vault->account().role == role);
}

inline core::Client make_client(const std::string& name) {
    core::Client c;
    c.display_name = name;
    return c;
}

inline core::TreatmentSession make_session(core::ClientId client, core::Date treated_on) {
    core::TreatmentSession s;
    s.client_id = client;
    s.treated_on = treated_on;
    s.device = "Dermapen 4";
    s.areas.push_back({"cheeks", 1.5, 3});
    return s;
}

/// `s` with a screening of its client for its day recorded (nothing to report: proceed), as
/// a clinic must before a session (storage refuses a session no screening clears). One
/// audited write; the test fails if it is refused.
inline core::TreatmentSession screened(storage::Vault& vault, core::TreatmentSession s) {
    core::ScreeningInput input;
    input.date = s.treated_on;
    auto screening = vault.screenings().record(s.client_id, input);
    INFO((screening ? std::string("screened") : screening.error().message));
    REQUIRE(screening.ok());
    s.screening_id = screening->id;
    return s;
}

/// Adds a session the way a clinic must: screened first (see `screened`), then the session
/// carrying the screening's id. A patient's own record in a personal vault needs none.
inline storage::StorageResult<core::SessionId> add_session(storage::Vault& vault,
                                                           core::TreatmentSession s) {
    if (vault.kind() == storage::VaultKind::clinic && !s.screening_id) {
        s = screened(vault, std::move(s));
    }
    return vault.sessions().add(std::move(s));
}

} // namespace punctum::test

namespace Catch {
template <> struct StringMaker<punctum::storage::StorageErrc> {
    static std::string convert(punctum::storage::StorageErrc code) {
        using E = punctum::storage::StorageErrc;
        switch (code) {
        case E::auth_failed:
            return "auth_failed";
        case E::not_a_vault:
            return "not_a_vault";
        case E::newer_version:
            return "newer_version";
        case E::corrupt:
            return "corrupt";
        case E::in_use:
            return "in_use";
        case E::read_only:
            return "read_only";
        case E::disk_full:
            return "disk_full";
        case E::exists:
            return "exists";
        case E::not_found:
            return "not_found";
        case E::forbidden:
            return "forbidden";
        case E::invalid_input:
            return "invalid_input";
        case E::io:
            return "io";
        case E::cancelled:
            return "cancelled";
        case E::rejected:
            return "rejected";
        case E::internal:
            return "internal";
        }
        return "StorageErrc(" + std::to_string(static_cast<int>(code)) + ")";
    }
};
} // namespace Catch
