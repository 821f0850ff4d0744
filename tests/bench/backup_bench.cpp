// Issue #12 item 5: big vaults back up. Backup and restore stream, so memory stays flat
// whatever the vault's size. This bench makes a vault of at least --megabytes (default
// 1100 MB: a demo clinic with photos, then distinct noise photos of about 7 MB each, which
// JPEG cannot shrink), and measures in the same run:
//   cp -r of the vault folder (the floor; then `sync`, since backup and restore fsync),
//   backup (open + Vault::backup_to), restore (Vault::restore into a new folder),
// each in a child process of its own, reporting wall time, the ratio to cp, and the child's
// peak RSS (VmHWM). It fails (exit 1) when a peak RSS reaches 100 MB.
//
//   punctum_backup_bench [--megabytes N] [--dir D] [--keep] [Benchmark flags]
//
// --dir: where the vault, its copy, backup and restore go (default /tmp); --keep: leave the
// vault in D/punctum-backup-bench-vault and reuse it next time (removed otherwise).

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <benchmark/benchmark.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;

constexpr double rss_limit_mb = 100;
constexpr const char* pass = "bench passphrase";

std::uint64_t g_megabytes = 1100;
fs::path g_dir = "/tmp";
bool g_keep = false;

struct Figures {
    double seconds = 0;
    double peak_rss_mb = 0;
};
std::map<std::string, Figures> g_figures;

fs::path vault_folder() {
    return g_dir / "punctum-backup-bench-vault";
}
fs::path work(const char* name) {
    return g_dir / (std::string("punctum-backup-bench-") + name);
}

std::uint64_t folder_bytes(const fs::path& folder) {
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
        if (e.is_regular_file()) {
            total += e.file_size();
        }
    }
    return total;
}

double vm_hwm_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
        }
    }
    return -1;
}

// Runs `job` in a child process; returns its wall time and peak RSS. The child reports its
// VmHWM through a pipe; a failing job aborts the bench.
Figures in_child(const std::function<bool()>& job) {
    int fds[2];
    if (::pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(2);
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const bool ok = job();
        const double hwm = vm_hwm_mb();
        (void)!::write(fds[1], &hwm, sizeof hwm);
        std::fflush(nullptr);
        ::_exit(ok ? 0 : 1);
    }
    ::close(fds[1]);
    double hwm = -1;
    (void)!::read(fds[0], &hwm, sizeof hwm);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "a bench step failed in its child process\n");
        std::exit(2);
    }
    return {took.count(), hwm};
}

bool run(const std::string& command) {
    return std::system(command.c_str()) == 0;
}

// A photo no two of which are alike: noise, JPEG q90, about 7 MB at 3000x2250.
std::vector<std::uint8_t> noise_photo(int index) {
    cv::Mat image(2250, 3000, CV_8UC3);
    cv::theRNG().state = 0x9e3779b97f4a7c15ULL + static_cast<unsigned long long>(index);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(255));
    std::vector<std::uint8_t> out;
    cv::imencode(".jpg", image, out, {cv::IMWRITE_JPEG_QUALITY, 90});
    return out;
}

bool make_vault() {
    core::SystemClock clock;
    storage::NewVault options;
    options.kdf = storage::KdfParams::minimum_for_tests();
    auto created =
        storage::Vault::create(vault_folder(), storage::SecureBytes::from(pass), options, clock);
    if (!created) {
        std::fprintf(stderr, "create: %s\n", created.error().message.c_str());
        return false;
    }
    auto& vault = *created->vault;
    const auto today = core::date_of(clock.now());
    std::vector<core::ClientId> clients;
    for (int i = 0; i < 5; ++i) { // the demo clinic, its own photos and analyses included
        auto id = storage::add_demo_client(vault, core::demo_client(12, i, today),
                                           storage::DemoPhotos{true, 3});
        if (!id) {
            std::fprintf(stderr, "demo client: %s\n", id.error().message.c_str());
            return false;
        }
        clients.push_back(*id);
    }
    std::vector<core::SessionId> sessions;
    for (const auto& id : clients) {
        auto of_client = vault.sessions().of_client(id);
        if (!of_client) {
            std::fprintf(stderr, "sessions: %s\n", of_client.error().message.c_str());
            return false;
        }
        for (const auto& s : *of_client) {
            sessions.push_back(s.id);
        }
    }
    const auto target = g_megabytes * 1024 * 1024;
    int added = 0;
    for (int i = 0; folder_bytes(vault_folder()) < target; ++i) {
        auto imported = core::photo::import_photo(noise_photo(i));
        if (!imported) {
            std::fprintf(stderr, "photo: %s\n", imported.error().message.c_str());
            return false;
        }
        auto stored = vault.photos().add(sessions[static_cast<std::size_t>(i) % sessions.size()],
                                         {std::move(imported).value(), "left cheek", std::nullopt});
        if (stored) {
            ++added;
        } else if (i > 2 * static_cast<int>(sessions.size()) && added == 0) {
            std::fprintf(stderr, "photo: %s\n", stored.error().message.c_str());
            return false;
        }
    }
    std::printf("made a vault of %.0f MB with %d noise photos besides the demo's\n",
                static_cast<double>(folder_bytes(vault_folder())) / 1048576.0, added);
    return true;
}

void report(benchmark::State& state, const char* name, const Figures& f, std::uint64_t bytes) {
    state.SetIterationTime(f.seconds);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["peak_rss_MB"] = f.peak_rss_mb;
    if (std::string(name) == "cp") {
        g_figures[name] = f;
        return;
    }
    if (const auto cp = g_figures.find("cp"); cp != g_figures.end() && cp->second.seconds > 0) {
        state.counters["x_cp"] = f.seconds / cp->second.seconds;
    }
    if (const auto sync = g_figures.find("cp+sync"); sync != g_figures.end()) {
        state.counters["x_cp_sync"] = f.seconds / sync->second.seconds;
    }
    g_figures[name] = f;
}

void BM_Cp(benchmark::State& state) {
    const auto bytes = folder_bytes(vault_folder());
    for (auto _ : state) {
        fs::remove_all(work("copy"));
        (void)run("sync");
        const auto copied = in_child([] {
            return run("cp -r '" + vault_folder().string() + "' '" + work("copy").string() + "'");
        });
        const auto synced = in_child([] { return run("sync"); });
        g_figures["cp+sync"] = {copied.seconds + synced.seconds, copied.peak_rss_mb};
        report(state, "cp", copied, bytes);
        fs::remove_all(work("copy"));
    }
}

void BM_Backup(benchmark::State& state) {
    const auto bytes = folder_bytes(vault_folder());
    for (auto _ : state) {
        fs::remove(work("file"));
        (void)run("sync");
        const auto f = in_child([] {
            core::SystemClock clock;
            auto vault = storage::Vault::open(vault_folder(), "admin",
                                              storage::SecureBytes::from(pass), clock);
            auto done = vault ? (*vault)->backup_to(work("file")) : vault.failure();
            if (!done) {
                std::fprintf(stderr, "backup: %s\n", done.error().message.c_str());
            }
            return done.ok();
        });
        report(state, "backup", f, bytes);
        state.counters["backup_MB"] = static_cast<double>(fs::file_size(work("file"))) / 1048576.0;
    }
}

void BM_Restore(benchmark::State& state) {
    const auto bytes = fs::file_size(work("file"));
    for (auto _ : state) {
        fs::remove_all(work("restored"));
        (void)run("sync");
        const auto f = in_child([] {
            core::SystemClock clock;
            auto done = storage::Vault::restore(work("file"), work("restored"), "admin",
                                                storage::SecureBytes::from(pass), clock, false);
            if (!done) {
                std::fprintf(stderr, "restore: %s\n", done.error().message.c_str());
            }
            return done.ok();
        });
        report(state, "restore", f, bytes);
        fs::remove_all(work("restored"));
    }
}

BENCHMARK(BM_Cp)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_Backup)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_Restore)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--megabytes" && i + 1 < argc) {
            g_megabytes = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--dir" && i + 1 < argc) {
            g_dir = argv[++i];
        } else if (arg == "--keep") {
            g_keep = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    // Audit heads go to a state folder of the bench's own, never the user's.
    const auto state = work("state");
    ::setenv("XDG_STATE_HOME", state.c_str(), 1);
    int count = static_cast<int>(rest.size());
    benchmark::Initialize(&count, rest.data());
    const bool reuse = g_keep && fs::exists(vault_folder() / "keys.json") &&
                       folder_bytes(vault_folder()) >= g_megabytes * 1024 * 1024;
    if (!reuse) {
        fs::remove_all(vault_folder());
        const auto made = in_child(make_vault);
        std::printf("making the vault took %.1f s\n", made.seconds);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fs::remove(work("file"));
    if (!g_keep) {
        fs::remove_all(state);
        fs::remove_all(vault_folder());
    }
    bool ok = true;
    std::printf("\nvault %.0f MB; peak RSS limit %.0f MB\n", static_cast<double>(g_megabytes),
                rss_limit_mb);
    for (const auto& [name, f] : g_figures) {
        std::printf("  %-8s %7.2f s  peak RSS %6.1f MB\n", name.c_str(), f.seconds, f.peak_rss_mb);
        if ((name == "backup" || name == "restore") && f.peak_rss_mb >= rss_limit_mb) {
            ok = false;
        }
    }
    if (!ok) {
        std::printf("FAIL: a peak RSS reached %.0f MB\n", rss_limit_mb);
    }
    return ok ? 0 : 1;
}
