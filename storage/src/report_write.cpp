// Patient side: a recovery report, sealed to the clinic and signed with the key bound at
// pairing.

#include "exchange_keys.h"
#include "guard.h"
#include "punctum/core/exchange/exchange_frame.h"
#include "punctum/core/exchange/recovery_report.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/storage/atomic_file.h"
#include "punctum/storage/exchange_store.h"
#include "signing.h"

namespace punctum::storage {

namespace ex = core::exchange;

namespace {

constexpr std::size_t seal_overhead = 48; // crypto_box_SEALBYTES
// The photo bytes one report may carry: the format's body limit less room for the JSON.
constexpr std::uint64_t photo_budget = ex::max_report_body - ex::max_report_json - 1024;

// A stable id: the same row gives the same id in every report, and a row that reuses an id
// after the vault was restored from a backup (made at another time) does not.
std::string uid(char kind, std::int64_t id, const std::string& created_at) {
    auto d = crypto::digest(std::to_string(id) + "|" + created_at);
    d.resize(4);
    return std::string(1, kind) + std::to_string(id) + "-" + detail::hex(d);
}

struct PlanRow {
    std::string plan_id;
    std::string pairing_id;
    std::int64_t session = 0;
    crypto::Bytes clinic_box;
    crypto::Bytes patient_public;
    SecureBytes patient_secret;
    crypto::Bytes binding;
    std::int64_t last_entry = 0;
    std::int64_t last_photo = 0;
};

std::optional<PlanRow> find_plan(Connection& db, const std::string& plan_id) {
    Statement st(db, std::string("SELECT plan_id, pairing_id, session_id, clinic_box_public, "
                                 "patient_sign_public, patient_sign_secret, binding, "
                                 "last_entry_id, last_photo_id FROM care_plans ") +
                         (plan_id.empty() ? "ORDER BY opened_at DESC, rowid DESC LIMIT 1"
                                          : "WHERE plan_id = ?"));
    if (!plan_id.empty()) {
        st.bind(1, plan_id);
    }
    if (!st.step()) {
        return std::nullopt;
    }
    return PlanRow{st.text(0),        st.text(1), st.int64(2), st.blob(3), st.blob(4),
                   st.secret_blob(5), st.blob(6), st.int64(7), st.int64(8)};
}

void read_entries(Connection& db, const PlanRow& plan, bool everything, ex::RecoveryReport& r,
                  std::int64_t& last) {
    std::string sql = "SELECT id, observed_on, created_at, note, gais_patient";
    for (const auto& scale : core::all_scales()) {
        sql += ", " + std::string(scale.key);
    }
    sql += " FROM recovery_entries WHERE session_id = ? AND id > ? ORDER BY id";
    Statement st(db, sql);
    st.bind(1, plan.session).bind(2, everything ? std::int64_t{0} : plan.last_entry);
    while (st.step() && r.entries.size() < ex::max_report_entries) { // the rest: next report
        ex::ReportEntry e;
        e.uid = uid('e', st.int64(0), st.text(2));
        e.date = core::parse_date(st.text(1)).value_or(core::Date{});
        e.note = detail::utf8_prefix(st.text(3), ex::max_note_length);
        e.gais_patient = st.optional_int(4);
        int col = 5;
        for (const auto& scale : core::all_scales()) {
            e.scores.at(static_cast<std::size_t>(scale.symptom)) = st.optional_int(col++);
        }
        r.entries.push_back(std::move(e));
        last = std::max(last, st.int64(0));
    }
}

struct Photos {
    std::vector<crypto::Bytes> bytes;
    int withheld = 0;
};

Photos read_photos(Connection& db, const PlanRow& plan, bool everything, bool allowed,
                   ex::RecoveryReport& r, std::int64_t& last) {
    Statement st(
        db, "SELECT p.id, p.created_at, p.taken_on, p.area, p.photo_view, p.original, "
            "e.id, e.created_at, length(p.original) FROM photos p LEFT JOIN recovery_entries e "
            "ON e.id = p.entry_id WHERE p.session_id = ? AND p.id > ? ORDER BY p.id");
    st.bind(1, plan.session).bind(2, everything ? std::int64_t{0} : plan.last_photo);
    Photos out;
    std::uint64_t total = 0;
    while (st.step()) {
        if (!allowed) {
            ++out.withheld; // kept back, not passed over: sent once the patient allows it
            continue;
        }
        // What does not fit under the format's limit goes in the next report.
        total += static_cast<std::uint64_t>(st.int64(8));
        if (r.photos.size() == ex::max_report_photos || total > photo_budget) {
            break;
        }
        last = std::max(last, st.int64(0));
        ex::ReportPhoto p;
        p.uid = uid('p', st.int64(0), st.text(1));
        p.taken_on = core::parse_date(st.text(2)).value_or(core::Date{});
        p.area = detail::utf8_prefix(st.text(3), 200);
        p.view = st.text(4).empty() ? std::string(core::to_string(core::PhotoView::unspecified))
                                    : st.text(4);
        if (st.optional_int(6)) {
            p.entry_uid = uid('e', st.int64(6), st.text(7));
        }
        r.photos.push_back(std::move(p));
        out.bytes.push_back(st.blob(5));
    }
    return out;
}

bool photos_allowed(Connection& db, std::int64_t session) {
    Statement st(db, "SELECT c.granted FROM client_consents c JOIN sessions s "
                     "ON s.client_id = c.client_id WHERE s.id = ? AND c.kind = 'medical_record'");
    st.bind(1, session);
    return st.step() && st.integer(0) == 1;
}

// header: recipient key id (16) | report id (16)
// body:   crypto_box_seal(clinic key, signature (64) | report body), the signature over
//         prefix | report body
crypto::Bytes seal_report(const PlanRow& plan, const crypto::Bytes& report_id,
                          const std::vector<std::uint8_t>& body) {
    auto header = detail::key_id(plan.clinic_box);
    header.insert(header.end(), report_id.begin(), report_id.end());
    const auto prefix = ex::write_prefix(ex::FileKind::recovery_report, header,
                                         seal_overhead + signing::signature_size + body.size());
    crypto::Bytes inner(prefix.begin(), prefix.end());
    inner.insert(inner.end(), body.begin(), body.end());
    const auto signature = signing::sign(plan.patient_secret, inner);
    inner.erase(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(prefix.size()));
    inner.insert(inner.begin(), signature.begin(), signature.end());
    const auto sealed = crypto::seal_to(plan.clinic_box, inner);
    crypto::Bytes file(prefix.begin(), prefix.end());
    file.insert(file.end(), sealed.begin(), sealed.end());
    return file;
}

} // namespace

StorageResult<WrittenReport> ExchangeStore::write_report(const std::filesystem::path& out,
                                                         const ReportOptions& options) {
    if (auto allowed = ctx_.require(core::Action::log_recovery); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<WrittenReport> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        auto plan = find_plan(db, options.plan_id);
        if (!plan) {
            return fail(StorageErrc::not_found,
                        options.plan_id.empty()
                            ? "This vault holds no care plan yet. Open the care plan your "
                              "clinic gave you first (with its pairing code)."
                            : "This vault holds no care plan " + options.plan_id + ".");
        }
        const auto report_id = crypto::random_bytes(16);
        ex::RecoveryReport r;
        r.report_id = detail::hex(report_id);
        r.plan_id = plan->plan_id;
        r.pairing_id = plan->pairing_id;
        r.patient_sign_public = detail::hex(plan->patient_public);
        r.binding = detail::hex(plan->binding);
        r.created_at = ctx_.clock.now();
        Statement head(db, "SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1");
        if (head.step()) {
            r.audit_events = head.int64(0);
            r.audit_head = detail::hex(head.blob(1));
        }
        std::int64_t last_entry = plan->last_entry;
        std::int64_t last_photo = plan->last_photo;
        read_entries(db, *plan, options.everything, r, last_entry);
        const auto photos = read_photos(db, *plan, options.everything,
                                        photos_allowed(db, plan->session), r, last_photo);
        std::vector<std::span<const std::uint8_t>> views(photos.bytes.begin(), photos.bytes.end());
        const auto file = seal_report(*plan, report_id, ex::encode_report_body(r, views));

        Statement done(db, "UPDATE care_plans SET last_entry_id = ?, last_photo_id = ?, "
                           "reports_sent = reports_sent + 1 WHERE plan_id = ?");
        done.bind(1, last_entry).bind(2, last_photo).bind(3, plan->plan_id).run();
        ctx_.record("exchange.report", "session:" + std::to_string(plan->session),
                    "report:" + r.report_id + "|plan:" + plan->plan_id +
                        "|entries:" + std::to_string(r.entries.size()) +
                        "|photos:" + std::to_string(r.photos.size()) +
                        "|withheld:" + std::to_string(photos.withheld));
        if (auto written = write_file_atomically(
                out, {reinterpret_cast<const char*>(file.data()), file.size()});
            !written) {
            return written.failure();
        }
        tx.commit();
        ctx_.committed();
        return WrittenReport{out,
                             r.report_id,
                             plan->plan_id,
                             static_cast<int>(r.entries.size()),
                             static_cast<int>(r.photos.size()),
                             photos.withheld};
    });
}

} // namespace punctum::storage
