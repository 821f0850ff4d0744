#include "bench_vault.h"

#include "norms_in_force.h"

#include "crypto.h"
#include "file_io.h"
#include "punctum/core/date.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/screening_store.h"
#include "punctum/storage/session_store.h"
#include "schema.h"
#include "sqlite/connection.h"
#include "vault_database.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace punctum::bench {

namespace fs = std::filesystem;
using storage::Connection;
using storage::Statement;
using storage::Transaction;

std::string_view to_string(Encryption encryption) {
    return encryption == Encryption::encrypted ? "encrypted" : "plain";
}

TempFolder::TempFolder(const fs::path& parent) {
    std::string pattern = (parent / "punctum-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    path_ = pattern;
}

TempFolder::~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

namespace {

const std::string database_name = "vault.db";

// The pragmas open_vault_database sets after the key, in the same order.
std::unique_ptr<Connection> open_plain_database(const fs::path& file) {
    auto db = std::make_unique<Connection>(file.string(), /*create=*/true);
    db->exec("PRAGMA page_size = " + std::to_string(bench_page_size));
    (void)db->query_int("SELECT count(*) FROM sqlite_master");
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA cache_size = -65536");
    return db;
}

void expect(bool condition, const std::string& what) {
    if (!condition) {
        throw std::runtime_error(what);
    }
}

template <typename T> T take(storage::StorageResult<T> result, const char* doing) {
    if (!result) {
        throw std::runtime_error(std::string(doing) + ": " + result.error().message);
    }
    return std::move(result.value());
}

} // namespace

std::unique_ptr<storage::detail::VaultContext>
make_context(const fs::path& folder, Encryption encryption, const core::Clock& clock) {
    expect(storage::crypto::ready(), "libsodium has no randomness");
    fs::create_directories(folder);
    const fs::path lock_file = folder / "vault.lock";
    if (const int fd = ::open(lock_file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600); fd >= 0) {
        ::close(fd);
    }
    auto lock = storage::VaultLock::acquire(lock_file);
    if (!lock) {
        throw std::runtime_error("cannot lock the bench vault: " + lock.error().message);
    }

    storage::SecureBytes data_key = storage::crypto::random_secret(storage::crypto::data_key_size);
    const fs::path file = folder / database_name;
    std::unique_ptr<Connection> db =
        encryption == Encryption::encrypted
            ? storage::open_vault_database(file, data_key, bench_page_size, /*create=*/true)
            : open_plain_database(file);
    storage::migrate(*db, storage::current_schema_version());

    storage::Account account;
    account.name = "bench";
    account.display_name = "Bench Admin";
    account.role = core::Role::admin;
    {
        Transaction tx(*db);
        storage::AuditLog::install_key(*db, data_key);
        Statement acc(*db, "INSERT INTO accounts (name, display_name, role, created_at) "
                           "VALUES (?, ?, ?, ?)");
        acc.bind(1, account.name)
            .bind(2, account.display_name)
            .bind(3, core::to_string(account.role))
            .bind(4, core::format_timestamp(clock.now()))
            .run();
        account.id = core::AccountId{db->last_insert_id()};
        tx.commit();
    }

    // Both sides must be what they claim, with the same page geometry and cache.
    expect(db->query_int("PRAGMA page_size") == bench_page_size, "unexpected page_size");
    expect(db->query_int("PRAGMA cache_size") == -65536, "unexpected cache_size");
    expect(db->query_text("PRAGMA journal_mode") == "wal", "not in WAL mode");
    expect(db->query_int("PRAGMA synchronous") == 2, "synchronous is not FULL");
    const bool plaintext = storage::has_plaintext_header(file);
    expect(plaintext == (encryption == Encryption::plain),
           encryption == Encryption::plain ? "the plain database is not plain SQLite"
                                           : "the encrypted database has a plaintext header");

    auto audit = std::make_unique<storage::AuditLog>(*db, storage::AuditLog::load_key(*db));
    {
        // As Vault::create does: the shipped norms are the vault's first profile.
        Transaction tx(*db);
        storage::detail::activate_profile(*db, *audit, clock.now(), account.id,
                                          core::default_norms_profile(),
                                          core::default_norms_json());
        tx.commit();
    }
    return std::unique_ptr<storage::detail::VaultContext>(
        new storage::detail::VaultContext{folder,
                                          storage::KeySlotFile{},
                                          std::move(lock.value()),
                                          std::move(data_key),
                                          std::move(db),
                                          std::move(audit),
                                          std::move(account),
                                          clock,
                                          storage::SecureBytes{},
                                          std::string{},
                                          {},
                                          0,
                                          {}});
}

Clinic make_clinic(int clients, core::Date today) {
    constexpr std::uint64_t seed = 3; // issue #3
    Clinic clinic;
    clinic.clients.reserve(static_cast<std::size_t>(clients));
    for (int i = 0; i < clients; ++i) {
        core::DemoClient base = core::demo_client(seed, i, today);
        core::DemoClient out;
        out.client = std::move(base.client);
        out.sessions.reserve(sessions_per_client);
        // Oldest first, about a month apart, the newest at least entries_per_session days ago
        // so every entry is in the past. Areas, device and scores are the demo's, reused; a
        // course shorter than entries_per_session repeats its last day (a settled course
        // stays settled, so the flags raised are the demo's, not artefacts of a wrap-around).
        for (int s = 0; s < sessions_per_client; ++s) {
            const auto& pattern =
                base.sessions.at(static_cast<std::size_t>(s) % base.sessions.size());
            core::DemoSession ds;
            ds.session = pattern.session;
            const int days_ago = entries_per_session + 30 * (sessions_per_client - 1 - s) + i % 7;
            ds.session.treated_on =
                core::Date{std::chrono::sys_days{today} - std::chrono::days{days_ago}};
            ds.entries.reserve(entries_per_session);
            for (int e = 0; e < entries_per_session; ++e) {
                core::RecoveryEntry entry = pattern.entries.at(
                    std::min(static_cast<std::size_t>(e), pattern.entries.size() - 1));
                entry.observed_on =
                    core::Date{std::chrono::sys_days{ds.session.treated_on} + std::chrono::days{e}};
                ds.entries.push_back(std::move(entry));
            }
            clinic.entry_count += entries_per_session;
            out.sessions.push_back(std::move(ds));
        }
        clinic.session_count += sessions_per_client;
        clinic.clients.push_back(std::move(out));
    }
    return clinic;
}

StoredIds store_clinic(storage::detail::VaultContext& ctx, const Clinic& clinic,
                       bool move_audit_head) {
    storage::ClientStore clients(ctx);
    storage::SessionStore sessions(ctx);
    storage::ScreeningStore screenings(ctx);
    StoredIds ids;
    ids.clients.reserve(clinic.clients.size());
    ids.sessions.reserve(static_cast<std::size_t>(clinic.session_count));
    for (const auto& demo : clinic.clients) {
        Transaction tx(*ctx.db);
        const core::ClientId client_id = take(clients.add(demo.client), "client");
        for (const auto& ds : demo.sessions) {
            core::TreatmentSession session = ds.session;
            session.client_id = client_id;
            // The gate every clinic session passes: screened on the day first.
            core::ScreeningInput screening;
            screening.date = session.treated_on;
            session.screening_id = take(screenings.record(client_id, screening), "screening").id;
            const core::SessionId session_id = take(sessions.add(std::move(session)), "session");
            for (const auto& e : ds.entries) {
                core::RecoveryEntry entry = e;
                entry.session_id = session_id;
                (void)take(sessions.add_entry(std::move(entry)), "entry");
            }
            ids.sessions.push_back(session_id);
        }
        tx.commit();
        if (move_audit_head) {
            ctx.committed();
        }
        ids.clients.push_back(client_id);
    }
    return ids;
}

FlagCounts count_flags(storage::detail::VaultContext& ctx) {
    auto& db = *ctx.db;
    return {static_cast<int>(db.query_int("SELECT count(*) FROM flags")),
            static_cast<int>(db.query_int(
                "SELECT count(*) FROM flags WHERE state IN ('open', 'acknowledged')"))};
}

} // namespace punctum::bench
