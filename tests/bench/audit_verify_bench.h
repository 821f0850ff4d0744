#pragma once
// Issue 14: the audit trail's check from a signed checkpoint against the whole walk, on the
// bench vault (bench_vault.h). vault_bench.cpp registers them beside the other operations,
// so each also runs on the plain database, the floor.

#include "vault_context.h"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace punctum::bench {

/// The events appended after the checkpoint before each incremental check.
inline constexpr int audit_events_after_checkpoint = 1000;

/// The whole chain walked, as `vault check` and `audit verify --full` do. The bench vault's
/// events carry no signature (its account has no signing key), so this is the MAC walk only:
/// a real vault's events are signed, and its full walk costs more (see the incremental run's
/// per-event time, where every event is signed).
void audit_verify_full(benchmark::State& state, storage::detail::VaultContext& ctx);

/// The check the audit trail runs when it opens: a checkpoint at the vault's head, then
/// `audit_events_after_checkpoint` new events signed by the account (a key registered for
/// it), then the walk from the checkpoint. The events and the checkpoint are written in a
/// transaction rolled back after each run, untimed; the vault is left as it was.
void audit_verify_incremental(benchmark::State& state, storage::detail::VaultContext& ctx);

} // namespace punctum::bench
