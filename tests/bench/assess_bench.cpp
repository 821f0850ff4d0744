// Issue #4: what assessing costs. One new entry added to a session's Assessor (what the app
// does when an entry is saved), and a full re-evaluation of every session of a large clinic
// from scratch (what a changed norms profile needs).
//
//   punctum_assess_bench [--sessions N] [Benchmark flags]
//
// N sessions (default 100000) get 10 entries each (days 0..9): 1M entries at the default.
// Entries are random but realistic in range, with about a third of the scores unknown.
//
// The figure to keep under 1 us is BM_AddOneEntryIncremental: the rules applied to one new
// entry, with no copy of the Assessor in the timing (BM_AddOneEntry minus BM_CopyAssessor
// gives about the same, but both copies are noisy). Figures on the shared 2-core CI box
// (build/ci, RelWithDebInfo, other builds idle), 100k sessions, CPU medians of 5 repetitions:
//   issue 4, 11 rules:   AddOneEntry 1107 ns, CopyAssessor 444 ns (about 660 ns incremental;
//                        440 ns in a quieter run); FullReevaluation 1.08 s, 204k flags.
//   issue 11, 14 rules:  AddOneEntryIncremental 446 ns (401 ns in a quieter run);
//                        AddOneEntry 1101 ns, CopyAssessor 848 ns; FullReevaluation 1.47 s,
//                        536k flags. The copy and the full run cost more because the random
//                        sessions now carry more flags (first-sight notes for their day-0
//                        bruising, scabbing and oozing; each flag is about 1 us of words); the
//                        rules themselves cost no more (words only when a flag is raised).

#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assessment.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

namespace core = punctum::core;

struct Session {
    core::SessionFacts facts;
    std::vector<core::DayEntry> entries;
};

int g_sessions = 100000;
constexpr int entries_per_session = 10;

std::vector<Session> make_sessions(int count) {
    std::mt19937 rng(4);
    const auto below = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const double depths[] = {0.5, 1.0, 1.5, 2.0, 2.5};
    std::vector<Session> out(static_cast<std::size_t>(count));
    for (auto& s : out) {
        s.facts.max_depth_mm = depths[below(5)];
        if (below(4) == 0) {
            s.facts.add_ons.insert(below(2) == 0 ? "prp" : "rf");
        }
        s.facts.fitzpatrick = 1 + below(6);
        for (int day = 0; day < entries_per_session; ++day) {
            core::DayEntry e;
            e.day = day;
            for (const auto& scale : core::all_scales()) {
                if (below(3) != 0) {
                    // Mostly settling; now and then a sign.
                    const int v = scale.yes_no ? (below(40) == 0 ? 1 : 0)
                                               : std::max(0, scale.max - day - below(3));
                    e.set(scale.symptom, v);
                }
            }
            s.entries.push_back(e);
        }
    }
    return out;
}

const std::vector<Session>& sessions() {
    static const std::vector<Session> all = make_sessions(g_sessions);
    return all;
}

// A session with 9 entries assessed; the 10th arrives. The Assessor is copied each time so
// every iteration adds to the same state; BM_CopyAssessor measures the copy alone.
void BM_AddOneEntry(benchmark::State& state) {
    const auto& profile = core::default_norms_profile();
    const auto& s = sessions().front();
    core::Assessor base(s.facts, profile);
    for (std::size_t i = 0; i + 1 < s.entries.size(); ++i) {
        base.add(s.entries[i]);
    }
    for (auto _ : state) {
        core::Assessor a = base;
        a.add(s.entries.back());
        benchmark::DoNotOptimize(a.flags().data());
    }
}
BENCHMARK(BM_AddOneEntry);

// The same new entry, added to copies of the 9-entry Assessor made outside the timing, a
// batch at a time so that pausing the timer costs little per iteration.
void BM_AddOneEntryIncremental(benchmark::State& state) {
    const auto& profile = core::default_norms_profile();
    const auto& s = sessions().front();
    core::Assessor base(s.facts, profile);
    for (std::size_t i = 0; i + 1 < s.entries.size(); ++i) {
        base.add(s.entries[i]);
    }
    constexpr std::size_t batch = 4096;
    std::vector<core::Assessor> pool(batch, base);
    std::size_t next = 0;
    for (auto _ : state) {
        if (next == batch) {
            state.PauseTiming();
            std::fill(pool.begin(), pool.end(), base);
            next = 0;
            state.ResumeTiming();
        }
        pool[next].add(s.entries.back());
        benchmark::DoNotOptimize(pool[next].flags().data());
        ++next;
    }
}
BENCHMARK(BM_AddOneEntryIncremental);

void BM_CopyAssessor(benchmark::State& state) {
    const auto& profile = core::default_norms_profile();
    const auto& s = sessions().front();
    core::Assessor base(s.facts, profile);
    for (std::size_t i = 0; i + 1 < s.entries.size(); ++i) {
        base.add(s.entries[i]);
    }
    for (auto _ : state) {
        core::Assessor a = base;
        benchmark::DoNotOptimize(a.flags().data());
    }
}
BENCHMARK(BM_CopyAssessor);

// Every session from scratch.
void BM_FullReevaluation(benchmark::State& state) {
    const auto& profile = core::default_norms_profile();
    const auto& all = sessions();
    std::size_t flags = 0;
    for (auto _ : state) {
        flags = 0;
        for (const auto& s : all) {
            flags += core::assess(s.entries, s.facts, profile).size();
        }
        benchmark::DoNotOptimize(flags);
    }
    state.counters["sessions"] = static_cast<double>(all.size());
    state.counters["entries"] = static_cast<double>(all.size() * entries_per_session);
    state.counters["flags"] = static_cast<double>(flags);
}
BENCHMARK(BM_FullReevaluation)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    // Our own flag first, then Google Benchmark's.
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--sessions") == 0 && i + 1 < argc) {
            g_sessions = std::atoi(argv[++i]);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
