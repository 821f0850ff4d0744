// Issue #5: what importing and analysing a photo costs, against a bare full JPEG decode of
// the same bytes in the same run (the floor every photo viewer pays).
//
//   punctum_photo_bench [--megapixels N] [Benchmark flags]
//
// The photo is synthetic skin (4:3, N megapixels, default 12, JPEG q92). Goals: import
// (strip + reduced decode + preview + thumbnail + checksum) and import + analysis at or
// below 1.0x the bare decode; the analysis step under 30 ms at 2 MP. Chart detection
// (mcc) is measured on its own: it runs only when the user asks for calibration.

#include "colour_chart.h"
#include "container.h"
#include "cv_image.h"
#include "region_pixels.h"

#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/redness.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/vault.h"

#include <benchmark/benchmark.h>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <stdlib.h>

namespace {

namespace photo = punctum::core::photo;
namespace detail = punctum::core::photo::detail;

double g_megapixels = 12;

photo::SyntheticPhotoSpec spec_for(double megapixels, bool chart) {
    photo::SyntheticPhotoSpec s;
    s.width = static_cast<int>(std::lround(std::sqrt(megapixels * 1e6 * 4 / 3)));
    s.height = s.width * 3 / 4;
    s.treated_delta_a = 5;
    s.with_chart = chart;
    return s;
}

const std::vector<std::uint8_t>& big_photo() {
    static const auto bytes = photo::synthetic_skin_photo(spec_for(g_megapixels, false));
    return bytes;
}

const std::vector<std::uint8_t>& photo_2mp(bool chart) {
    static const auto plain = photo::synthetic_skin_photo(spec_for(1.92, false));
    static const auto charted = photo::synthetic_skin_photo(spec_for(1.92, true));
    return chart ? charted : plain;
}

cv::Mat as_mat(const std::vector<std::uint8_t>& bytes) {
    return cv::Mat(1, static_cast<int>(bytes.size()), CV_8U,
                   const_cast<std::uint8_t*>(bytes.data())); // NOLINT: read only
}

void BM_BareDecode(benchmark::State& state) {
    const auto buffer = as_mat(big_photo());
    for (auto _ : state) {
        cv::Mat image = cv::imdecode(buffer, cv::IMREAD_COLOR);
        benchmark::DoNotOptimize(image.data);
    }
}
BENCHMARK(BM_BareDecode)->Unit(benchmark::kMillisecond);

void BM_Import(benchmark::State& state) {
    for (auto _ : state) {
        auto imported = photo::import_photo(big_photo());
        if (!imported) {
            state.SkipWithError(imported.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(imported->preview.data());
    }
}
BENCHMARK(BM_Import)->Unit(benchmark::kMillisecond);

// What the app does when a photo is added: import, then analyse the stored original.
void BM_ImportAndAnalyse(benchmark::State& state) {
    const auto s = spec_for(g_megapixels, false);
    const auto roi = photo::synthetic_treated_region(s), ref = photo::synthetic_reference_region(s);
    for (auto _ : state) {
        auto imported = photo::import_photo(big_photo());
        if (!imported) {
            state.SkipWithError(imported.error().message.c_str());
            return;
        }
        auto r = photo::analyze_redness(imported->original, imported->orientation, roi, ref,
                                        {false, 1600});
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(r->a_star_median);
    }
}
BENCHMARK(BM_ImportAndAnalyse)->Unit(benchmark::kMillisecond);

// The whole path when a photo is added in the app: PhotoStore::add (import, then the
// original, preview and thumbnail written as BLOBs into the encrypted vault in one
// transaction, fsync'd) and PhotoStore::analyze (the analysis stored, flags re-assessed).
void BM_ImportStoreAnalyse(benchmark::State& state) {
    namespace storage = punctum::storage;
    namespace core = punctum::core;
    char pattern[] = "/tmp/punctum-photo-bench-XXXXXX";
    const char* dir = ::mkdtemp(pattern);
    if (dir == nullptr) {
        state.SkipWithError("cannot make a temporary folder");
        return;
    }
    const std::filesystem::path folder = std::filesystem::path(dir) / "vault";
    core::SystemClock clock;
    {
        storage::NewVault options;
        options.kdf = storage::KdfParams::minimum_for_tests(); // the bench times photos
        auto created = storage::Vault::create(folder, storage::SecureBytes::from("bench pass 1"),
                                              options, clock);
        if (!created) {
            state.SkipWithError(created.error().message.c_str());
            return;
        }
        auto& vault = *created->vault;
        core::Client c;
        c.display_name = "Bench";
        const auto client = vault.clients().add(c).value();
        core::TreatmentSession session;
        session.client_id = client;
        session.treated_on = core::date_of(clock.now());
        session.areas.push_back({"cheeks", 1.0, 2});
        core::ScreeningInput screening; // the gate every clinic session passes
        screening.date = session.treated_on;
        session.screening_id = vault.screenings().record(client, screening).value().id;
        const auto sid = vault.sessions().add(session).value();
        const auto s = spec_for(g_megapixels, false);
        const auto roi = photo::synthetic_treated_region(s);
        const auto ref = photo::synthetic_reference_region(s);
        for (auto _ : state) {
            auto imported = photo::import_photo(big_photo()); // the work add() used to do
            if (!imported) {
                state.SkipWithError(imported.error().message.c_str());
                break;
            }
            auto added =
                vault.photos().add(sid, {std::move(imported).value(), "cheeks", std::nullopt});
            if (!added) {
                state.SkipWithError(added.error().message.c_str());
                break;
            }
            auto r = vault.photos().analyze(added->id, roi, ref, {false, 1600});
            if (!r) {
                state.SkipWithError(r.error().message.c_str());
                break;
            }
            benchmark::DoNotOptimize(r->values.a_star_median);
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}
BENCHMARK(BM_ImportStoreAnalyse)->Unit(benchmark::kMillisecond);

void BM_StepStrip(benchmark::State& state) {
    std::vector<std::uint8_t> out;
    for (auto _ : state) {
        auto info = detail::parse_container(big_photo(), {}, &out);
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(info.ok());
    }
}
BENCHMARK(BM_StepStrip)->Unit(benchmark::kMillisecond);

void BM_StepReducedDecode(benchmark::State& state) {
    const auto info = detail::parse_container(big_photo(), {}, nullptr).value();
    for (auto _ : state) {
        auto image = detail::decode_stored(big_photo(), info, photo::preview_long_side);
        benchmark::DoNotOptimize(image->data);
    }
}
BENCHMARK(BM_StepReducedDecode)->Unit(benchmark::kMillisecond);

cv::Mat decoded_preview() {
    const auto info = detail::parse_container(big_photo(), {}, nullptr).value();
    return detail::fit_long_side(detail::decode_stored(big_photo(), info, 1600).value(), 1600);
}

void BM_StepPreviewEncode(benchmark::State& state) {
    const cv::Mat preview = decoded_preview();
    for (auto _ : state) {
        auto bytes = detail::encode(detail::fit_long_side(preview, 1600), ".jpg", 90);
        benchmark::DoNotOptimize(bytes.data());
    }
}
BENCHMARK(BM_StepPreviewEncode)->Unit(benchmark::kMillisecond);

void BM_StepThumbnailEncode(benchmark::State& state) {
    const cv::Mat preview = decoded_preview();
    for (auto _ : state) {
        auto bytes = detail::encode(detail::fit_long_side(preview, 256), ".jpg", 85);
        benchmark::DoNotOptimize(bytes.data());
    }
}
BENCHMARK(BM_StepThumbnailEncode)->Unit(benchmark::kMillisecond);

// The analysis itself on a decoded 2 MP picture: masks, colour, statistics.
void BM_StepAnalysis2MP(benchmark::State& state) {
    const auto s = spec_for(1.92, false);
    const cv::Mat image = detail::decode_oriented(photo_2mp(false), 1, 1600).value();
    const auto correction = detail::ColourCorrection::srgb();
    const cv::Size full(s.width, s.height);
    for (auto _ : state) {
        auto treated = detail::region_pixels(image, full, photo::synthetic_treated_region(s),
                                             correction, "treated");
        auto skin = detail::region_pixels(image, full, photo::synthetic_reference_region(s),
                                          correction, "reference");
        benchmark::DoNotOptimize(detail::quantile(treated->a, 0.5));
        benchmark::DoNotOptimize(detail::quantile(treated->a, 0.9));
        benchmark::DoNotOptimize(detail::quantile(skin->a, 0.5));
        benchmark::DoNotOptimize(detail::quantile(treated->erythema, 0.5));
    }
}
BENCHMARK(BM_StepAnalysis2MP)->Unit(benchmark::kMillisecond);

// analyze_redness end to end on a 2 MP JPEG without chart detection (decode included).
void BM_AnalyseRedness2MP(benchmark::State& state) {
    const auto s = spec_for(1.92, false);
    for (auto _ : state) {
        auto r = photo::analyze_redness(photo_2mp(false), 1, photo::synthetic_treated_region(s),
                                        photo::synthetic_reference_region(s), {false, 1600});
        benchmark::DoNotOptimize(r->a_star_median);
    }
}
BENCHMARK(BM_AnalyseRedness2MP)->Unit(benchmark::kMillisecond);

void BM_ChartDetectAndFit2MP(benchmark::State& state) {
    const cv::Mat image = detail::decode_oriented(photo_2mp(true), 1, 1600).value();
    for (auto _ : state) {
        auto c = detail::correction_from_chart(image);
        if (!c) {
            state.SkipWithError("no chart found");
            return;
        }
        benchmark::DoNotOptimize(c->matrix.val);
    }
}
BENCHMARK(BM_ChartDetectAndFit2MP)->Unit(benchmark::kMillisecond);

// Remembers each benchmark's time so the ratios can be printed after the table.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& r : runs) {
            if (r.run_type == Run::RT_Iteration && !r.error_occurred) {
                ms[r.benchmark_name()] = r.GetAdjustedRealTime(); // in kMillisecond
            }
        }
    }
    std::map<std::string, double> ms;
};

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--megapixels") == 0 && i + 1 < argc) {
            g_megapixels = std::atof(argv[++i]);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const auto& t = reporter.ms;
    if (t.count("BM_BareDecode") != 0 && t.at("BM_BareDecode") > 0) {
        const double floor = t.at("BM_BareDecode");
        std::printf("\n%.1f MP photo, bare full decode %.1f ms = 1.00x\n", g_megapixels, floor);
        for (const char* name : {"BM_Import", "BM_ImportAndAnalyse", "BM_ImportStoreAnalyse"}) {
            if (t.count(name) != 0) {
                std::printf("%-22s %7.1f ms = %.2fx the bare decode (goal <= 1.0x)\n", name,
                            t.at(name), t.at(name) / floor);
            }
        }
    }
    if (t.count("BM_StepAnalysis2MP") != 0) {
        std::printf("analysis at 2 MP       %7.1f ms (goal < 30 ms)\n", t.at("BM_StepAnalysis2MP"));
    }
    return 0;
}
