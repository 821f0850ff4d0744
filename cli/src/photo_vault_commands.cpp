// photo add | list | measure | export and client consent: photos inside a vault. The file
// is imported (checked, stripped, previewed) by storage; an export writes only what the
// client's consent allows, atomically, and never a decoded picture.

#include "commands.h"
#include "photo_input.h"
#include "punctum/core/photo/photo_import.h"
#include "punctum/storage/secure_bytes.h"

#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

namespace punctum::cli {

namespace {

struct PhotoVaultOptions {
    std::int64_t session = 0;
    std::int64_t entry = 0;
    std::int64_t id = 0;
    std::string file;
    std::string area;
    std::string view; ///< front, left, right, oblique; empty: not recorded
    std::string roi;
    std::string reference;
    std::string use = "medical_record";
    std::string granted;
};

nlohmann::json analysis_json(const storage::StoredAnalysis& a) {
    const auto& v = a.values;
    return {{"id", a.id},
            {"pixels_used", v.pixels_used},
            {"a_star_median", v.a_star_median},
            {"a_star_p90", v.a_star_p90},
            {"reference_a_star_median", v.reference_a_star_median},
            {"delta_a_star", v.delta_a_star},
            {"erythema_index", v.erythema_index},
            {"ita_deg", v.ita_deg},
            {"calibrated", v.calibrated},
            {"roi", nlohmann::json::parse(a.roi.to_json())},
            {"reference", nlohmann::json::parse(a.reference.to_json())}};
}

void run_add(CliContext& ctx, const PhotoVaultOptions& o) {
    auto bytes = read_photo(ctx, o.file);
    if (!bytes) {
        return;
    }
    // Imported before the vault opens: the file, EXIF and all, is dropped here, and a file
    // that is no usable photo costs no key derivation.
    auto imported = core::photo::import_photo(*bytes);
    storage::wipe(bytes->data(), bytes->size());
    bytes.reset();
    if (!imported) {
        ctx.fail(exit_usage, "The photo was not added: " + imported.error().message);
        return;
    }
    const auto view = core::photo_view_from_string(o.view).value_or(core::PhotoView::unspecified);
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto added = vault->photos().add(core::SessionId{o.session},
                                     {std::move(imported).value(), o.area, std::nullopt, view},
                                     core::EntryId{o.entry});
    if (!added) {
        ctx.fail(added.error());
        return;
    }
    if (ctx.json) {
        std::cout << nlohmann::json{{"id", added->id},
                                    {"width", added->width},
                                    {"height", added->height},
                                    {"view", std::string(core::to_string(added->view))}}
                         .dump()
                  << "\n";
    } else {
        std::cout << "Added photo " << added->id << " (" << added->width << " x " << added->height
                  << ", metadata removed).\n";
    }
}

void run_list(CliContext& ctx, const PhotoVaultOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto photos = vault->photos().of_session(core::SessionId{o.session});
    if (!photos) {
        ctx.fail(photos.error());
        return;
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *photos) {
        auto analyses = vault->photos().analyses(p.id);
        if (!analyses) {
            ctx.fail(analyses.error());
            return;
        }
        nlohmann::json j{{"id", p.id},
                         {"entry_id", p.entry_id.value},
                         {"day", p.day},
                         {"taken_on", core::format_date(p.taken_on)},
                         {"area", p.area},
                         {"width", p.width},
                         {"height", p.height},
                         {"mime", p.mime},
                         {"view", std::string(core::to_string(p.view))},
                         {"analysis", nullptr}};
        if (!analyses->empty()) {
            j["analysis"] = analysis_json(analyses->back());
        }
        out.push_back(std::move(j));
    }
    if (ctx.json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (out.empty()) {
        std::cout << "This session has no photos. Add one with `punctum-cli photo add`.\n";
    }
    for (const auto& j : out) {
        std::cout << "photo " << j["id"] << "  day " << j["day"] << "  " << j["width"] << " x "
                  << j["height"];
        if (const auto view = j["view"].get<std::string>(); !view.empty()) {
            std::cout << "  " << view << " view";
        }
        if (!j["analysis"].is_null()) {
            std::cout << "  delta a* " << std::fixed << std::setprecision(1)
                      << j["analysis"]["delta_a_star"].get<double>()
                      << (j["analysis"]["calibrated"].get<bool>() ? " (calibrated)"
                                                                  : " (uncalibrated)");
        }
        std::cout << "\n";
    }
}

void run_trend(CliContext& ctx, const PhotoVaultOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto trend = vault->photos().redness_trend(core::SessionId{o.session});
    if (!trend) {
        ctx.fail(trend.error());
        return;
    }
    const auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : *trend) {
        out.push_back({{"day", d.day},
                       {"delta_a_star", opt(d.delta_a_star)},
                       {"calibrated", d.calibrated},
                       {"clinician_erythema", opt(d.clinician_erythema)},
                       {"patient_erythema", opt(d.patient_erythema)}});
    }
    if (ctx.json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << "day  photo delta a*       clinician  patient (erythema 0-4)\n";
    for (const auto& d : *trend) {
        std::cout << std::setw(3) << d.day << "  ";
        if (d.delta_a_star) {
            std::cout << std::fixed << std::setprecision(1) << std::setw(5) << *d.delta_a_star
                      << (d.calibrated ? " calibrated  " : " uncorrected ");
        } else {
            std::cout << "    -             ";
        }
        std::cout << "     " << (d.clinician_erythema ? std::to_string(*d.clinician_erythema) : "-")
                  << "          "
                  << (d.patient_erythema ? std::to_string(*d.patient_erythema) : "-") << "\n";
    }
}

void run_measure(CliContext& ctx, const PhotoVaultOptions& o) {
    auto roi = parse_rect(ctx, o.roi, "--roi");
    if (!roi) {
        return;
    }
    auto reference = parse_rect(ctx, o.reference, "--reference");
    if (!reference) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto analysis = vault->photos().analyze(o.id, *roi, *reference);
    if (!analysis) {
        ctx.fail(analysis.error());
        return;
    }
    std::cout << analysis_json(*analysis).dump(ctx.json ? -1 : 2) << "\n";
}

void run_export(CliContext& ctx, const PhotoVaultOptions& o) {
    const auto use = core::photo_use_from_string(o.use);
    if (!use) {
        ctx.fail(exit_usage, "--use must be medical_record, in_clinic_display or publication.");
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto bytes = vault->photos().export_photo(o.id, *use);
    if (!bytes) {
        ctx.fail(bytes.error());
        return;
    }
    if (!write_atomically(ctx, o.file, *bytes)) {
        return;
    }
    std::cout << "Wrote " << o.file << " (" << bytes->size() << " bytes, no metadata) for " << o.use
              << ".\n";
}

void run_consent(CliContext& ctx, const PhotoVaultOptions& o) {
    const auto use = core::photo_use_from_string(o.use);
    if (!use) {
        ctx.fail(exit_usage, "--use must be medical_record, in_clinic_display or publication.");
        return;
    }
    if (o.granted != "yes" && o.granted != "no") {
        ctx.fail(exit_usage, "--granted must be yes or no.");
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    if (auto set = vault->clients().set_consent(core::ClientId{o.id}, *use, o.granted == "yes");
        !set) {
        ctx.fail(set.error());
        return;
    }
    std::cout << "Recorded: " << o.use << " " << (o.granted == "yes" ? "granted" : "withheld")
              << ".\n";
}

} // namespace

void add_photo_vault_commands(CLI::App& app, CliContext& ctx) {
    static PhotoVaultOptions o;
    auto* group = app.get_subcommand("photo");

    auto* add = group->add_subcommand("add", "Import a photo into a session (metadata removed)");
    add_vault_options(*add, ctx);
    add->add_option("file", o.file, "JPEG or PNG file")->required();
    add->add_option("--session", o.session, "Session id")->required();
    add->add_option("--entry", o.entry, "Recovery entry id the photo belongs to");
    add->add_option("--area", o.area, "Area shown, e.g. left cheek");
    add->add_option("--view", o.view,
                    "The view: front, left, right or oblique (compare pairs like with like)")
        ->check(CLI::IsMember({"front", "left", "right", "oblique"}));
    add->add_flag("--json", ctx.json, "Print JSON");
    add->callback([&ctx] { run_add(ctx, o); });

    auto* list = group->add_subcommand("list", "A session's photos with their latest analysis");
    add_vault_options(*list, ctx);
    list->add_option("--session", o.session, "Session id")->required();
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_list(ctx, o); });

    auto* trend = group->add_subcommand(
        "trend", "A session's photo redness (delta a*) by day beside the erythema scores");
    add_vault_options(*trend, ctx);
    trend->add_option("--session", o.session, "Session id")->required();
    trend->add_flag("--json", ctx.json, "Print JSON");
    trend->callback([&ctx] { run_trend(ctx, o); });

    auto* measure = group->add_subcommand(
        "measure", "Measure a stored photo's redness and keep the result (raises photo flags)");
    add_vault_options(*measure, ctx);
    measure->add_option("id", o.id, "Photo id")->required();
    measure->add_option("--roi", o.roi, "Treated region x,y,w,h")->required();
    measure->add_option("--reference", o.reference, "Untreated skin x,y,w,h")->required();
    measure->add_flag("--json", ctx.json, "Print compact JSON");
    measure->callback([&ctx] { run_measure(ctx, o); });

    auto* out = group->add_subcommand(
        "export", "Write a photo's metadata-free original, if the client's consent allows the use");
    add_vault_options(*out, ctx);
    out->add_option("id", o.id, "Photo id")->required();
    out->add_option("output", o.file, "Where to write it")->required();
    out->add_option("--use", o.use, "medical_record (default), in_clinic_display or publication");
    out->callback([&ctx] { run_export(ctx, o); });

    auto* consent = app.get_subcommand("client")->add_subcommand(
        "consent", "Record what a client allows their photos to be used for");
    add_vault_options(*consent, ctx);
    consent->add_option("id", o.id, "Client id")->required();
    consent->add_option("--use", o.use, "medical_record, in_clinic_display or publication")
        ->required();
    consent->add_option("--granted", o.granted, "yes or no")->required();
    consent->callback([&ctx] { run_consent(ctx, o); });
}

} // namespace punctum::cli
