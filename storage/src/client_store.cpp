#include "punctum/storage/client_store.h"

#include "guard.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

std::string like_pattern(std::string_view search) {
    std::string p = "%";
    for (char c : search) {
        if (c == '%' || c == '_' || c == '\\') {
            p += '\\';
        }
        p += c;
    }
    return p + "%";
}

} // namespace

StorageResult<core::ClientId> ClientStore::add(core::Client client) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (auto valid = core::validate(client); !valid) {
        return fail(StorageErrc::invalid_input, valid.error().message);
    }
    return guard([&]() -> StorageResult<core::ClientId> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        client.created_at = ctx_.clock.now();
        Statement st(db, "INSERT INTO clients (display_name, date_of_birth, fitzpatrick, notes, "
                         "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)");
        st.bind(1, client.display_name);
        if (client.date_of_birth) {
            st.bind(2, core::format_date(*client.date_of_birth));
        } else {
            st.bind_null(2);
        }
        st.bind(3, client.fitzpatrick)
            .bind(4, client.notes)
            .bind(5, core::format_timestamp(client.created_at))
            .bind(6, ctx_.account.id.value)
            .run();
        const core::ClientId id{db.last_insert_id()};
        ctx_.record("client.add", "client:" + std::to_string(id.value),
                    client.display_name + "|" +
                        (client.date_of_birth ? core::format_date(*client.date_of_birth) : "") +
                        "|" + std::to_string(client.fitzpatrick.value_or(0)) + "|" + client.notes);
        tx.commit();
        ctx_.committed();
        return id;
    });
}

StorageResult<core::ClientId> ClientStore::own() {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<core::ClientId> {
        if (ctx_.keys.kind != VaultKind::personal) {
            return fail(StorageErrc::not_found,
                        "Only a personal vault has its own record; a clinic vault has clients.");
        }
        // Vault::create makes it first, so it has the lowest id.
        const auto id = ctx_.db->query_int("SELECT min(id) FROM clients");
        if (id <= 0) {
            return fail(StorageErrc::not_found, "This personal vault has no record of its own.");
        }
        return core::ClientId{id};
    });
}

StorageResult<core::Client> ClientStore::get(core::ClientId id) {
    return guard([&]() -> StorageResult<core::Client> {
        Statement st(*ctx_.db, "SELECT id, display_name, date_of_birth, fitzpatrick, notes, "
                               "created_at FROM clients WHERE id = ?");
        st.bind(1, id.value);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That client is not in this vault.");
        }
        core::Client c;
        c.id = core::ClientId{st.int64(0)};
        c.display_name = st.text(1);
        if (auto dob = st.optional_text(2)) {
            c.date_of_birth = core::parse_date(*dob);
        }
        c.fitzpatrick = st.optional_int(3);
        c.notes = st.text(4);
        c.created_at = core::parse_timestamp(st.text(5)).value_or(core::TimePoint{});
        return c;
    });
}

StorageResult<std::vector<ClientSummary>> ClientStore::list(std::string_view search, int offset,
                                                            int limit) {
    return guard([&]() -> StorageResult<std::vector<ClientSummary>> {
        Statement st(*ctx_.db,
                     "SELECT c.id, c.display_name, c.fitzpatrick, "
                     "  (SELECT count(*) FROM sessions s WHERE s.client_id = c.id), "
                     "  (SELECT max(treated_on) FROM sessions s WHERE s.client_id = c.id) "
                     "FROM clients c WHERE c.display_name LIKE ? ESCAPE '\\' "
                     "ORDER BY c.display_name COLLATE NOCASE, c.id LIMIT ? OFFSET ?");
        st.bind(1, like_pattern(search)).bind(2, limit).bind(3, offset);
        std::vector<ClientSummary> out;
        while (st.step()) {
            ClientSummary s;
            s.id = core::ClientId{st.int64(0)};
            s.display_name = st.text(1);
            s.fitzpatrick = st.optional_int(2);
            s.session_count = st.integer(3);
            if (auto last = st.optional_text(4)) {
                s.last_treated_on = core::parse_date(*last);
            }
            out.push_back(std::move(s));
        }
        return out;
    });
}

StorageResult<int> ClientStore::count(std::string_view search) {
    return guard([&]() -> StorageResult<int> {
        Statement st(*ctx_.db,
                     "SELECT count(*) FROM clients WHERE display_name LIKE ? ESCAPE '\\'");
        st.bind(1, like_pattern(search));
        st.step();
        return st.integer(0);
    });
}

} // namespace punctum::storage
