#include "screening_gate.h"

#include "punctum/core/screening/screening_json.h"
#include "punctum/core/screening/treatment_gate.h"
#include "vault_context.h"

#include <sstream>

namespace punctum::storage::detail {

namespace {

bool exempt(const VaultContext& ctx) {
    return ctx.keys.kind == VaultKind::personal && ctx.account.role == core::Role::patient;
}

} // namespace

StorageResult<void> check_screening_gate(VaultContext& ctx, const core::TreatmentSession& session) {
    if (exempt(ctx)) {
        return {};
    }
    if (!session.screening_id) {
        return fail(StorageErrc::invalid_input,
                    "A session needs a screening of this client for the day of treatment. "
                    "Screen the client first, then record the session with that screening.");
    }
    Statement st(*ctx.db, "SELECT s.client_id, s.screened_on, s.session_id, s.reasons, "
                          "s.override_justification IS NOT NULL, a.role FROM screenings s "
                          "LEFT JOIN accounts a ON a.id = s.overridden_by WHERE s.id = ?");
    st.bind(1, *session.screening_id);
    if (!st.step()) {
        return fail(StorageErrc::not_found, "Screening " + std::to_string(*session.screening_id) +
                                                " is not in this vault. Screen the client first.");
    }
    auto result = core::parse_screening_result(st.text(3));
    if (!result) {
        return fail(StorageErrc::corrupt, "Screening " + std::to_string(*session.screening_id) +
                                              " no longer reads; run `punctum-cli vault check`.");
    }
    core::GateScreening gate;
    gate.for_this_client = st.int64(0) == session.client_id.value;
    gate.screened_on = core::parse_date(st.text(1)).value_or(core::Date{});
    gate.already_used = !st.is_null(2);
    gate.result = std::move(result).value();
    gate.overridden = st.integer(4) != 0;
    if (const auto role = st.optional_text(5)) {
        gate.overridden_by = core::role_from_string(*role);
    }
    if (auto cleared = core::clears(gate, session.treated_on); !cleared) {
        return fail(StorageErrc::invalid_input, cleared.error().message);
    }
    return {};
}

void sign_session(VaultContext& ctx, core::SessionId id, const core::TreatmentSession& session,
                  std::ostringstream& change) {
    const auto now = core::format_timestamp(ctx.clock.now());
    Statement sign(*ctx.db, "UPDATE sessions SET signed_at = ?, signed_by = ? WHERE id = ?");
    sign.bind(1, now).bind(2, ctx.account.id.value).bind(3, id.value).run();
    if (!session.screening_id || exempt(ctx)) {
        return;
    }
    Statement attach(*ctx.db, "UPDATE screenings SET session_id = ? WHERE id = ? AND "
                              "session_id IS NULL");
    attach.bind(1, id.value).bind(2, *session.screening_id).run();
    // Part of the session's own audit event: one write, one event.
    change << "|screening:" << *session.screening_id;
}

} // namespace punctum::storage::detail
