#include "punctum/storage/account_store.h"

#include "account_rows.h"
#include "guard.h"
#include "key_slots.h"
#include "punctum/core/date.h"
#include "punctum/storage/passphrase_rule.h"
#include "vault_context.h"

#include <algorithm>

namespace punctum::storage {

namespace {

bool valid_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    });
}

} // namespace

StorageResult<std::vector<Account>> AccountStore::list() {
    return guard([&]() -> StorageResult<std::vector<Account>> {
        Statement st(*ctx_.db, std::string("SELECT ") + detail::account_columns +
                                   " FROM accounts "
                                   "WHERE removed_at IS NULL ORDER BY name");
        std::vector<Account> out;
        while (st.step()) {
            out.push_back(detail::read_account(st));
        }
        return out;
    });
}

StorageResult<Account> AccountStore::add(std::string_view name, std::string_view display_name,
                                         core::Role role, const SecureBytes& passphrase,
                                         const KdfParams& kdf) {
    if (auto allowed = ctx_.require(core::Action::manage_accounts); !allowed) {
        return allowed.failure();
    }
    if (ctx_.keys.kind != VaultKind::clinic || role == core::Role::patient) {
        return fail(StorageErrc::invalid_input,
                    "Accounts can be added to a clinic vault only, as admin, practitioner or "
                    "reviewer.");
    }
    if (!valid_name(name)) {
        return fail(
            StorageErrc::invalid_input,
            "An account name uses lower-case letters, digits, '.', '-' or '_' (at most 64), "
            "for example 'sam.okafor'.");
    }
    if (auto rule = check_new_passphrase(passphrase); !rule) {
        return rule.failure();
    }
    return guard([&]() -> StorageResult<Account> {
        auto& db = *ctx_.db;
        Statement taken(db, "SELECT 1 FROM accounts WHERE name = ?");
        taken.bind(1, name);
        if (taken.step() || ctx_.keys.find_account(name) != nullptr) {
            return fail(StorageErrc::exists, "There is already an account called '" +
                                                 std::string(name) + "'. Choose another name.");
        }
        auto slot = make_passphrase_slot(ctx_.keys, name, passphrase, kdf, ctx_.data_key);
        if (!slot) {
            return fail(StorageErrc::internal, "Not enough memory to derive the key.");
        }
        const auto signing_key = slot->signing_key;
        // The slot is written first: if the database write then fails, a slot without an
        // account opens nothing (open() needs the account row) and is removed again below.
        KeySlotFile updated = ctx_.keys;
        updated.slots.push_back(std::move(*slot));
        if (auto w = write_key_slots(ctx_.folder / "keys.json", updated); !w) {
            return w.failure();
        }
        try {
            Transaction tx(db);
            Statement ins(db, "INSERT INTO accounts (name, display_name, role, created_at) "
                              "VALUES (?, ?, ?, ?)");
            ins.bind(1, name)
                .bind(2, display_name.empty() ? name : display_name)
                .bind(3, core::to_string(role))
                .bind(4, core::format_timestamp(ctx_.clock.now()))
                .run();
            Account a{core::AccountId{db.last_insert_id()}, std::string(name),
                      std::string(display_name.empty() ? name : display_name), role};
            ctx_.record("account.add", "account:" + std::to_string(a.id.value),
                        a.name + "|" + std::string(core::to_string(role)));
            // The new account signs from its first event: its key is registered by the admin
            // who added it, in the same signed history.
            ctx_.audit->register_key(ctx_.clock.now(), ctx_.account.id, a.id, signing_key);
            tx.commit();
            ctx_.keys = std::move(updated);
            ctx_.committed();
            return a;
        } catch (...) {
            (void)write_key_slots(ctx_.folder / "keys.json", ctx_.keys);
            throw;
        }
    });
}

StorageResult<void> AccountStore::remove(std::string_view name) {
    if (auto allowed = ctx_.require(core::Action::manage_accounts); !allowed) {
        return allowed.failure();
    }
    if (name == ctx_.account.name) {
        return fail(StorageErrc::invalid_input,
                    "You cannot remove the account you are signed in with. Ask another admin.");
    }
    return guard([&]() -> StorageResult<void> {
        auto& db = *ctx_.db;
        Statement st(db, std::string("SELECT ") + detail::account_columns +
                             " FROM accounts "
                             "WHERE name = ? AND removed_at IS NULL");
        st.bind(1, name);
        if (!st.step()) {
            return fail(StorageErrc::not_found,
                        "There is no account called '" + std::string(name) + "'.");
        }
        const Account gone = detail::read_account(st);
        if (gone.role == core::Role::admin &&
            db.query_int(
                "SELECT count(*) FROM accounts WHERE role = 'admin' AND removed_at IS NULL") <= 1) {
            return fail(StorageErrc::invalid_input, "The last admin cannot be removed.");
        }
        Transaction tx(db);
        Statement upd(db, "UPDATE accounts SET removed_at = ? WHERE id = ?");
        upd.bind(1, core::format_timestamp(ctx_.clock.now())).bind(2, gone.id.value).run();
        ctx_.record("account.remove", "account:" + std::to_string(gone.id.value), gone.name);
        tx.commit();
        ctx_.committed();
        KeySlotFile updated = ctx_.keys;
        std::erase_if(updated.slots, [&](const KeySlot& s) {
            return s.kind == "passphrase" && s.account == name;
        });
        if (auto w = write_key_slots(ctx_.folder / "keys.json", updated); !w) {
            return w.failure(); // the account is already unable to sign in (removed_at)
        }
        ctx_.keys = std::move(updated);
        return {};
    });
}

} // namespace punctum::storage
