#include "punctum/storage/vault.h"

#include "account_rows.h"
#include "audit_head_file.h"
#include "crypto.h"
#include "guard.h"
#include "key_slots.h"
#include "norms_in_force.h"
#include "outcome_sync.h"
#include "punctum/storage/passphrase_rule.h"
#include "schema.h"
#include "signing.h"
#include "vault_context.h"
#include "vault_database.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace punctum::storage {

namespace fs = std::filesystem;

StorageResult<void> detail::VaultContext::require(core::Action action) const {
    if (!core::permits(account.role, action)) {
        return fail(StorageErrc::forbidden,
                    "Your account (" + std::string(core::to_string(account.role)) +
                        ") is not allowed to do this. Ask an administrator if you need it.");
    }
    return {};
}

void detail::VaultContext::sign_as_account() {
    audit->set_signer(account.id, signing::from_slot_secret(slot_secret, keys.vault_id).secret_key);
}

void detail::VaultContext::record(std::string_view action, std::string_view object,
                                  std::string_view change) {
    audit->append(clock.now(), account.id, action, object, change);
}

void detail::VaultContext::committed() {
    if (!db->in_transaction()) {
        (void)write_audit_heads(folder, keys.vault_id, *audit, audit->head());
    }
}

void finish_interrupted_rotation(const fs::path& folder); // vault_keys.cpp

namespace {

Account load_account(Connection& db, std::string_view name) {
    Statement st(db, std::string("SELECT ") + detail::account_columns +
                         " FROM accounts WHERE name = ? AND removed_at IS NULL");
    st.bind(1, name);
    if (!st.step()) {
        throw SqlError(StorageErrc::auth_failed, 0,
                       "This account has been removed from the vault. Ask an administrator.");
    }
    return detail::read_account(st);
}

// Every account signs its own audit events (signing.h). A slot made before signing existed
// gets its key now, rewrapped under the same passphrase so the key is bound into it, and the
// history registers the key; so it does for a slot made fresh by a recovery. A vault whose
// history is in doubt is not written to: its account's events stay unsigned until it is
// looked at, which `vault check` reports if the account had signed before.
void start_signing(detail::VaultContext& c, const SecureBytes& passphrase) {
    auto signer = signing::from_slot_secret(c.slot_secret, c.keys.vault_id);
    if (c.audit->key_in_force(c.account.id) == signer.public_key) {
        c.sign_as_account();
        return;
    }
    if (!c.audit_warning.empty()) {
        return;
    }
    const KeySlot* slot = c.keys.find_account(c.account.name);
    if (slot == nullptr) {
        return;
    }
    if (slot->signing_key.empty()) {
        KeySlotFile updated = c.keys;
        for (auto& s : updated.slots) {
            if (s.kind == "passphrase" && s.account == c.account.name &&
                !add_signing_key(updated, s, c.slot_secret, passphrase)) {
                return; // no memory for the KDF: unsigned this time, signed at the next open
            }
        }
        if (!write_key_slots(c.folder / Vault::key_file, updated)) {
            return; // a read-only vault folder: the same
        }
        c.keys = std::move(updated);
    }
    c.sign_as_account();
    Transaction tx(*c.db);
    c.audit->register_key(c.clock.now(), c.account.id, c.account.id, signer.public_key);
    tx.commit();
    c.committed();
}

StorageResult<void> check_folder_is_free(const fs::path& folder) {
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
        return fail(StorageErrc::exists, folder.string() +
                                             " is a file, not a folder. Choose a new or empty "
                                             "folder for the vault.");
    }
    if (fs::exists(folder / Vault::key_file, ec)) {
        return fail(StorageErrc::exists, "A vault already exists at " + folder.string() +
                                             ". Open it, or choose another folder.");
    }
    if (fs::exists(folder, ec) && !fs::is_empty(folder, ec)) {
        return fail(StorageErrc::exists, folder.string() +
                                             " already holds other files. Choose a new or empty "
                                             "folder for the vault.");
    }
    return {};
}

} // namespace

Vault::Vault(std::unique_ptr<detail::VaultContext> ctx)
    : ctx_(std::move(ctx)), accounts_(*ctx_), clients_(*ctx_), sessions_(*ctx_), flags_(*ctx_),
      norms_(*ctx_), screenings_(*ctx_), photos_(*ctx_), audit_(*ctx_), reviews_(*ctx_),
      outcomes_(*ctx_), exports_(*ctx_), exchange_(*ctx_) {}

Vault::~Vault() = default;

const Account& Vault::account() const {
    return ctx_->account;
}
VaultKind Vault::kind() const {
    return ctx_->keys.kind;
}
const fs::path& Vault::folder() const {
    return ctx_->folder;
}
const std::string& Vault::audit_warning() const {
    return ctx_->audit_warning;
}

fs::path normalised_folder(const fs::path& folder) {
    std::error_code ec;
    fs::path p = fs::absolute(folder, ec).lexically_normal();
    if (!p.has_filename() && p.has_parent_path()) {
        p = p.parent_path(); // "vault/" names the folder "vault"
    }
    return p;
}

StorageResult<CreatedVault> Vault::create(const fs::path& requested, const SecureBytes& passphrase,
                                          const NewVault& options, const core::Clock& clock) {
    const fs::path folder = normalised_folder(requested);
    if (!crypto::ready()) {
        return fail(StorageErrc::internal, "The system's random number source is unavailable.");
    }
    if (auto rule = check_new_passphrase(passphrase); !rule) {
        return rule.failure();
    }
    if (options.account_name.empty()) {
        return fail(StorageErrc::invalid_input, "The first account needs a name.");
    }
    if (auto free = check_folder_is_free(folder); !free) {
        return free.failure();
    }
    std::error_code ec;
    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    // Build under a temporary name, rename into place last: a failure leaves nothing behind.
    const fs::path staging = parent / ("." + folder.filename().string() + ".creating");
    fs::remove_all(staging, ec);
    if (::mkdir(staging.c_str(), 0700) != 0) {
        const int err = errno;
        if (err == ENOSPC || err == EDQUOT) {
            return fail(StorageErrc::disk_full,
                        "The disk is full; no vault was created. Free some space and try again.");
        }
        if (err == EROFS || err == EACCES || err == EPERM) {
            return fail(StorageErrc::read_only,
                        "Cannot create a vault in " + parent.string() +
                            ": the folder is not writable. Choose another.");
        }
        return fail(StorageErrc::io, "Cannot create a vault in " + parent.string() + ": " +
                                         std::strerror(err) + ".");
    }
    auto cleanup = [&] {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
    };

    KeySlotFile keys;
    keys.vault_id = crypto::to_hex(crypto::random_bytes(16));
    keys.kind = options.kind;
    const SecureBytes data_key = crypto::random_secret(crypto::data_key_size);
    SecureBytes creator_secret;
    auto slot = make_passphrase_slot(keys, options.account_name, passphrase, options.kdf, data_key,
                                     &creator_secret);
    if (!slot) {
        cleanup();
        return fail(StorageErrc::internal, "Not enough memory to derive the key. Close other "
                                           "programs, or choose a lower key-derivation cost.");
    }
    keys.slots.push_back(std::move(*slot));
    RecoverySlot recovery = make_recovery_slot(keys, data_key);
    keys.slots.push_back(std::move(recovery.slot));

    // SQLite gives the -wal and -shm files the database file's mode: make it 0600 first.
    if (const int fd = ::open((staging / database_file).c_str(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        fd >= 0) {
        ::close(fd);
    }
    auto built = guard([&]() -> StorageResult<void> {
        auto db = open_vault_database(staging / database_file, data_key, keys.cipher_page_size,
                                      /*create=*/true);
        migrate(*db, current_schema_version());
        Transaction tx(*db);
        AuditLog::install_key(*db, data_key);
        AuditLog audit(*db, AuditLog::load_key(*db));
        const std::string now = core::format_timestamp(clock.now());
        Statement meta(*db, "INSERT INTO vault_meta (key, value) VALUES (?, ?)");
        meta.bind(1, "vault_id").bind(2, keys.vault_id).run();
        meta.bind(1, "kind").bind(2, to_string(options.kind)).run();
        meta.bind(1, "created_at").bind(2, now).run();
        const core::Role role =
            options.kind == VaultKind::clinic ? core::Role::admin : core::Role::patient;
        Statement acc(*db, "INSERT INTO accounts (name, display_name, role, created_at) "
                           "VALUES (?, ?, ?, ?)");
        acc.bind(1, options.account_name)
            .bind(2, options.display_name.empty() ? options.account_name : options.display_name)
            .bind(3, core::to_string(role))
            .bind(4, now)
            .run();
        const core::AccountId id{db->last_insert_id()};
        // The creator's signing key comes first: every event of a new vault is signed.
        auto signer = signing::from_slot_secret(creator_secret, keys.vault_id);
        audit.set_signer(id, std::move(signer.secret_key));
        audit.register_key(clock.now(), id, id, signer.public_key);
        audit.append(clock.now(), id, "vault.create", "vault:" + keys.vault_id,
                     std::string(to_string(options.kind)));
        audit.append(clock.now(), id, "account.add", "account:" + std::to_string(id.value),
                     options.account_name + "|" + std::string(core::to_string(role)));
        if (options.kind == VaultKind::personal) {
            // The patient's own record: their treatments and check-ins belong to it.
            const std::string name =
                options.display_name.empty() ? options.account_name : options.display_name;
            Statement client(*db, "INSERT INTO clients (display_name, notes, created_at, "
                                  "created_by) VALUES (?, '', ?, ?)");
            client.bind(1, name).bind(2, now).bind(3, id.value).run();
            audit.append(clock.now(), id, "client.add",
                         "client:" + std::to_string(db->last_insert_id()), name);
        }
        // The vault starts under the shipped norms, recorded as its first profile.
        detail::activate_profile(*db, audit, clock.now(), id, core::default_norms_profile(),
                                 core::default_norms_json());
        tx.commit();
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return write_audit_head(staging, audit, audit.head());
    });
    if (!built) {
        cleanup();
        return built.failure();
    }
    if (auto w = write_key_slots(staging / key_file, keys); !w) {
        cleanup();
        return w.failure();
    }
    if (auto w = write_file_atomically(staging / lock_file, "Punctum vault lock\n"); !w) {
        cleanup();
        return w.failure();
    }
    if (fs::exists(folder, ec)) {
        fs::remove(folder, ec); // the empty folder the user picked
    }
    fs::rename(staging, folder, ec);
    if (ec) {
        cleanup();
        return fail(StorageErrc::io, "Could not move the new vault into place: " + ec.message());
    }
    // The rename is a change to the parent folder: synced, or a power cut can lose the vault.
    sync_path(folder.has_parent_path() ? folder.parent_path() : fs::path("."));
    auto opened = open(folder, options.account_name, passphrase, clock);
    if (!opened) {
        return opened.failure();
    }
    return CreatedVault{std::move(opened.value()), std::move(recovery.printable_key)};
}

StorageResult<std::unique_ptr<Vault>> Vault::open(const fs::path& folder, std::string_view account,
                                                  const SecureBytes& passphrase,
                                                  const core::Clock& clock) {
    if (!crypto::ready()) {
        return fail(StorageErrc::internal, "The system's random number source is unavailable.");
    }
    // Lock first: only the process holding the lock may finish another's interrupted work.
    auto lock = VaultLock::acquire(folder / lock_file);
    if (!lock) {
        return lock.failure();
    }
    finish_interrupted_rotation(folder);
    auto keys = read_key_slots(folder / key_file);
    if (!keys) {
        return keys.failure();
    }
    const KeySlot* slot = keys->find_account(account);
    if (slot == nullptr) {
        // Same words as a wrong passphrase: do not tell a stranger which names exist.
        return fail(StorageErrc::auth_failed,
                    "The account name or passphrase is not right. Check both and try again.");
    }
    auto secret = unwrap_with_passphrase(keys.value(), *slot, passphrase);
    auto data_key = secret ? open_data_key(*slot, *secret) : std::nullopt;
    if (!data_key) {
        return fail(StorageErrc::auth_failed,
                    "The account name or passphrase is not right. Check both and try again.");
    }
    return guard([&]() -> StorageResult<std::unique_ptr<Vault>> {
        auto db = open_vault_database(folder / database_file, *data_key, keys->cipher_page_size,
                                      /*create=*/false);
        const int version = schema_version(*db);
        if (version > current_schema_version()) {
            return fail(StorageErrc::newer_version,
                        "This vault was made by a newer version of Punctum (schema " +
                            std::to_string(version) + "). Update Punctum to open it.");
        }
        migrate(*db, current_schema_version());
        auto audit = std::make_unique<AuditLog>(*db, AuditLog::load_key(*db));
        Account who = load_account(*db, account);
        // The head kept beside the vault and the one in the user's state folder: history
        // that does not reach the further of them was rolled back or replaced.
        const auto expected =
            expected_audit_head(folder, keys->vault_id, *audit, audit->head().seq);
        std::string warning = rollback_finding(*audit, expected);
        auto ctx =
            std::unique_ptr<detail::VaultContext>(new detail::VaultContext{folder,
                                                                           std::move(keys.value()),
                                                                           std::move(lock.value()),
                                                                           std::move(*data_key),
                                                                           std::move(db),
                                                                           std::move(audit),
                                                                           std::move(who),
                                                                           clock,
                                                                           std::move(*secret),
                                                                           std::move(warning),
                                                                           {},
                                                                           0,
                                                                           {}});
        start_signing(*ctx, passphrase);
        // An older shipped profile gives way to this build's (never on a vault whose history
        // is in doubt: nothing is written until someone has looked at it).
        if (ctx->audit_warning.empty()) {
            Transaction tx(*ctx->db);
            if (detail::follow_shipped_norms(*ctx)) {
                tx.commit();
                ctx->committed();
            }
        }
        // A vault from before stored outcomes (schema 7) gets them once, attributed to the
        // account that opened it: the cohort statistics read them.
        if (version < outcomes_schema && ctx->audit_warning.empty()) {
            Transaction tx(*ctx->db);
            if (const int sessions = detail::recompute_outcomes(*ctx); sessions > 0) {
                ctx->record("outcomes.recompute", "vault", std::to_string(sessions) + " sessions");
            }
            tx.commit();
            ctx->committed();
        }
        return std::unique_ptr<Vault>(new Vault(std::move(ctx)));
    });
}

StorageResult<VaultSummary> Vault::inspect(const fs::path& folder) {
    auto keys = read_key_slots(folder / key_file);
    if (!keys) {
        return keys.failure();
    }
    VaultSummary summary;
    summary.kind = keys->kind;
    for (const auto& s : keys->slots) {
        if (s.kind == "passphrase") {
            summary.accounts.push_back(s.account);
        }
    }
    return summary;
}

StorageResult<void> Vault::batch(const std::function<StorageResult<void>()>& body) {
    return guard([&]() -> StorageResult<void> {
        Transaction tx(*ctx_->db);
        auto result = body();
        if (result) {
            tx.commit();
            ctx_->committed();
        }
        return result;
    });
}

StorageResult<VaultStats> Vault::stats() {
    return guard([&]() -> StorageResult<VaultStats> {
        auto& db = *ctx_->db;
        VaultStats s;
        s.clients = db.query_int("SELECT count(*) FROM clients");
        s.sessions = db.query_int("SELECT count(*) FROM sessions");
        s.entries = db.query_int("SELECT count(*) FROM recovery_entries");
        s.photos = db.query_int("SELECT count(*) FROM photos");
        s.flags = db.query_int("SELECT count(*) FROM flags");
        s.open_flags = db.query_int("SELECT count(*) FROM flags WHERE state = 'open'");
        s.audit_events = db.query_int("SELECT count(*) FROM audit_events");
        s.accounts = db.query_int("SELECT count(*) FROM accounts WHERE removed_at IS NULL");
        return s;
    });
}

} // namespace punctum::storage
