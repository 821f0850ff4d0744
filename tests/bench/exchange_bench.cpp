// Issue #15's benchmark: a patient's recovery report of 30 days of check-ins with 10 photos
// of 12 MP, sealed in the personal vault (ExchangeStore::write_report) and imported into the
// clinic vault (ExchangeStore::import_report), against copying the same bytes in the same
// run (the floor: read the file, write it to a new one with fsync, rename, fsync the folder,
// as the report's own write does). It also measures what the import is made of:
//   photo decode   core::photo::import_photo on the report's photos, which the clinic runs
//                  on each one (checked, stripped and previewed again: it trusts no file);
//   import empty   a report with no entry and no photo: opening, verifying, the audit;
//   import entries a report with the 30 entries and no photo (the patient had not allowed
//                  photos yet): (entries - empty) / 30 is the merge time per entry: the
//                  entry, its flag evaluation and its exchange record, in one transaction.
// Every import goes into a fresh copy of the clinic vault as it was before any report (in a
// folder of its own, so the audit head kept in the state folder is its own too), opened
// outside the timed part: a second import of one file into one vault is the "already
// imported" no-op, not a merge. The summary gives each step's median, since other work on
// the machine makes a mean jump.
//
//   punctum_exchange_bench [--megapixels 12] [--days 30] [--photos 10] [--dir /tmp]
//                          [Benchmark flags]

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/photo/photo_import.h"
#include "punctum/storage/vault.h"

#include <benchmark/benchmark.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using Clock = std::chrono::steady_clock;

constexpr const char* pass = "bench passphrase";

double g_megapixels = 12;
int g_days = 30;
int g_photos = 10;
fs::path g_dir = "/tmp";

/// Everything the benchmarks share, made once by setup().
struct World {
    fs::path root;
    fs::path clinic_base; ///< the clinic vault before any report, closed
    core::FixedClock clock{core::TimePoint{}};
    std::unique_ptr<storage::Vault> patient;
    fs::path full_report;                               ///< the entries and the photos
    fs::path entries_report;                            ///< the entries, no photo
    fs::path empty_report;                              ///< no entry, no photo
    std::vector<std::vector<std::uint8_t>> photo_bytes; ///< as the report carries them
    std::uint64_t photo_total = 0;
    int copies = 0;
};
World* g_world = nullptr;

/// Median seconds per iteration of each benchmark, for the summary.
std::map<std::string, double> g_seconds;

[[noreturn]] void die(const std::string& what, const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", what.c_str(), message.c_str());
    std::exit(2);
}

template <typename R> auto need(R result, const std::string& what) {
    if (!result) {
        die(what, result.error().message);
    }
    return std::move(result).value();
}

void check(const storage::StorageResult<void>& result, const std::string& what) {
    if (!result) {
        die(what, result.error().message);
    }
}

core::Date treated_on() {
    return core::Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{2}};
}

core::TimePoint noon(int day) {
    return std::chrono::sys_days{treated_on()} + std::chrono::days{day} + std::chrono::hours{12};
}

/// A photo of `megapixels` at 4:3 that compresses like a real one (about 4 MB at 12 MP):
/// smooth skin tones from a coarse random field, with sensor-like noise, JPEG q92.
std::vector<std::uint8_t> camera_photo(int index) {
    const int width = static_cast<int>(std::lround(std::sqrt(g_megapixels * 1e6 * 4 / 3)));
    const int height = width * 3 / 4;
    cv::theRNG().state = 0x9e3779b97f4a7c15ULL + static_cast<unsigned long long>(index);
    cv::Mat coarse(30, 40, CV_8UC3);
    cv::randu(coarse, cv::Scalar(120, 130, 170), cv::Scalar(170, 180, 235)); // BGR skin
    cv::Mat smooth;
    cv::resize(coarse, smooth, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
    cv::Mat image;
    smooth.convertTo(image, CV_16SC3);
    cv::Mat noise(image.size(), CV_16SC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(10));
    image += noise;
    image.convertTo(smooth, CV_8UC3); // saturating
    std::vector<std::uint8_t> out;
    cv::imencode(".jpg", smooth, out, {cv::IMWRITE_JPEG_QUALITY, 92});
    return out;
}

storage::NewVault vault_options(storage::VaultKind kind) {
    storage::NewVault o;
    o.kind = kind;
    o.account_name = kind == storage::VaultKind::clinic ? "admin" : "patient";
    o.display_name = kind == storage::VaultKind::clinic ? "Clinique Bench" : "Ada Lovelace";
    o.kdf = storage::KdfParams::minimum_for_tests();
    return o;
}

fs::path write_report(storage::Vault& patient, const fs::path& out, bool everything, int entries,
                      int photos) {
    storage::ReportOptions options;
    options.everything = everything;
    const auto written = need(patient.exchange().write_report(out, options), "write_report");
    if (written.entries != entries || written.photos != photos) {
        die("write_report", "expected " + std::to_string(entries) + " entries and " +
                                std::to_string(photos) + " photos, got " +
                                std::to_string(written.entries) + " and " +
                                std::to_string(written.photos));
    }
    return out;
}

void setup(World& w) {
    const auto start = Clock::now();
    w.clock.set(std::chrono::sys_days{treated_on()} + std::chrono::hours{9});
    // The clinic: a client, screened, treated; the care plan for that session.
    {
        auto created =
            need(storage::Vault::create(w.clinic_base, storage::SecureBytes::from(pass),
                                        vault_options(storage::VaultKind::clinic), w.clock),
                 "creating the clinic vault");
        auto& clinic = *created.vault;
        core::Client client;
        client.display_name = "Ada Lovelace";
        const auto client_id = need(clinic.clients().add(client), "adding the client");
        core::ScreeningInput screening;
        screening.date = treated_on();
        const auto screened = need(clinic.screenings().record(client_id, screening), "screening");
        core::TreatmentSession s;
        s.client_id = client_id;
        s.treated_on = treated_on();
        s.device = "Dermapen 4";
        s.areas.push_back({"cheeks", 1.5, 3});
        s.screening_id = screened.id;
        const auto session = need(clinic.sessions().add(s), "adding the session");
        const auto plan_file = w.root / "care.punctum-careplan";
        const auto issued =
            need(clinic.exchange().issue_care_plan(session, plan_file), "issue_care_plan");
        // The patient opens it into a personal vault of their own.
        auto made =
            need(storage::Vault::create(w.root / "patient", storage::SecureBytes::from(pass),
                                        vault_options(storage::VaultKind::personal), w.clock),
                 "creating the personal vault");
        w.patient = std::move(made.vault);
        (void)need(w.patient->exchange().open_care_plan(plan_file, issued.pairing_code),
                   "open_care_plan");
    } // the clinic vault closes here: clinic_base is the state every import starts from
    const auto own_session = need(w.patient->exchange().care_plans(), "care_plans").at(0).session;

    // A check-in a day; photos spread over them, each entry's photos added with it.
    std::map<int, std::vector<int>> photos_of_day;
    for (int k = 0; k < g_photos; ++k) {
        photos_of_day[1 + k * g_days / g_photos].push_back(k);
    }
    for (int day = 1; day <= g_days; ++day) {
        w.clock.set(noon(day));
        core::RecoveryEntry e;
        e.session_id = own_session;
        e.observed_on = core::Date{std::chrono::sys_days{treated_on()} + std::chrono::days{day}};
        e.reporter = core::Reporter::patient;
        e.set(core::Symptom::erythema, std::max(0, 3 - day / 3));
        e.set(core::Symptom::edema, std::max(0, 2 - day / 2));
        e.set(core::Symptom::pain, std::max(0, 5 - day));
        e.set(core::Symptom::dryness, day % 3);
        if (day % 7 == 0) {
            e.gais_patient = 2;
            e.note = "Skin feels tight in the morning, better by noon.";
        }
        std::vector<storage::NewPhoto> photos;
        for (const int k : photos_of_day[day]) {
            auto imported = need(core::photo::import_photo(camera_photo(k)), "import_photo");
            w.photo_bytes.push_back(imported.original);
            w.photo_total += imported.original.size();
            photos.push_back({std::move(imported), "cheeks", std::nullopt, core::PhotoView::front});
        }
        (void)need(w.patient->sessions().add_entry(e, photos), "add_entry");
    }

    // Photos stay home until the patient allows them in the record: the first report holds
    // the entries alone, the next nothing new. Then, allowed, everything.
    w.clock.set(noon(g_days) + std::chrono::hours{6});
    w.entries_report =
        write_report(*w.patient, w.root / "entries.punctum-report", false, g_days, 0);
    w.empty_report = write_report(*w.patient, w.root / "empty.punctum-report", false, 0, 0);
    const auto self = need(w.patient->clients().own(), "own client");
    check(w.patient->clients().set_consent(self, core::PhotoUse::medical_record, true),
          "set_consent");
    w.full_report =
        write_report(*w.patient, w.root / "full.punctum-report", true, g_days, g_photos);
    const std::chrono::duration<double> took = Clock::now() - start;
    std::printf("set up in %.1f s: %d check-ins, %d photos of %.0f MP (%.1f MB of JPEG), "
                "report %.1f MB\n",
                took.count(), g_days, g_photos, g_megapixels,
                static_cast<double>(w.photo_total) / 1048576.0,
                static_cast<double>(fs::file_size(w.full_report)) / 1048576.0);
}

/// Keeps the median of an iteration's times (steadier than the mean when other work shares
/// the machine) for the summary, and its ratio to the floor's as a counter.
void record(benchmark::State& state, const std::string& name, std::vector<double> times) {
    if (times.empty()) {
        return;
    }
    std::sort(times.begin(), times.end());
    const auto n = times.size();
    const double median = n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    g_seconds[name] = median;
    state.counters["median_ms"] = median * 1e3;
    if (name != "floor") {
        if (const auto floor = g_seconds.find("floor"); floor != g_seconds.end()) {
            state.counters["x_floor"] = median / floor->second;
        }
    }
}

std::vector<char> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// What the report's own write does with its bytes, with nothing else: a new file beside,
/// written, fsynced, renamed into place, its folder fsynced.
void write_synced(const fs::path& path, const std::vector<char>& bytes) {
    const auto tmp = path.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        die("floor", "cannot write " + tmp);
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            die("floor", "write failed");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        die("floor", "fsync or rename failed");
    }
    const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ::fsync(dir);
    ::close(dir);
}

void BM_Floor(benchmark::State& state) {
    auto& w = *g_world;
    const auto size = fs::file_size(w.full_report);
    std::vector<double> times;
    for (auto _ : state) {
        const auto start = Clock::now();
        const auto bytes = read_file(w.full_report);
        write_synced(w.root / "copy.bin", bytes);
        const std::chrono::duration<double> took = Clock::now() - start;
        state.SetIterationTime(took.count());
        times.push_back(took.count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(size) * state.iterations());
    record(state, "floor", times);
}

void BM_Seal(benchmark::State& state) {
    auto& w = *g_world;
    std::uint64_t size = 0;
    std::vector<double> times;
    for (auto _ : state) {
        const auto out = w.root / "sealed.punctum-report";
        storage::ReportOptions options;
        options.everything = true; // every entry and photo again: the same report each time
        const auto start = Clock::now();
        auto written = w.patient->exchange().write_report(out, options);
        const std::chrono::duration<double> took = Clock::now() - start;
        if (!written || written->photos != g_photos || written->entries != g_days) {
            state.SkipWithError(written ? "a report short of entries or photos"
                                        : written.error().message.c_str());
            return;
        }
        state.SetIterationTime(took.count());
        times.push_back(took.count());
        size = fs::file_size(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(size) * state.iterations());
    state.counters["report_MB"] = static_cast<double>(size) / 1048576.0;
    record(state, "seal", times);
}

void BM_PhotoDecode(benchmark::State& state) {
    auto& w = *g_world;
    std::vector<double> times;
    for (auto _ : state) {
        const auto start = Clock::now();
        for (const auto& bytes : w.photo_bytes) {
            auto photo = core::photo::import_photo(bytes);
            if (!photo) {
                state.SkipWithError(photo.error().message.c_str());
                return;
            }
            benchmark::DoNotOptimize(photo->preview.data());
        }
        const std::chrono::duration<double> took = Clock::now() - start;
        state.SetIterationTime(took.count());
        times.push_back(took.count());
    }
    record(state, "photo decode", times);
}

/// Imports `file` into a fresh copy of the clinic vault; only the import is timed.
void import_into_fresh_clinic(benchmark::State& state, const std::string& name,
                              const fs::path& file, int entries, int photos) {
    auto& w = *g_world;
    std::vector<double> times;
    for (auto _ : state) {
        const auto copy = w.root / ("clinic-" + std::to_string(++w.copies));
        fs::copy(w.clinic_base, copy, fs::copy_options::recursive);
        auto clinic =
            need(storage::Vault::open(copy, "admin", storage::SecureBytes::from(pass), w.clock),
                 "opening a copy of the clinic vault");
        if (!clinic->audit_warning().empty() && w.copies == 1) {
            std::printf("note: %s\n", clinic->audit_warning().c_str());
        }
        const auto start = Clock::now();
        auto imported = clinic->exchange().import_report(file);
        const std::chrono::duration<double> took = Clock::now() - start;
        if (!imported) {
            state.SkipWithError(imported.error().message.c_str());
            return;
        }
        if (imported->already_imported || imported->entries_added != entries ||
            imported->photos_added != photos) {
            state.SkipWithError("the import did not merge what the report holds");
            return;
        }
        state.SetIterationTime(took.count());
        times.push_back(took.count());
        clinic.reset();
        fs::remove_all(copy);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(fs::file_size(file)) * state.iterations());
    record(state, name, times);
}

void BM_ImportEmpty(benchmark::State& state) {
    import_into_fresh_clinic(state, "import empty", g_world->empty_report, 0, 0);
}
void BM_ImportEntries(benchmark::State& state) {
    import_into_fresh_clinic(state, "import entries", g_world->entries_report, g_days, 0);
}
void BM_Import(benchmark::State& state) {
    import_into_fresh_clinic(state, "import", g_world->full_report, g_days, g_photos);
}

BENCHMARK(BM_Floor)->Iterations(7)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Seal)->Iterations(5)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhotoDecode)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportEmpty)->Iterations(15)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportEntries)->Iterations(15)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Import)->Iterations(5)->UseManualTime()->Unit(benchmark::kMillisecond);

void summary() {
    const auto at = [](const char* name) {
        const auto it = g_seconds.find(name);
        return it == g_seconds.end() ? std::nan("") : it->second;
    };
    const double floor = at("floor");
    const double seal = at("seal");
    const double import = at("import");
    const double decode = at("photo decode");
    const double empty = at("import empty");
    const double entries = at("import entries");
    std::printf(
        "\nreport of %d check-ins and %d photos of %.0f MP, %.1f MB; in the same run (medians):\n",
        g_days, g_photos, g_megapixels,
        static_cast<double>(fs::file_size(g_world->full_report)) / 1048576.0);
    std::printf("  floor (read + write + fsync) %8.1f ms\n", floor * 1e3);
    std::printf("  seal   (write_report)        %8.1f ms  %6.1f x floor\n", seal * 1e3,
                seal / floor);
    std::printf("  import (import_report)       %8.1f ms  %6.1f x floor\n", import * 1e3,
                import / floor);
    std::printf("    of which photo decode      %8.1f ms  (import_photo on each photo)\n",
                decode * 1e3);
    std::printf("    import less photo decode   %8.1f ms  %6.1f x floor\n", (import - decode) * 1e3,
                (import - decode) / floor);
    std::printf("  import, no entry no photo    %8.1f ms\n", empty * 1e3);
    std::printf("  import, %d entries no photo  %8.1f ms\n", g_days, entries * 1e3);
    std::printf("  merge per entry              %8.2f ms  ((entries - empty) / %d)\n",
                (entries - empty) / g_days * 1e3, g_days);
    std::printf("  import per entry, all in     %8.2f ms  (entries / %d)\n", entries / g_days * 1e3,
                g_days);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--megapixels" && i + 1 < argc) {
            g_megapixels = std::strtod(argv[++i], nullptr);
        } else if (arg == "--days" && i + 1 < argc) {
            g_days = std::atoi(argv[++i]);
        } else if (arg == "--photos" && i + 1 < argc) {
            g_photos = std::atoi(argv[++i]);
        } else if (arg == "--dir" && i + 1 < argc) {
            g_dir = argv[++i];
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (g_days < 1 || g_photos < 0 || g_megapixels <= 0) {
        std::fprintf(stderr, "--days must be 1 or more, --photos 0 or more\n");
        return 2;
    }
    int count = static_cast<int>(rest.size());
    benchmark::Initialize(&count, rest.data());

    std::string pattern = (g_dir / "punctum-exchange-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::perror("mkdtemp");
        return 2;
    }
    World world;
    world.root = pattern;
    world.clinic_base = world.root / "clinic";
    // Audit heads go to a state folder of the bench's own, never the user's.
    ::setenv("XDG_STATE_HOME", (world.root / "state").c_str(), 1);
    g_world = &world;
    setup(world);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    summary();
    world.patient.reset();
    g_world = nullptr;
    fs::remove_all(world.root);
    return 0;
}
