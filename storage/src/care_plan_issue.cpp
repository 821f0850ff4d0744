// Clinic side: a care plan for a session, sealed under a one-time pairing code.

#include "exchange_keys.h"
#include "flag_sync.h"
#include "guard.h"
#include "norms_in_force.h"
#include "punctum/core/exchange/care_plan.h"
#include "punctum/core/exchange/pairing_code.h"
#include "punctum/core/recovery/expected_course.h"
#include "punctum/storage/atomic_file.h"
#include "punctum/storage/exchange_store.h"
#include "signing.h"

namespace punctum::storage {

namespace ex = core::exchange;

namespace {

// Argon2id over the code. The code has 50 bits, so the cost is what stops someone who
// copies the file from trying every code: INTERACTIVE (64 MiB, 2 passes), about 0.1 s per
// guess here; 2^50 guesses are out of reach. The reader bounds what a file may ask for.
const KdfParams code_kdf = KdfParams::interactive();

std::string clinic_name(Connection& db, const std::string& practitioner) {
    Statement st(db, "SELECT value FROM vault_meta WHERE key = 'setting.clinic_name'");
    if (st.step() && !st.text(0).empty()) {
        return st.text(0);
    }
    return practitioner; // a clinic that never named itself is its practitioner to the patient
}

ex::CarePlan plan_for(detail::VaultContext& ctx, core::SessionId id,
                      const detail::ClinicIdentity& identity) {
    auto& db = *ctx.db;
    const auto row = detail::load_session(db, id);
    const auto norms = detail::norms_in_force(ctx);
    Statement body(db, "SELECT body FROM norms_profiles WHERE id = ?");
    body.bind(1, norms.row);
    (void)body.step();
    Statement who(db, "SELECT a.display_name, s.aftercare_given FROM sessions s "
                      "JOIN accounts a ON a.id = s.practitioner_id WHERE s.id = ?");
    who.bind(1, id.value);
    (void)who.step();

    ex::CarePlan plan;
    plan.session.treated_on = row.session.treated_on;
    plan.session.areas = row.session.areas;
    for (auto& a : plan.session.areas) {
        a.area = detail::utf8_prefix(a.area, 200);
    }
    for (const auto& a : row.session.add_ons) {
        plan.session.add_ons.emplace_back(core::to_string(a.kind));
    }
    plan.session.fitzpatrick = row.fitzpatrick;
    // Within the limits the patient's reader holds (core/src/exchange/care_plan.cpp).
    plan.session.practitioner = detail::utf8_prefix(who.text(0), 200);
    plan.session.aftercare_given = detail::utf8_prefix(who.text(1), 4000);
    plan.norms_profile = body.text(0);
    plan.aftercare = norms.profile->aftercare;
    plan.preparation = norms.profile->preparation;
    const auto course =
        core::expected_course(core::session_facts(row.session, row.fitzpatrick), *norms.profile);
    for (const auto& s : course.symptoms) {
        plan.expected_resolve_by_day[std::string(core::scale_of(s.symptom).key)] = s.resolve_by_day;
    }
    plan.clinic.name = detail::utf8_prefix(clinic_name(db, plan.session.practitioner), 200);
    plan.clinic.box_public = detail::hex(identity.box_public);
    plan.clinic.sign_public = detail::hex(identity.sign_public);
    plan.issued_at = ctx.clock.now();
    return plan;
}

// header: salt (16) | opslimit u32 | memlimit KiB u32 | plan id (16)
// body:   XChaCha20-Poly1305(Argon2id(code), signature (64) | plan JSON, AD = prefix)
crypto::Bytes seal_plan(const ex::CarePlan& plan, const crypto::Bytes& plan_id,
                        const std::string& code, const detail::ClinicIdentity& identity) {
    const auto salt = crypto::random_bytes(crypto::salt_size);
    std::vector<std::uint8_t> header(salt.begin(), salt.end());
    ex::put_u32(header, static_cast<std::uint32_t>(code_kdf.opslimit));
    ex::put_u32(header, static_cast<std::uint32_t>(code_kdf.memlimit / 1024));
    header.insert(header.end(), plan_id.begin(), plan_id.end());
    const auto json = ex::care_plan_json(plan);
    constexpr std::size_t aead_overhead = 24 + 16;
    const auto prefix = ex::write_prefix(ex::FileKind::care_plan, header,
                                         aead_overhead + signing::signature_size + json.size());
    std::vector<unsigned char> signed_part(prefix.begin(), prefix.end());
    signed_part.insert(signed_part.end(), json.begin(), json.end());
    SecureBytes plain(signing::signature_size + json.size());
    const auto signature = signing::sign(identity.sign_secret, signed_part);
    std::copy(signature.begin(), signature.end(), plain.data());
    std::copy(json.begin(), json.end(), plain.data() + signing::signature_size);
    const auto key = crypto::derive_from_passphrase(code, salt, code_kdf);
    if (!key) {
        throw std::bad_alloc();
    }
    const auto sealed = crypto::seal(*key, plain.bytes(),
                                     {reinterpret_cast<const char*>(prefix.data()), prefix.size()});
    crypto::Bytes file(prefix.begin(), prefix.end());
    file.insert(file.end(), sealed.begin(), sealed.end());
    return file;
}

} // namespace

StorageResult<IssuedCarePlan> ExchangeStore::issue_care_plan(core::SessionId session,
                                                             const std::filesystem::path& out) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (ctx_.keys.kind != VaultKind::clinic) {
        return fail(StorageErrc::invalid_input,
                    "Care plans are issued by a clinic vault; this is a personal vault.");
    }
    return guard([&]() -> StorageResult<IssuedCarePlan> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement exists(db, "SELECT 1 FROM sessions WHERE id = ?");
        exists.bind(1, session.value);
        if (!exists.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        const auto identity = detail::clinic_identity(ctx_);
        const auto plan_id = crypto::random_bytes(16);
        const auto pairing_id = crypto::random_bytes(16);
        const auto secret = crypto::random_secret(32);
        std::array<std::uint8_t, ex::pairing_code_random_bytes> random{};
        const auto drawn = crypto::random_bytes(random.size());
        std::copy(drawn.begin(), drawn.end(), random.begin());
        const auto code = ex::format_pairing_code(random);

        auto plan = plan_for(ctx_, session, identity);
        plan.plan_id = detail::hex(plan_id);
        plan.pairing_id = detail::hex(pairing_id);
        plan.pairing_secret = detail::hex(secret.bytes());
        const auto file = seal_plan(plan, plan_id, *ex::normalize_pairing_code(code), identity);

        Statement st(db, "INSERT INTO exchange_pairings (pairing_id, plan_id, session_id, "
                         "pairing_secret, pairing_code, created_at, created_by) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, plan.pairing_id)
            .bind(2, plan.plan_id)
            .bind(3, session.value)
            .bind_blob(4, secret.bytes())
            .bind(5, code)
            .bind(6, core::format_timestamp(plan.issued_at))
            .bind(7, ctx_.account.id.value)
            .run();
        ctx_.record("exchange.careplan", "session:" + std::to_string(session.value),
                    "plan:" + plan.plan_id + "|pairing:" + plan.pairing_id);
        // The file is written before the commit: if writing fails, no pairing is left
        // pointing at a care plan nobody has.
        if (auto written = write_file_atomically(
                out, {reinterpret_cast<const char*>(file.data()), file.size()});
            !written) {
            return written.failure();
        }
        tx.commit();
        ctx_.committed();
        return IssuedCarePlan{out, plan.plan_id, code};
    });
}

} // namespace punctum::storage
