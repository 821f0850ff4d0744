#include "audit_verify_bench.h"

#include "audit_checkpoint.h"
#include "audit_head_file.h"
#include "crypto.h"
#include "signing.h"
#include "sqlite/connection.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace punctum::bench {

namespace {

void expect_ok(const storage::AuditReport& report) {
    if (!report.ok) {
        throw std::runtime_error("the bench vault's audit chain does not verify: " +
                                 report.message);
    }
}

} // namespace

void audit_verify_full(benchmark::State& state, storage::detail::VaultContext& ctx) {
    std::int64_t events = 0;
    for (auto _ : state) {
        const auto report = storage::verify_with_heads(ctx.folder, ctx.keys.vault_id, *ctx.audit);
        expect_ok(report);
        events = report.events;
    }
    state.counters["events"] = static_cast<double>(events);
}

void audit_verify_incremental(benchmark::State& state, storage::detail::VaultContext& ctx) {
    auto& log = *ctx.audit;
    // Where the chain stands at its head: the state a checkpoint there records. Walked once,
    // untimed (the full walk above is what it costs).
    storage::AuditChainState at_head;
    expect_ok(
        storage::verify_with_heads(ctx.folder, ctx.keys.vault_id, log, {}, nullptr, &at_head));
    const auto key =
        storage::signing::from_slot_secret(storage::crypto::random_secret(32), ctx.keys.vault_id);
    const std::string change = "2025-05-02|2|1|0|?|?|?|1|0|0|0|0|0|?|";
    std::int64_t walked = 0;
    for (auto _ : state) {
        state.PauseTiming();
        {
            storage::Transaction tx(*ctx.db); // rolled back when it goes
            storage::SecureBytes secret(key.secret_key.size());
            std::memcpy(secret.data(), key.secret_key.data(), secret.size());
            log.set_signer(ctx.account.id, std::move(secret));
            log.register_key(ctx.clock.now(), ctx.account.id, ctx.account.id, key.public_key);
            for (int i = 1; i < audit_events_after_checkpoint; ++i) {
                log.append(ctx.clock.now(), ctx.account.id, "entry.add", "entry:123456", change);
            }
            storage::write_audit_checkpoint(*ctx.db, ctx.keys.vault_id, log, at_head,
                                            ctx.clock.now());
            state.ResumeTiming();
            const auto report = storage::verify_since_checkpoint(
                ctx.folder, ctx.keys.vault_id, *ctx.db, log, ctx.account.id, ctx.clock);
            state.PauseTiming();
            expect_ok(report);
            if (!report.incremental) {
                throw std::runtime_error("the check did not start from the checkpoint: " +
                                         report.checkpoint_note);
            }
            walked = report.events;
        }
        // Other benchmarks append unsigned, as the bench vault's account always has.
        log.set_signer({}, {});
        state.ResumeTiming();
    }
    state.counters["events"] = static_cast<double>(walked);
}

} // namespace punctum::bench
