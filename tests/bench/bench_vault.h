#pragma once
// What the vault benchmark runs on: the real stores (ClientStore, SessionStore, the audit
// chain) over a detail::VaultContext whose connection is either encrypted (SQLCipher with a
// raw key, as a vault opens it) or plain (the same library and pragmas, no key). Both sides
// run identical code and differ only in encryption. No key slots, no Argon2id: the bench
// measures the database, not the unlock.

#include "punctum/core/clock.h"
#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/model/ids.h"
#include "vault_context.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace punctum::bench {

enum class Encryption { plain, encrypted };

[[nodiscard]] std::string_view to_string(Encryption encryption);

/// A folder made with mkdtemp, removed with everything in it when this goes.
class TempFolder {
public:
    explicit TempFolder(const std::filesystem::path& parent);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// The cipher page size vaults are made with (KeySlotFile's default); the plain side uses
/// the same page_size.
inline constexpr int bench_page_size = 4096;

/// A migrated vault database in `folder` (created, must not hold one yet) with one admin
/// account signed in and the audit key installed. Encrypted: open_vault_database with a
/// random 32-byte key. Plain: a Connection with the same pragmas and no key. Throws on
/// failure, including when the file on disk is not what `encryption` promises.
[[nodiscard]] std::unique_ptr<storage::detail::VaultContext>
make_context(const std::filesystem::path& folder, Encryption encryption, const core::Clock& clock);

/// The clinic the bench stores: `clients` clients, each with `sessions_per_client`
/// sessions of `entries_per_session` entries. Deterministic (names, areas and scores come
/// from core::demo_client; dates are spread so every entry is in the past of `today`).
struct Clinic {
    std::vector<core::DemoClient> clients;
    std::int64_t session_count = 0;
    std::int64_t entry_count = 0;
};
inline constexpr int sessions_per_client = 10;
inline constexpr int entries_per_session = 10;
[[nodiscard]] Clinic make_clinic(int clients, core::Date today);

/// The ids the stores gave the clinic's rows, in insertion order.
struct StoredIds {
    std::vector<core::ClientId> clients;
    std::vector<core::SessionId> sessions;
};

/// Stores the clinic through ClientStore and SessionStore, one transaction per client (the
/// stores' own transactions nest as savepoints), then moves the audit head kept beside the
/// database after each commit, as Vault::batch does (unless `move_audit_head` is false: a
/// diagnostic, to see what that file write costs). Throws on any refused write.
[[nodiscard]] StoredIds store_clinic(storage::detail::VaultContext& ctx, const Clinic& clinic,
                                     bool move_audit_head = true);

/// The flags the norms engine raised while the clinic was stored, and how many of them
/// need attention (open or acknowledged).
struct FlagCounts {
    int all = 0;
    int needing_attention = 0;
};
[[nodiscard]] FlagCounts count_flags(storage::detail::VaultContext& ctx);

} // namespace punctum::bench
