// Issue #3: what encryption costs. The same store code runs over an encrypted vault and over
// a plain SQLite database made by the same library with the same pragmas; the plain run is
// the floor, measured in the same process, and each pair is reported as a ratio.
//
//   punctum_vault_bench [--clients N] [--dir PARENT] [--no-audit-head] [Benchmark flags]
//
// N clients (default 10000) get 10 sessions each and 10 recovery entries per session.
// The vaults live in a temporary folder under PARENT (default: the system temporary
// directory), removed at exit. --no-audit-head leaves out the audit-head file the vault
// rewrites after every commit (a diagnostic: the app always writes it).
// Under load, add --benchmark_repetitions=5: the summary takes medians.

#include "audit_head_file.h"
#include "audit_verify_bench.h"
#include "bench_vault.h"
#include "outcome_sync.h"
#include "punctum/core/date.h"
#include "punctum/storage/audit_store.h"
#include "punctum/storage/client_store.h"
#include "punctum/storage/flag_store.h"
#include "punctum/storage/outcome_store.h"
#include "punctum/storage/review_store.h"
#include "punctum/storage/session_store.h"
#include "schema.h"
#include "sqlite/connection.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <time.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace punctum;
using bench::Encryption;
using storage::Statement;
using storage::Transaction;

constexpr std::array<Encryption, 2> both{Encryption::plain, Encryption::encrypted};

struct Options {
    int clients = 10000;
    fs::path parent = fs::temp_directory_path();
    bool audit_head = true;
};

/// This thread's CPU time, in seconds.
double thread_cpu_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// How long a bulk insert took, on the wall clock and on this thread's CPU.
struct Timing {
    double wall = 0;
    double cpu = 0;
};

const core::Date today{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{1}};

/// One side's vault, built once (or again by each bulk-insert run) and then queried.
struct World {
    fs::path folder;
    std::unique_ptr<storage::detail::VaultContext> ctx;
    bench::StoredIds ids;
    int flags = 0;
    int open_flags = 0; ///< open or acknowledged
    std::uintmax_t file_bytes = 0;
    std::set<std::string> warmed; ///< benchmarks whose warm-up pass has run
};

class Harness {
public:
    Options options;
    core::FixedClock clock{std::chrono::sys_days{today} + std::chrono::hours{9}};
    bool failed = false;

    void start() { root_ = std::make_unique<bench::TempFolder>(options.parent); }
    void finish() {
        for (auto& w : worlds_) {
            w.reset();
        }
        root_.reset();
    }

    const bench::Clinic& clinic() {
        if (!clinic_) {
            clinic_ = bench::make_clinic(options.clients, today);
        }
        return *clinic_;
    }

    /// The side's world, built (untimed) if no bulk-insert run made it yet.
    World& world(Encryption e) {
        if (!worlds_.at(index(e))) {
            (void)rebuild(e);
        }
        return *worlds_.at(index(e));
    }
    [[nodiscard]] const World* built(Encryption e) const { return worlds_.at(index(e)).get(); }

    /// Throws the old world away, stores the clinic into a new one; returns the time the
    /// bulk insert took (the checks and the flags after it are not timed).
    Timing rebuild(Encryption e) {
        const bench::Clinic& data = clinic(); // generated outside the timing
        auto& slot = worlds_.at(index(e));
        if (slot) {
            const fs::path old = slot->folder;
            slot.reset();
            std::error_code ec;
            fs::remove_all(old, ec);
        }
        auto w = std::make_unique<World>();
        w->folder = root_->path() /
                    (std::string(bench::to_string(e)) + "-" + std::to_string(++generation_));
        w->ctx = bench::make_context(w->folder, e, clock);

        const double cpu0 = thread_cpu_seconds();
        const auto t0 = std::chrono::steady_clock::now();
        w->ids = bench::store_clinic(*w->ctx, data, options.audit_head);
        const auto t1 = std::chrono::steady_clock::now();
        const double cpu1 = thread_cpu_seconds();

        auto& db = *w->ctx->db;
        const auto n = static_cast<std::int64_t>(data.clients.size());
        check(db.query_int("SELECT count(*) FROM clients") == n, "client count");
        check(db.query_int("SELECT count(*) FROM sessions") == data.session_count, "session count");
        check(db.query_int("SELECT count(*) FROM recovery_entries") == data.entry_count,
              "entry count");
        // The norms engine raised flags as the entries went in (SessionStore::add_entry).
        const auto flags = bench::count_flags(*w->ctx);
        w->flags = flags.all;
        w->open_flags = flags.needing_attention;
        check(w->flags > 0, "the demo clinic's abnormal courses raise flags");
        check(db.query_int("SELECT count(*) FROM audit_events") ==
                  1 + n + 2 * data.session_count + data.entry_count + w->flags,
              "one audit event per write (each session with the screening that cleared it, "
              "and one for the norms profile at creation)");
        std::error_code ec;
        w->file_bytes = fs::file_size(w->folder / "vault.db", ec);
        slot = std::move(w);
        return {std::chrono::duration<double>(t1 - t0).count(), cpu1 - cpu0};
    }

private:
    static std::size_t index(Encryption e) { return e == Encryption::plain ? 0 : 1; }
    static void check(bool ok, const std::string& what) {
        if (!ok) {
            throw std::runtime_error("bench vault is wrong: " + what);
        }
    }

    std::unique_ptr<bench::TempFolder> root_;
    std::optional<bench::Clinic> clinic_;
    std::array<std::unique_ptr<World>, 2> worlds_;
    int generation_ = 0;
};

Harness& harness() {
    static Harness h;
    return h;
}

/// Runs a benchmark body; an exception or a store error becomes a skipped run with its
/// message (and a non-zero exit), never a crash.
void guarded(benchmark::State& state, const std::function<void()>& body) {
    try {
        body();
    } catch (const std::exception& e) {
        harness().failed = true;
        state.SkipWithError(e.what());
    }
}

template <typename T> const T& ok(const storage::StorageResult<T>& result) {
    if (!result) {
        throw std::runtime_error(result.error().message);
    }
    return result.value();
}

/// Runs `warm` once per world and benchmark, before the first timed loop.
void warm_once(World& w, const std::string& name, const std::function<void()>& warm) {
    if (w.warmed.insert(name).second) {
        warm();
    }
}

// --- (a) bulk insert -------------------------------------------------------------------

void bulk_insert(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        Timing t;
        for (auto _ : state) {
            t = harness().rebuild(e);
            state.SetIterationTime(t.wall);
        }
        const double seconds = t.wall;
        const auto& c = harness().clinic();
        const auto clients = static_cast<double>(c.clients.size());
        const auto rows = clients + static_cast<double>(c.session_count + c.entry_count);
        state.counters["ms_per_client"] = 1000.0 * seconds / clients;
        state.counters["records_per_s"] = rows / seconds;
        // The CPU time of the insert alone (Benchmark's CPU column also counts the set-up).
        state.counters["insert_cpu_s"] = t.cpu;
    });
}

// --- (b) the client list's first page ----------------------------------------------------

void client_list_first_page(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        storage::ClientStore store(*w.ctx);
        warm_once(w, "client_list", [&] { (void)ok(store.list("", 0, 100)); });
        for (auto _ : state) {
            auto page = store.list("", 0, 100);
            if (ok(page).size() != std::min<std::size_t>(100, w.ids.clients.size())) {
                throw std::runtime_error("short first page");
            }
            benchmark::DoNotOptimize(page.value().data());
        }
    });
}

// --- (c) one client's timeline -------------------------------------------------------------

std::size_t read_timeline(storage::SessionStore& store, core::ClientId client) {
    std::size_t entries = 0;
    const auto sessions = store.of_client(client); // kept: a range-for would not extend it
    for (const auto& session : ok(sessions)) {
        const auto list = store.entries(session.id);
        entries += ok(list).size();
    }
    return entries;
}

/// `count` client ids drawn uniformly (with a fixed seed) from the first `pool` clients.
std::vector<core::ClientId> random_clients(const World& w, std::size_t pool, std::size_t count,
                                           std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    pool = std::min(pool, w.ids.clients.size());
    std::vector<core::ClientId> ids(w.ids.clients.begin(),
                                    w.ids.clients.begin() + static_cast<std::ptrdiff_t>(pool));
    std::shuffle(ids.begin(), ids.end(), rng);
    std::vector<core::ClientId> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(ids.at(rng() % ids.size()));
    }
    return out;
}

/// Timelines of random clients. Warm: a set of 1000 clients (a day's worth of look-ups),
/// all read once before timing. `all_clients`: any client of the vault, after one pass over
/// every client, so the page cache (64 MiB) cannot hold everything the loop touches.
void timeline(benchmark::State& state, Encryption e, bool all_clients) {
    guarded(state, [&] {
        World& w = harness().world(e);
        storage::SessionStore store(*w.ctx);
        const std::size_t pool = all_clients ? w.ids.clients.size() : 1000;
        const auto sequence = random_clients(w, pool, 4096, all_clients ? 11 : 7);
        warm_once(w, all_clients ? "timeline_all" : "timeline", [&] {
            if (all_clients) {
                for (const auto id : w.ids.clients) {
                    (void)read_timeline(store, id);
                }
            } else {
                for (const auto id : sequence) {
                    (void)read_timeline(store, id);
                }
            }
        });
        std::size_t i = 0;
        std::size_t entries = 0;
        for (auto _ : state) {
            entries += read_timeline(store, sequence[i++ % sequence.size()]);
        }
        benchmark::DoNotOptimize(entries);
        state.counters["entries_per_timeline"] =
            static_cast<double>(entries) / static_cast<double>(state.iterations());
    });
}

// --- (d) all open flags ----------------------------------------------------------------

void open_flags_list(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        // The "needs attention" queue exactly as the app asks for it.
        storage::FlagStore store(*w.ctx);
        const auto open_flags = [&] {
            auto rows = store.needing_attention(std::numeric_limits<int>::max(), 0);
            if (!rows) {
                throw std::runtime_error(rows.error().message);
            }
            return std::move(rows).value();
        };
        warm_once(w, "open_flags", [&] { (void)open_flags(); });
        for (auto _ : state) {
            const auto rows = open_flags();
            if (rows.size() != static_cast<std::size_t>(w.open_flags)) {
                throw std::runtime_error("wrong number of open flags");
            }
            benchmark::DoNotOptimize(rows.data());
        }
        state.counters["open_flags"] = w.open_flags;
    });
}

// --- (e) the reviewer's pages: audit trail and sessions under review --------------------

/// The first page of the audit trail, unfiltered or for one client, as the reviewer's
/// page asks for it (newest first, 100 rows, client names resolved).
void audit_trail_page(benchmark::State& state, Encryption e, bool by_client) {
    guarded(state, [&] {
        World& w = harness().world(e);
        storage::AuditStore store(*w.ctx);
        const auto sequence = random_clients(w, w.ids.clients.size(), 4096, 13);
        std::size_t i = 0;
        const auto page = [&] {
            storage::AuditFilter filter;
            if (by_client) {
                filter.client = sequence[i++ % sequence.size()];
            }
            auto rows = store.events(filter, 100, 0);
            if (!rows || rows->empty()) {
                throw std::runtime_error(rows ? "no audit events" : rows.error().message);
            }
            return rows->size();
        };
        warm_once(w, by_client ? "audit_client" : "audit_page", [&] { (void)page(); });
        std::size_t rows = 0;
        for (auto _ : state) {
            rows += page();
        }
        benchmark::DoNotOptimize(rows);
    });
}

/// The first page of sessions under review, all or only those with open flags.
void review_page(benchmark::State& state, Encryption e, bool open_only) {
    guarded(state, [&] {
        World& w = harness().world(e);
        storage::ReviewStore store(*w.ctx);
        storage::ReviewFilter filter;
        filter.open_flags_only = open_only;
        const auto page = [&] {
            auto rows = store.sessions(filter, 100, 0);
            if (!rows || rows->empty()) {
                throw std::runtime_error(rows ? "no sessions" : rows.error().message);
            }
            return rows->size();
        };
        warm_once(w, open_only ? "review_open" : "review_page", [&] { (void)page(); });
        std::size_t rows = 0;
        for (auto _ : state) {
            rows += page();
        }
        benchmark::DoNotOptimize(rows);
    });
}

/// Issue 14: the cohort report by depth band over every session's stored outcome (goal:
/// under 250 ms at 100k sessions), and recomputing every stored outcome from the entries and
/// flags (goal: under 3 s), rolled back so each run starts from the same vault.
void cohort_report(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        storage::OutcomeStore store(*w.ctx);
        const auto report = [&] {
            auto out = store.cohort({storage::CohortBy::depth, std::nullopt, std::nullopt});
            if (!out || out->groups.empty()) {
                throw std::runtime_error(out ? "no groups" : out.error().message);
            }
            return out->groups.size();
        };
        warm_once(w, "cohort_report", [&] { (void)report(); });
        std::size_t groups = 0;
        for (auto _ : state) {
            groups += report();
        }
        benchmark::DoNotOptimize(groups);
    });
}

void recompute_outcomes(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        for (auto _ : state) {
            storage::Transaction tx(*w.ctx->db); // rolled back when it goes
            benchmark::DoNotOptimize(storage::detail::recompute_outcomes(*w.ctx));
        }
    });
}

// --- diagnostics: where the bulk insert's time goes ----------------------------------------

/// One client's worth of audit events (1 client + 10 sessions + 100 entries), appended in a
/// transaction that is then rolled back: the chain's cost (head read, HMAC, insert) alone.
void audit_append_per_client(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        auto& ctx = *w.ctx;
        const int per_client = 1 + bench::sessions_per_client +
                               bench::sessions_per_client * bench::entries_per_session;
        const std::string change = "2025-05-02|2|1|0|?|?|?|1|0|0|0|0|0|?|";
        for (auto _ : state) {
            Transaction tx(*ctx.db);
            for (int i = 0; i < per_client; ++i) {
                ctx.audit->append(ctx.clock.now(), ctx.account.id, "entry.add", "entry:123456",
                                  change);
            }
        } // rolled back
    });
}

/// The audit head written beside the database after every outermost commit (temporary
/// file, fsync, rename, fsync of the folder).
void audit_head_write(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        const auto head = w.ctx->audit->head();
        for (auto _ : state) {
            auto written = storage::write_audit_head(w.folder, *w.ctx->audit, head);
            if (!written) {
                throw std::runtime_error(written.error().message);
            }
        }
    });
}

/// A one-row transaction: the WAL append and fsync every commit pays.
void commit_one_row(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        auto& db = *w.ctx->db;
        Statement st(db, "INSERT OR REPLACE INTO vault_meta (key, value) VALUES ('bench', ?)");
        std::int64_t n = 0;
        for (auto _ : state) {
            Transaction tx(db);
            st.bind(1, std::to_string(++n)).run();
            tx.commit();
        }
    });
}

/// Preparing the entries query: the stores prepare every statement on every call (a
/// 10-session timeline prepares 21).
void prepare_statement(benchmark::State& state, Encryption e) {
    guarded(state, [&] {
        World& w = harness().world(e);
        auto& db = *w.ctx->db;
        for (auto _ : state) {
            Statement st(db, "SELECT id, session_id, observed_on, reporter, note, recorded_by, "
                             "created_at, erythema, edema, pain, itching, bruising, scabbing, "
                             "dryness, bleeding, warmth, pus, fever, blisters, hyperpigmentation "
                             "FROM recovery_entries WHERE session_id = ? ORDER BY observed_on, id");
            benchmark::DoNotOptimize(&st);
        }
    });
}

/// Issue 14: the audit trail's check, whole and from a checkpoint (audit_verify_bench.h).
void audit_verify(benchmark::State& state, Encryption e, bool incremental) {
    guarded(state, [&] {
        World& w = harness().world(e);
        if (incremental) {
            bench::audit_verify_incremental(state, *w.ctx);
        } else {
            bench::audit_verify_full(state, *w.ctx);
        }
    });
}

// --- registration and the summary ------------------------------------------------------------

struct Operation {
    std::string name;
    std::string goal; ///< "1.3", "1.1", or "" for diagnostics
};

std::vector<Operation> register_all() {
    std::vector<Operation> ops;
    auto add = [&](const std::string& name, const std::string& goal, auto&& fn,
                   benchmark::TimeUnit unit) {
        ops.push_back({name, goal});
        for (const Encryption e : both) {
            const std::string full = name + "/" + std::string(bench::to_string(e));
            auto* b = benchmark::RegisterBenchmark(full.c_str(), fn, e);
            b->Unit(unit);
            if (name == "bulk_insert") {
                b->Iterations(1)->Repetitions(1)->UseManualTime();
            }
        }
    };
    add("bulk_insert", "1.3", bulk_insert, benchmark::kSecond);
    add("client_list_first_page", "1.1", client_list_first_page, benchmark::kMicrosecond);
    add(
        "timeline", "1.1", [](benchmark::State& s, Encryption e) { timeline(s, e, false); },
        benchmark::kMicrosecond);
    add("open_flags", "1.1", open_flags_list, benchmark::kMicrosecond);
    add(
        "audit_trail_page", "1.1",
        [](benchmark::State& s, Encryption e) { audit_trail_page(s, e, false); },
        benchmark::kMicrosecond);
    add(
        "audit_trail_of_client", "1.1",
        [](benchmark::State& s, Encryption e) { audit_trail_page(s, e, true); },
        benchmark::kMicrosecond);
    add(
        "review_page", "1.1", [](benchmark::State& s, Encryption e) { review_page(s, e, false); },
        benchmark::kMicrosecond);
    add(
        "review_open_flags_page", "1.1",
        [](benchmark::State& s, Encryption e) { review_page(s, e, true); },
        benchmark::kMicrosecond);
    add("cohort_report", "", cohort_report, benchmark::kMillisecond);
    add("recompute_outcomes", "", recompute_outcomes, benchmark::kSecond);
    add(
        "audit_verify_full", "",
        [](benchmark::State& s, Encryption e) { audit_verify(s, e, false); },
        benchmark::kMillisecond);
    add(
        "audit_verify_since_1k", "",
        [](benchmark::State& s, Encryption e) { audit_verify(s, e, true); },
        benchmark::kMillisecond);
    add(
        "timeline_any_client", "", [](benchmark::State& s, Encryption e) { timeline(s, e, true); },
        benchmark::kMicrosecond);
    add("audit_append_per_client", "", audit_append_per_client, benchmark::kMicrosecond);
    add("audit_head_write", "", audit_head_write, benchmark::kMicrosecond);
    add("commit_one_row", "", commit_one_row, benchmark::kMicrosecond);
    add("prepare_statement", "", prepare_statement, benchmark::kMicrosecond);
    return ops;
}

/// The console output as usual, and each run's real time kept for the summary.
class Collector : public benchmark::ConsoleReporter {
public:
    std::map<std::string, std::vector<double>> seconds; ///< real time, one per repetition
    std::map<std::string, std::vector<double>> cpu;     ///< CPU time, one per repetition
    bool errors = false;

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& run : runs) {
            if (run.error_occurred) {
                errors = true;
                continue;
            }
            if (run.run_type != Run::RT_Iteration) {
                continue;
            }
            const std::string& name = run.run_name.function_name;
            const double unit = benchmark::GetTimeUnitMultiplier(run.time_unit);
            seconds[name].push_back(run.GetAdjustedRealTime() / unit);
            const auto own_cpu = run.counters.find("insert_cpu_s");
            cpu[name].push_back(own_cpu != run.counters.end() ? own_cpu->second.value
                                                              : run.GetAdjustedCPUTime() / unit);
        }
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string format_time(double seconds) {
    char buf[32];
    if (seconds >= 1.0) {
        std::snprintf(buf, sizeof buf, "%.2f s", seconds);
    } else if (seconds >= 1e-3) {
        std::snprintf(buf, sizeof buf, "%.2f ms", seconds * 1e3);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f us", seconds * 1e6);
    }
    return buf;
}

void print_summary(const std::vector<Operation>& ops, const Collector& runs) {
    const Harness& h = harness();
    const auto n = h.options.clients;
    std::printf("\nVault benchmark (issue #3): %d clients, %d sessions, %d recovery entries", n,
                n * bench::sessions_per_client,
                n * bench::sessions_per_client * bench::entries_per_session);
    if (const World* w = h.built(Encryption::plain); w != nullptr) {
        std::printf(", %d flags raised (%d open)", w->flags, w->open_flags);
    }
    std::printf("\nSQLCipher 3.4.1 with a raw key vs. the same library without one; WAL, "
                "synchronous=FULL, %d-byte pages, cache_size=-65536.\n",
                bench::bench_page_size);
    if (!h.options.audit_head) {
        std::printf("--no-audit-head: the bulk insert did NOT write the audit head per commit "
                    "(diagnostic; the app does).\n");
    }
    for (const Encryption e : both) {
        if (const World* w = h.built(e); w != nullptr) {
            std::printf("%-9s vault.db: %.1f MiB\n", std::string(bench::to_string(e)).c_str(),
                        static_cast<double>(w->file_bytes) / (1024.0 * 1024.0));
        }
    }
    std::printf("\n%-24s %10s %10s %7s %-11s %10s %10s %7s\n", "", "real time", "", "", "",
                "CPU time", "", "");
    std::printf("%-24s %10s %10s %7s %-11s %10s %10s %7s\n", "operation", "plain", "encrypted",
                "ratio", "goal", "plain", "encrypted", "ratio");
    for (const auto& op : ops) {
        const auto p = runs.seconds.find(op.name + "/plain");
        const auto c = runs.seconds.find(op.name + "/encrypted");
        if (p == runs.seconds.end() || c == runs.seconds.end()) {
            continue; // filtered out, or failed
        }
        const double plain = median(p->second);
        const double encrypted = median(c->second);
        const double ratio = encrypted / plain;
        const double plain_cpu = median(runs.cpu.at(op.name + "/plain"));
        const double encrypted_cpu = median(runs.cpu.at(op.name + "/encrypted"));
        std::string verdict = "(diag)";
        if (!op.goal.empty()) {
            verdict = "<=" + op.goal + (ratio <= std::stod(op.goal) ? " ok" : " MISS");
        }
        std::printf("%-24s %10s %10s %6.2fx %-11s %10s %10s %6.2fx\n", op.name.c_str(),
                    format_time(plain).c_str(), format_time(encrypted).c_str(), ratio,
                    verdict.c_str(), format_time(plain_cpu).c_str(),
                    format_time(encrypted_cpu).c_str(), encrypted_cpu / plain_cpu);
    }
    const auto full = runs.seconds.find("audit_verify_full/encrypted");
    const auto since = runs.seconds.find("audit_verify_since_1k/encrypted");
    if (full != runs.seconds.end() && since != runs.seconds.end()) {
        std::printf("audit trail check, encrypted: the whole chain %s, from a checkpoint %d "
                    "events back %s (%.0fx less)\n",
                    format_time(median(full->second)).c_str(), bench::audit_events_after_checkpoint,
                    format_time(median(since->second)).c_str(),
                    median(full->second) / median(since->second));
    }
    std::printf("Per operation (bulk_insert: the whole clinic), medians over repetitions; the "
                "plain run is the floor.\nThe goal applies to real time; CPU time is what to "
                "trust when the machine is busy (real >> CPU).\n");
}

/// Removes --clients N / --dir PATH (or --clients=N) from argv; the rest is for Benchmark.
bool parse_options(int& argc, char** argv, Options& options) {
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const std::string& flag) -> std::optional<std::string> {
            if (arg == flag && i + 1 < argc) {
                return std::string(argv[++i]);
            }
            if (arg.rfind(flag + "=", 0) == 0) {
                return arg.substr(flag.size() + 1);
            }
            return std::nullopt;
        };
        if (auto v = value("--clients")) {
            char* end = nullptr;
            const long n = std::strtol(v->c_str(), &end, 10);
            if (end == v->c_str() || *end != '\0' || n < 10 || n > 1000000) {
                std::fprintf(stderr, "--clients wants a number from 10 to 1000000\n");
                return false;
            }
            options.clients = static_cast<int>(n);
        } else if (auto d = value("--dir")) {
            options.parent = *d;
        } else if (arg == "--no-audit-head") {
            options.audit_head = false;
        } else if (arg == "--help" || arg == "-h") {
            std::printf("punctum_vault_bench [--clients N (default 10000; 10 sessions and 100 "
                        "entries each)] [--dir PARENT] [--no-audit-head] [benchmark flags]\n");
            argv[out++] = argv[i];
        } else {
            argv[out++] = argv[i];
        }
    }
    argc = out;
    argv[argc] = nullptr;
    return true;
}

/// Whether the schema this build writes has the flags table (schema v2).

} // namespace

int main(int argc, char** argv) {
    Harness& h = harness();
    if (!parse_options(argc, argv, h.options)) {
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 2;
    }
    int status = 0;
    try {
        const auto ops = register_all();
        h.start();
        Collector collector;
        benchmark::RunSpecifiedBenchmarks(&collector);
        print_summary(ops, collector);
        status = collector.errors || h.failed ? 1 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vault bench: %s\n", e.what());
        status = 1;
    }
    h.finish(); // closes the databases and removes the temporary folder
    benchmark::Shutdown();
    return status;
}
