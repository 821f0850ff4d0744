// Clinic side: checking a patient's recovery report and merging it into its session.

#include "exchange_keys.h"
#include "guard.h"
#include "photo_rows.h"
#include "punctum/core/exchange/exchange_frame.h"
#include "punctum/core/exchange/recovery_report.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/session_store.h"
#include "signing.h"

#include <map>
#include <set>

namespace punctum::storage {

namespace ex = core::exchange;

namespace {

constexpr std::size_t report_header_size = 32;

struct Pairing {
    std::string plan_id;
    core::SessionId session;
    SecureBytes secret;
    std::optional<crypto::Bytes> patient_key;
};

std::optional<Pairing> find_pairing(Connection& db, const std::string& pairing_id) {
    Statement st(db, "SELECT plan_id, session_id, pairing_secret, patient_key "
                     "FROM exchange_pairings WHERE pairing_id = ?");
    st.bind(1, pairing_id);
    if (!st.step()) {
        return std::nullopt;
    }
    Pairing p{st.text(0), core::SessionId{st.int64(1)}, st.secret_blob(2), std::nullopt};
    if (st.optional_text(3)) {
        p.patient_key = st.blob(3);
    }
    return p;
}

/// The checked contents of a report: opened with this clinic's key, signed by the key the
/// pairing bound, for a pairing this vault made.
struct Checked {
    ex::DecodedReport decoded;
    SecureBytes inner; ///< owns the bytes decoded's photo views point into
    Pairing pairing;
    crypto::Bytes digest;
};

StorageResult<Checked> check_report(Connection& db, const crypto::Bytes& file) {
    auto frame = ex::read_frame(file);
    if (!frame) {
        return detail::refuse(frame.error().message);
    }
    if (frame->header.size() != report_header_size) {
        return detail::refuse("This recovery report's header is not the size the format "
                              "sets: the file is damaged. Ask the patient to send it again.");
    }
    auto identity = detail::load_clinic_identity(db);
    if (!identity || detail::key_id(identity->box_public) !=
                         crypto::Bytes(frame->header.begin(), frame->header.begin() + 16)) {
        return detail::refuse(
            "This recovery report was sealed for another clinic's vault, not this one, so it "
            "cannot be read here. If it came to you by mistake, tell the patient.");
    }
    Checked out;
    auto inner = crypto::open_sealed(identity->box_public, identity->box_secret, frame->body);
    if (!inner || inner->size() < signing::signature_size) {
        return detail::refuse("This recovery report does not open with this clinic's key: it "
                              "was altered or damaged on the way. Ask the patient to send it "
                              "again.");
    }
    out.inner = std::move(*inner);
    const auto signature = out.inner.bytes().first(signing::signature_size);
    const auto body = out.inner.bytes().subspan(signing::signature_size);
    auto decoded = ex::decode_report_body(body);
    if (!decoded) {
        return detail::refuse(decoded.error().message);
    }
    const auto& r = decoded->report;
    auto pairing = find_pairing(db, r.pairing_id);
    if (!pairing || pairing->plan_id != r.plan_id) {
        return detail::refuse("This recovery report answers a care plan this vault did not "
                              "issue: it is from a patient this clinic has not paired with.");
    }
    const auto patient_key = *detail::unhex(r.patient_sign_public, signing::public_key_size);
    if (detail::binding(pairing->secret, patient_key) != *detail::unhex(r.binding, 32) ||
        (pairing->patient_key && *pairing->patient_key != patient_key)) {
        return detail::refuse("This recovery report is signed by a key that was not bound to "
                              "this care plan when the patient opened it. It was not imported.");
    }
    std::vector<unsigned char> signed_part(frame->prefix.begin(), frame->prefix.end());
    signed_part.insert(signed_part.end(), body.begin(), body.end());
    if (!signing::verify(patient_key, signed_part, signature) ||
        detail::hex(frame->header.subspan(16, 16)) != r.report_id) {
        return detail::refuse("This recovery report's signature does not match its contents: "
                              "it was altered. Ask the patient to send it again.");
    }
    out.digest = crypto::digest({reinterpret_cast<const char*>(file.data()), file.size()});
    out.decoded = std::move(decoded).value();
    out.pairing = std::move(*pairing);
    return out;
}

std::map<std::string, std::int64_t> known_records(Connection& db, const std::string& pairing,
                                                  const char* column) {
    Statement st(db, std::string("SELECT uid, ") + column +
                         " FROM exchange_records WHERE pairing_id = ? AND " + column +
                         " IS NOT NULL");
    st.bind(1, pairing);
    std::map<std::string, std::int64_t> out;
    while (st.step()) {
        out.emplace(st.text(0), st.int64(1));
    }
    return out;
}

void remember(Connection& db, const std::string& pairing, const std::string& uid,
              std::int64_t entry, std::int64_t photo) {
    Statement st(db, "INSERT INTO exchange_records (pairing_id, uid, entry_id, photo_id) "
                     "VALUES (?, ?, ?, ?)");
    st.bind(1, pairing).bind(2, uid);
    entry != 0 ? st.bind(3, entry) : st.bind_null(3);
    photo != 0 ? st.bind(4, photo) : st.bind_null(4);
    st.run();
}

std::pair<int, int> flag_counts(Connection& db, core::SessionId session) {
    Statement st(db, "SELECT COUNT(*), COALESCE(SUM(severity = 'urgent'), 0) FROM flags "
                     "WHERE session_id = ?");
    st.bind(1, session.value);
    (void)st.step();
    return {st.integer(0), st.integer(1)};
}

core::RecoveryEntry entry_of(const ex::ReportEntry& e, core::SessionId session) {
    core::RecoveryEntry entry;
    entry.session_id = session;
    entry.observed_on = e.date;
    entry.reporter = core::Reporter::patient;
    entry.scores = e.scores;
    entry.gais_patient = e.gais_patient;
    entry.note = e.note;
    return entry;
}

} // namespace

StorageResult<ImportedReport> ExchangeStore::import_report(const std::filesystem::path& file) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (ctx_.keys.kind != VaultKind::clinic) {
        return fail(StorageErrc::invalid_input, "Recovery reports are imported by the clinic "
                                                "vault that issued the care plan.");
    }
    auto bytes = detail::read_exchange_file(file, ex::FileKind::recovery_report);
    if (!bytes) {
        return bytes.failure();
    }
    return guard([&]() -> StorageResult<ImportedReport> {
        auto& db = *ctx_.db;
        auto checked = check_report(db, *bytes);
        if (!checked) {
            return checked.failure();
        }
        const auto& r = checked->decoded.report;
        const auto& pairing = checked->pairing;
        ImportedReport out;
        out.report_id = r.report_id;
        out.session = pairing.session;
        Statement client(db, "SELECT c.id, c.display_name FROM sessions s JOIN clients c "
                             "ON c.id = s.client_id WHERE s.id = ?");
        client.bind(1, pairing.session.value);
        (void)client.step();
        out.client = core::ClientId{client.int64(0)};
        out.client_name = client.text(1);
        Statement seen(db, "SELECT imported_at FROM exchange_imports WHERE report_id = ?");
        seen.bind(1, r.report_id);
        if (seen.step()) {
            out.already_imported = true;
            out.imported_at = core::parse_timestamp(seen.text(0)).value_or(core::TimePoint{});
            return out;
        }
        // Photos are decoded (the slow part) before the write transaction takes the vault.
        const auto r_pairing = r.pairing_id;
        auto known_photos = known_records(db, r_pairing, "photo_id");
        std::map<std::string, NewPhoto> decoded;
        for (std::size_t i = 0; i < r.photos.size(); ++i) {
            const auto& p = r.photos[i];
            if (known_photos.count(p.uid) != 0) {
                continue;
            }
            auto photo = core::photo::import_photo(checked->decoded.photo_bytes[i]);
            if (!photo) {
                return detail::refuse("Photo " + std::to_string(i + 1) +
                                      " in this recovery report cannot be read: " +
                                      photo.error().message + " Nothing was imported.");
            }
            decoded.emplace(p.uid, NewPhoto{std::move(*photo), p.area, p.taken_on,
                                            core::photo_view_from_string(p.view).value_or(
                                                core::PhotoView::unspecified)});
        }

        Transaction tx(db);
        const auto flags_before = flag_counts(db, pairing.session);
        auto known_entries = known_records(db, r_pairing, "entry_id");
        known_photos = known_records(db, r_pairing, "photo_id");
        std::set<std::string> placed;
        SessionStore sessions(ctx_);
        for (const auto& e : r.entries) {
            if (known_entries.count(e.uid) != 0) {
                ++out.entries_known;
                continue;
            }
            // The entry's photos land with it, in its own checks and flag evaluation.
            std::vector<NewPhoto> with;
            std::vector<std::string> uids;
            for (const auto& p : r.photos) {
                if (p.entry_uid == e.uid && decoded.count(p.uid) != 0 &&
                    known_photos.count(p.uid) == 0) {
                    with.push_back(std::move(decoded.at(p.uid)));
                    uids.push_back(p.uid);
                }
            }
            auto id = sessions.add_entry(entry_of(e, pairing.session), with);
            if (!id) {
                return detail::refuse("The check-in of " + core::format_date(e.date) +
                                      " in this recovery report was refused: " +
                                      id.error().message + " Nothing was imported.");
            }
            remember(db, r_pairing, e.uid, id->value, 0);
            known_entries.emplace(e.uid, id->value);
            ++out.entries_added;
            Statement photo_ids(db, "SELECT id FROM photos WHERE entry_id = ? ORDER BY id");
            photo_ids.bind(1, id->value);
            for (const auto& uid : uids) {
                (void)photo_ids.step();
                remember(db, r_pairing, uid, 0, photo_ids.int64(0));
                placed.insert(uid);
                ++out.photos_added;
            }
        }
        // Photos of an earlier check-in, or of the session itself.
        for (const auto& p : r.photos) {
            if (known_photos.count(p.uid) != 0) {
                ++out.photos_known;
                continue;
            }
            if (placed.count(p.uid) != 0) {
                continue;
            }
            const auto entry = known_entries.find(p.entry_uid);
            const auto id = detail::insert_photo(
                ctx_, pairing.session,
                core::EntryId{entry != known_entries.end() ? entry->second : 0}, decoded.at(p.uid));
            remember(db, r_pairing, p.uid, 0, id);
            ++out.photos_added;
        }
        if (!pairing.patient_key) {
            Statement pin(db, "UPDATE exchange_pairings SET patient_key = ? WHERE pairing_id = ?");
            pin.bind_blob(1, *detail::unhex(r.patient_sign_public, 32)).bind(2, r_pairing).run();
        }
        out.imported_at = ctx_.clock.now();
        Statement st(db, "INSERT INTO exchange_imports (report_id, pairing_id, made_at, "
                         "patient_events, patient_head, entries_added, entries_known, "
                         "photos_added, photos_known, file_digest, imported_at, imported_by) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, r.report_id)
            .bind(2, r_pairing)
            .bind(3, core::format_timestamp(r.created_at))
            .bind(4, r.audit_events)
            .bind(5, r.audit_head)
            .bind(6, out.entries_added)
            .bind(7, out.entries_known)
            .bind(8, out.photos_added)
            .bind(9, out.photos_known)
            .bind_blob(10, checked->digest)
            .bind(11, core::format_timestamp(out.imported_at))
            .bind(12, ctx_.account.id.value)
            .run();
        const auto flags_after = flag_counts(db, pairing.session);
        out.new_flags = flags_after.first - flags_before.first;
        out.new_urgent = flags_after.second - flags_before.second;
        ctx_.record("exchange.import", "session:" + std::to_string(pairing.session.value),
                    "report:" + r.report_id + "|plan:" + r.plan_id + "|patient_key:" +
                        r.patient_sign_public + "|entries:" + std::to_string(out.entries_added) +
                        "+" + std::to_string(out.entries_known) + " known|photos:" +
                        std::to_string(out.photos_added) + "+" + std::to_string(out.photos_known) +
                        " known|patient_audit:" + std::to_string(r.audit_events) + ":" +
                        r.audit_head + "|file:" + detail::hex(checked->digest));
        tx.commit();
        ctx_.committed();
        return out;
    });
}

} // namespace punctum::storage
