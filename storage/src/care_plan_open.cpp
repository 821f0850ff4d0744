// Patient side: opening a care plan with its pairing code into a personal vault.

#include "exchange_keys.h"
#include "guard.h"
#include "norms_in_force.h"
#include "punctum/core/exchange/care_plan.h"
#include "punctum/core/exchange/pairing_code.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/exchange_store.h"
#include "punctum/storage/session_store.h"
#include "signing.h"

namespace punctum::storage {

namespace ex = core::exchange;

namespace {

// What a care plan may ask of the patient's machine to derive its key: never more than
// libsodium's SENSITIVE (1 GiB, 4 passes), so a crafted file cannot exhaust memory or time.
constexpr std::uint32_t max_ops = 4;
constexpr std::uint32_t max_mem_kib = 1u << 20;
constexpr std::size_t plan_header_size = 16 + 4 + 4 + 16;

constexpr const char* wrong_code =
    "This care plan does not open with that code. Check the code your clinic gave you (on "
    "your session summary); if it is right, the file was damaged or altered on the way: ask "
    "the clinic to send it again.";

struct Opened {
    ex::CarePlan plan;
    std::string body; ///< the plan's JSON, kept as opened
};

StorageResult<Opened> unseal_plan(const crypto::Bytes& file, const std::string& code) {
    auto frame = ex::read_frame(file);
    if (!frame) {
        return detail::refuse(frame.error().message);
    }
    if (frame->header.size() != plan_header_size) {
        return detail::refuse("This care plan's header is not the size the format sets: the "
                              "file is damaged. Ask the clinic to send it again.");
    }
    const auto ops = ex::get_u32(frame->header, 16);
    const auto mem_kib = ex::get_u32(frame->header, 20);
    if (ops < 1 || ops > max_ops || mem_kib < 8 * 1024 || mem_kib > max_mem_kib) {
        return detail::refuse("This care plan asks for a key derivation outside what Punctum "
                              "allows, so it was not opened. Ask the clinic for a new one.");
    }
    const auto key = crypto::derive_from_passphrase(code, frame->header.first(16),
                                                    KdfParams{ops, std::size_t{mem_kib} * 1024});
    if (!key) {
        return fail(StorageErrc::internal,
                    "Not enough memory to open this care plan. Close other programs and retry.");
    }
    const auto plain =
        crypto::unseal(*key, frame->body,
                       {reinterpret_cast<const char*>(frame->prefix.data()), frame->prefix.size()});
    if (!plain || plain->size() < signing::signature_size) {
        return detail::refuse(wrong_code);
    }
    const auto signature = plain->bytes().first(signing::signature_size);
    const auto json = plain->bytes().subspan(signing::signature_size);
    Opened out;
    out.body.assign(json.begin(), json.end());
    auto plan = ex::parse_care_plan(out.body);
    if (!plan) {
        return detail::refuse(plan.error().message);
    }
    // The clinic signed the prefix and the JSON; the file's own plan id is the one inside.
    std::vector<unsigned char> signed_part(frame->prefix.begin(), frame->prefix.end());
    signed_part.insert(signed_part.end(), json.begin(), json.end());
    const auto sign_public = detail::unhex(plan->clinic.sign_public, signing::public_key_size);
    if (!sign_public || !signing::verify(*sign_public, signed_part, signature) ||
        detail::hex(frame->header.subspan(24, 16)) != plan->plan_id) {
        return detail::refuse("This care plan's signature does not match its clinic: it was "
                              "altered. Ask the clinic to send it again.");
    }
    out.plan = std::move(plan).value();
    return out;
}

core::TreatmentSession session_of(const ex::CarePlan& plan, core::ClientId own) {
    core::TreatmentSession s;
    s.client_id = own;
    s.treated_on = plan.session.treated_on;
    s.areas = plan.session.areas;
    for (const auto& name : plan.session.add_ons) {
        if (auto kind = core::add_on_from_string(name)) {
            s.add_ons.push_back({*kind, ""});
        }
    }
    s.aftercare_given = plan.session.aftercare_given;
    s.notes = "From the care plan of " + plan.clinic.name + " (treated by " +
              plan.session.practitioner + ").";
    return s;
}

} // namespace

StorageResult<OpenedCarePlan> ExchangeStore::open_care_plan(const std::filesystem::path& file,
                                                            std::string_view pairing_code) {
    if (auto allowed = ctx_.require(core::Action::write_clinical); !allowed) {
        return allowed.failure();
    }
    if (ctx_.keys.kind != VaultKind::personal) {
        return fail(StorageErrc::invalid_input,
                    "A care plan opens in the patient's personal vault, not in a clinic vault.");
    }
    const auto code = ex::normalize_pairing_code(pairing_code);
    if (!code) {
        return fail(StorageErrc::invalid_input,
                    "A pairing code has 10 letters and digits, like ABCDE-12345. Check the "
                    "code your clinic gave you.");
    }
    auto bytes = detail::read_exchange_file(file, ex::FileKind::care_plan);
    if (!bytes) {
        return bytes.failure();
    }
    auto opened = unseal_plan(*bytes, *code);
    if (!opened) {
        return opened.failure();
    }
    const auto& plan = opened->plan;
    auto profile = core::parse_norms_profile(plan.norms_profile);
    if (!profile) {
        return detail::refuse("This care plan's norms profile cannot be used: " +
                              profile.error().message);
    }
    return guard([&]() -> StorageResult<OpenedCarePlan> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement known(db, "SELECT session_id, clinic_name FROM care_plans WHERE plan_id = ?");
        known.bind(1, plan.plan_id);
        if (known.step()) {
            return OpenedCarePlan{plan.plan_id, core::SessionId{known.int64(0)}, known.text(1),
                                  plan.session.treated_on, true};
        }
        auto own = ClientStore(ctx_).own();
        if (!own) {
            return own.failure();
        }
        // Check-ins are judged by the clinic's profile from now on, recorded as adopted.
        (void)detail::norms_in_force(ctx_); // fills ctx_.norms_digest
        if (ctx_.norms_digest != crypto::digest(plan.norms_profile)) {
            (void)detail::activate_profile(ctx_, *profile, plan.norms_profile);
        }
        if (plan.session.fitzpatrick) {
            Statement skin(db, "UPDATE clients SET fitzpatrick = ? WHERE id = ? AND "
                               "fitzpatrick IS NULL");
            skin.bind(1, *plan.session.fitzpatrick).bind(2, own->value).run();
        }
        auto session = SessionStore(ctx_).add(session_of(plan, *own));
        if (!session) {
            return session.failure();
        }
        const auto key = signing::generate();
        const auto secret = detail::secret_from_hex(plan.pairing_secret);
        Statement st(db, "INSERT INTO care_plans (plan_id, pairing_id, session_id, clinic_name, "
                         "clinic_box_public, clinic_sign_public, pairing_secret, "
                         "patient_sign_public, patient_sign_secret, binding, body, opened_at, "
                         "opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, plan.plan_id)
            .bind(2, plan.pairing_id)
            .bind(3, session->value)
            .bind(4, plan.clinic.name)
            .bind_blob(5, *detail::unhex(plan.clinic.box_public, 32))
            .bind_blob(6, *detail::unhex(plan.clinic.sign_public, 32))
            .bind_blob(7, secret.bytes())
            .bind_blob(8, key.public_key)
            .bind_blob(9, key.secret_key.bytes())
            .bind_blob(10, detail::binding(secret, key.public_key))
            .bind(11, opened->body)
            .bind(12, core::format_timestamp(ctx_.clock.now()))
            .bind(13, ctx_.account.id.value)
            .run();
        ctx_.record("exchange.open", "session:" + std::to_string(session->value),
                    "plan:" + plan.plan_id + "|clinic:" + plan.clinic.name + "|clinic_key:" +
                        plan.clinic.box_public + "|patient_key:" + detail::hex(key.public_key));
        tx.commit();
        ctx_.committed();
        return OpenedCarePlan{plan.plan_id, *session, plan.clinic.name, plan.session.treated_on,
                              false};
    });
}

} // namespace punctum::storage
