// photo analyze IMAGE and photo strip IN OUT: the photo module without a vault, for
// scripts and for checking a picture before it is imported.

#include "commands.h"
#include "photo_input.h"
#include "punctum/storage/atomic_file.h"

#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/redness.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace punctum::cli {

// Writes `bytes` to `path` with storage's atomic write: whole or not at all, mode 0600 (a
// face photo is never readable by other users), the folder synced after the rename.
bool write_atomically(CliContext& ctx, const std::string& path,
                      const std::vector<std::uint8_t>& bytes) {
    const std::string_view contents(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (auto written = storage::write_file_atomically(std::filesystem::absolute(path), contents);
        !written) {
        ctx.fail(exit_failure, "Cannot write " + path + ": " + written.error().message);
        return false;
    }
    return true;
}

// The whole file, refusing anything over the import limit before reading it.
std::optional<std::vector<std::uint8_t>> read_photo(CliContext& ctx, const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        ctx.fail(exit_usage, "Cannot read " + path + ": " + ec.message() + ".");
        return std::nullopt;
    }
    if (size > core::photo::ImportLimits{}.max_bytes) {
        ctx.fail(exit_usage, path + ": the file is larger than the 40 MB Punctum accepts for a "
                                    "photo. Export it at a smaller size.");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (!in ||
        !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        ctx.fail(exit_usage, "Cannot read " + path + ".");
        return std::nullopt;
    }
    return bytes;
}

// "x,y,w,h" in displayed pixels; nullopt after reporting why.
std::optional<core::photo::Region> parse_rect(CliContext& ctx, const std::string& text,
                                              const char* option) {
    std::istringstream in(text);
    double v[4];
    char comma[3];
    if (!(in >> v[0] >> comma[0] >> v[1] >> comma[1] >> v[2] >> comma[2] >> v[3]) ||
        comma[0] != ',' || comma[1] != ',' || comma[2] != ',' || !(in >> std::ws).eof() ||
        v[2] <= 0 || v[3] <= 0) {
        ctx.fail(exit_usage, std::string(option) + " must be x,y,width,height in pixels of the "
                                                   "upright photo, e.g. 600,450,400,300.");
        return std::nullopt;
    }
    return core::photo::Region::rectangle(v[0], v[1], v[2], v[3]);
}

namespace {

namespace photo = core::photo;

struct PhotoOptions {
    std::string image;
    std::string roi;
    std::string reference;
    std::string out;
};

int exit_for(photo::PhotoErrc code) {
    return code == photo::PhotoErrc::analysis_failed ? exit_failure : exit_usage;
}

void run_analyze(CliContext& ctx, const PhotoOptions& o) {
    const auto bytes = read_photo(ctx, o.image);
    if (!bytes) {
        return;
    }
    // The orientation and upright size come from the file itself (its EXIF, if any).
    const auto header = photo::strip_metadata(*bytes);
    if (!header) {
        ctx.fail(exit_for(header.error().code), o.image + ": " + header.error().message);
        return;
    }
    const double w = header->width, h = header->height;
    auto roi = photo::Region::rectangle(w * 3 / 8, h * 3 / 8, w / 4, h / 4);
    auto reference = photo::Region::rectangle(w / 12, h / 12, w / 5, h / 5);
    if (!o.roi.empty()) {
        auto r = parse_rect(ctx, o.roi, "--roi");
        if (!r) {
            return;
        }
        roi = *r;
    }
    if (!o.reference.empty()) {
        auto r = parse_rect(ctx, o.reference, "--reference");
        if (!r) {
            return;
        }
        reference = *r;
    }
    const auto result = photo::analyze_redness(*bytes, header->orientation, roi, reference);
    if (!result) {
        ctx.fail(exit_for(result.error().code), o.image + ": " + result.error().message);
        return;
    }
    const auto& r = *result;
    if (ctx.json) {
        const nlohmann::json out{{"width", r.width},
                                 {"height", r.height},
                                 {"pixels_used", r.pixels_used},
                                 {"a_star_median", r.a_star_median},
                                 {"a_star_p90", r.a_star_p90},
                                 {"reference_a_star_median", r.reference_a_star_median},
                                 {"delta_a_star", r.delta_a_star},
                                 {"erythema_index", r.erythema_index},
                                 {"ita_deg", r.ita_deg},
                                 {"calibrated", r.calibrated}};
        std::cout << out.dump(2) << "\n";
        return;
    }
    char line[512];
    std::snprintf(line, sizeof line,
                  "Analysed at %d x %d, %lld pixels of the treated region used.\n"
                  "a* treated: median %.2f, 90th percentile %.2f\n"
                  "a* reference skin: median %.2f\n"
                  "delta a*: %.2f\n"
                  "Erythema index: %.2f\n"
                  "ITA of the reference skin: %.1f degrees\n",
                  r.width, r.height, static_cast<long long>(r.pixels_used), r.a_star_median,
                  r.a_star_p90, r.reference_a_star_median, r.delta_a_star, r.erythema_index,
                  r.ita_deg);
    std::cout << line
              << (r.calibrated ? "Colours corrected from the ColorChecker in the photo.\n"
                               : "Uncalibrated: no ColorChecker found, so light and camera "
                                 "may move these numbers by more than real redness does.\n");
}

void run_strip(CliContext& ctx, const PhotoOptions& o) {
    const auto bytes = read_photo(ctx, o.image);
    if (!bytes) {
        return;
    }
    const auto stripped = photo::strip_metadata(*bytes, true);
    if (!stripped) {
        ctx.fail(exit_for(stripped.error().code), o.image + ": " + stripped.error().message);
        return;
    }
    if (!write_atomically(ctx, o.out, stripped->bytes)) {
        return;
    }
    std::cout << "Wrote " << o.out << " (" << stripped->bytes.size() << " bytes, "
              << bytes->size() - stripped->bytes.size() << " bytes of metadata removed"
              << (stripped->orientation != 1 ? "; only the orientation tag kept" : "") << ").\n";
}

} // namespace

void add_photo_commands(CLI::App& app, CliContext& ctx) {
    static PhotoOptions o;
    auto* group = app.add_subcommand("photo", "Photos: analyse or strip a file (no vault needed), "
                                              "or add, list, measure and export photos in a vault");
    group->require_subcommand(1);

    auto* analyze = group->add_subcommand(
        "analyze", "Measure redness (CIELAB a*) of a treated area against untreated skin.\n"
                   "Regions are x,y,width,height in pixels of the upright photo. Defaults: the\n"
                   "treated region is the centre quarter (3/8 to 5/8 of width and height); the\n"
                   "reference starts 1/12 of width and height in from the top-left corner and is\n"
                   "1/5 of the width and height in size.\n"
                   "Colours are corrected when a 24-patch ColorChecker is in the frame.");
    analyze->add_option("image", o.image, "JPEG or PNG file")->required();
    analyze->add_option("--roi", o.roi, "Treated region x,y,w,h (default: the centre quarter)");
    analyze->add_option("--reference", o.reference,
                        "Untreated skin x,y,w,h (default: near the top-left corner)");
    analyze->add_flag("--json", ctx.json, "Print the numbers as JSON");
    analyze->callback([&ctx] { run_analyze(ctx, o); });

    auto* strip = group->add_subcommand(
        "strip", "Write a copy without metadata (EXIF, GPS, thumbnails, XMP, IPTC, comments).\n"
                 "The picture data is copied, not re-encoded; a minimal orientation tag is\n"
                 "kept when the photo is rotated, so it still shows upright.");
    strip->add_option("input", o.image, "JPEG or PNG file")->required();
    strip->add_option("output", o.out, "Where to write the copy (replaced atomically)")->required();
    strip->callback([&ctx] { run_strip(ctx, o); });
}

} // namespace punctum::cli
