#include "fhir_export.h"

#include "fhir_resources.h"
#include "punctum/core/date.h"
#include "punctum/storage/audit_store.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/flag_store.h"
#include "punctum/storage/photo_store.h"
#include "punctum/storage/session_store.h"

#include <map>

namespace punctum::storage::detail {

namespace {

template <typename T> T value_of(StorageResult<T> result) {
    if (!result) {
        throw ExportReadFailed{result.error()};
    }
    return std::move(*result);
}

class BundleWriter {
public:
    BundleWriter(const FhirIds& ids, ExportSink& sink, ExportSummary& summary)
        : ids_(ids), sink_(sink), summary_(summary) {}
    void add(Json resource) {
        sink_.put(first_ ? "\n" : ",\n");
        first_ = false;
        sink_.put(bundle_entry(ids_, std::move(resource)).dump());
        ++summary_.records;
    }

private:
    const FhirIds& ids_;
    ExportSink& sink_;
    ExportSummary& summary_;
    bool first_ = true;
};

bool in_range(const core::TreatmentSession& s, const ExportScope& scope) {
    return (!scope.from || s.treated_on >= *scope.from) && (!scope.to || s.treated_on <= *scope.to);
}

std::vector<core::ClientId> clients_in_scope(Connection& db, const ExportScope& scope) {
    Statement st(db, "SELECT id FROM clients c WHERE (?3 = 0 OR id = ?3) AND "
                     "((?1 IS NULL AND ?2 IS NULL) OR EXISTS (SELECT 1 FROM sessions s WHERE "
                     "s.client_id = c.id AND (?1 IS NULL OR s.treated_on >= ?1) AND "
                     "(?2 IS NULL OR s.treated_on <= ?2))) ORDER BY id");
    st.bind(1, scope.from ? std::optional(core::format_date(*scope.from)) : std::nullopt)
        .bind(2, scope.to ? std::optional(core::format_date(*scope.to)) : std::nullopt)
        .bind(3, scope.client.value);
    std::vector<core::ClientId> out;
    while (st.step()) {
        out.push_back(core::ClientId{st.int64(0)});
    }
    return out;
}

void write_client(VaultContext& ctx, const FhirIds& ids, core::ClientId id,
                  const ExportScope& scope, const std::map<std::int64_t, Account>& accounts,
                  BundleWriter& out, ExportSummary& summary) {
    ClientStore clients(ctx);
    SessionStore sessions(ctx);
    FlagStore flags(ctx);
    PhotoStore photos(ctx);
    out.add(patient(value_of(clients.get(id))));
    for (const auto& session : value_of(sessions.of_client(id))) {
        if (!in_range(session, scope)) {
            continue;
        }
        for (auto& device : devices(session)) {
            out.add(std::move(device));
        }
        for (auto& medication : medications(session)) {
            out.add(std::move(medication));
        }
        const auto practitioner = accounts.find(session.practitioner.value);
        out.add(procedure(ids, session,
                          practitioner == accounts.end() ? "" : practitioner->second.display_name));
        for (const auto& entry : value_of(sessions.entries(session.id))) {
            for (auto& observation : observations(ids, entry, id)) {
                out.add(std::move(observation));
            }
        }
        // PhotoStore lists only the photos a client lets their record show; the rest are
        // counted, so the summary can say how many stayed in the vault.
        const auto shown = value_of(photos.of_session(session.id));
        Statement all(*ctx.db, "SELECT count(*) FROM photos WHERE session_id = ?");
        all.bind(1, session.id.value);
        all.step();
        summary.photos_withheld += all.int64(0) - static_cast<std::int64_t>(shown.size());
        for (const auto& photo : shown) {
            auto bytes = photos.export_photo(photo.id, core::PhotoUse::medical_record);
            if (!bytes && bytes.error().code == StorageErrc::forbidden) {
                ++summary.photos_withheld; // consent withheld: the photo stays in the vault
                continue;
            }
            out.add(media(ids, photo, value_of(std::move(bytes))));
            ++summary.photos;
        }
        for (const auto& stored : value_of(flags.of_session(session.id))) {
            out.add(flag(ids, stored));
        }
    }
}

// The whole trail in order, read straight from the table: a clinic's trail runs to
// millions of events, which AuditStore's newest-first pages would read again and again.
void write_whole_trail(Connection& db, const FhirIds& ids,
                       const std::map<std::int64_t, Account>& accounts, BundleWriter& out) {
    Statement st(db, "SELECT e.seq, e.at, e.account_id, a.display_name, e.action, e.object "
                     "FROM audit_events e LEFT JOIN accounts a ON a.id = e.account_id "
                     "ORDER BY e.seq");
    while (st.step()) {
        AuditRow row{st.int64(0), st.text(1), {}, st.is_null(3) ? "" : st.text(3),
                     st.text(4),  st.text(5)};
        if (!st.is_null(2)) {
            const auto account = accounts.find(st.int64(2));
            if (account != accounts.end() && account->second.role != core::Role::patient) {
                row.agent = account->second.id;
            }
        }
        out.add(audit_event(ids, row));
    }
}

// One client's events, through AuditStore's client filter (which knows which objects are
// theirs); oldest first like the whole trail.
void write_client_trail(VaultContext& ctx, const FhirIds& ids, core::ClientId client,
                        const std::map<std::int64_t, Account>& accounts, BundleWriter& out) {
    AuditStore audit(ctx);
    AuditFilter filter;
    filter.client = client;
    std::vector<AuditEvent> events;
    constexpr int page = 1000;
    for (int offset = 0;; offset += page) {
        auto batch = value_of(audit.events(filter, page, offset));
        events.insert(events.end(), batch.begin(), batch.end());
        if (static_cast<int>(batch.size()) < page) {
            break;
        }
    }
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        AuditRow row{it->seq,    core::format_timestamp(it->at),
                     {},         it->account_display_name,
                     it->action, it->object};
        for (const auto& [id, account] : accounts) {
            if (account.name == it->account && account.role != core::Role::patient) {
                row.agent = account.id;
            }
        }
        out.add(audit_event(ids, row));
    }
}

} // namespace

void write_fhir_bundle(VaultContext& ctx, const ExportScope& scope, ExportSink& sink,
                       ExportSummary& summary, const core::Progress& progress) {
    const FhirIds ids(ctx.keys.vault_id);
    const std::string now = core::format_timestamp(ctx.clock.now());
    Json head{{"resourceType", "Bundle"},
              {"id", ids.url("Bundle", now).substr(9)},
              {"meta", Json{{"lastUpdated", now}}},
              {"type", "collection"},
              {"timestamp", now}};
    std::string text = head.dump();
    text.pop_back(); // the closing brace: the entries follow
    sink.put(text + ",\"entry\":[");

    // Every account, removed ones too: an old session names who gave it.
    std::map<std::int64_t, Account> accounts;
    Statement st(*ctx.db, "SELECT id, name, display_name, role FROM accounts ORDER BY id");
    while (st.step()) {
        const auto role = core::role_from_string(st.text(3));
        accounts.emplace(st.int64(0), Account{core::AccountId{st.int64(0)}, st.text(1), st.text(2),
                                              role.value_or(core::Role::reviewer)});
    }
    BundleWriter out(ids, sink, summary);
    for (const auto& [id, account] : accounts) {
        if (account.role != core::Role::patient) {
            out.add(practitioner(account));
        }
    }
    const auto clients = clients_in_scope(*ctx.db, scope);
    const auto total = static_cast<std::int64_t>(clients.size());
    for (std::int64_t done = 0; done < total; ++done) {
        if (!core::report(progress, done, total)) {
            throw export_cancelled();
        }
        write_client(ctx, ids, clients[static_cast<std::size_t>(done)], scope, accounts, out,
                     summary);
    }
    summary.audit_trail = core::permits(ctx.account.role, core::Action::read_audit);
    if (summary.audit_trail) {
        if (scope.client.valid()) {
            write_client_trail(ctx, ids, scope.client, accounts, out);
        } else {
            write_whole_trail(*ctx.db, ids, accounts, out);
        }
    }
    sink.put("\n]}\n");
}

} // namespace punctum::storage::detail
