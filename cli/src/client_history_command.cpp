// client history: a client's lasting medical history (allergies, sensitivities,
// medications, conditions), shown, or updated field by field and then shown.

#include "commands.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

namespace punctum::cli {

namespace {

struct HistoryOptions {
    std::int64_t client = 0;
    std::optional<std::string> allergies;
    std::optional<std::string> sensitivities;
    std::optional<std::string> medications;
    std::optional<std::string> conditions;
};

nlohmann::json history_json(std::int64_t client, const core::MedicalHistory& h) {
    return {{"client_id", client},
            {"allergies", h.allergies},
            {"sensitivities", h.sensitivities},
            {"medications", h.medications},
            {"conditions", h.conditions},
            {"updated_at",
             h.updated_at ? nlohmann::json(core::format_timestamp(*h.updated_at)) : nullptr}};
}

void print_field(const char* label, const std::string& text) {
    std::cout << "  " << label << ": " << (text.empty() ? "none recorded" : text) << "\n";
}

void run_history(CliContext& ctx, const HistoryOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    const core::ClientId id{o.client};
    auto client = vault->clients().get(id);
    if (!client) {
        ctx.fail(client.error());
        return;
    }
    auto history = vault->clients().history(id);
    if (!history) {
        ctx.fail(history.error());
        return;
    }
    // Only the fields given change; `--allergies ""` clears one.
    if (o.allergies || o.sensitivities || o.medications || o.conditions) {
        auto changed = *history;
        changed.allergies = o.allergies.value_or(changed.allergies);
        changed.sensitivities = o.sensitivities.value_or(changed.sensitivities);
        changed.medications = o.medications.value_or(changed.medications);
        changed.conditions = o.conditions.value_or(changed.conditions);
        history = vault->clients().set_history(id, changed);
        if (!history) {
            ctx.fail(history.error());
            return;
        }
    }
    if (ctx.json) {
        std::cout << history_json(o.client, *history).dump() << "\n";
        return;
    }
    std::cout << "Medical history of " << client->display_name << " (client " << o.client << "), "
              << (history->updated_at
                      ? "last updated " + core::format_timestamp(*history->updated_at)
                      : std::string("never recorded"))
              << ":\n";
    print_field("Allergies", history->allergies);
    print_field("Sensitivities", history->sensitivities);
    print_field("Medications", history->medications);
    print_field("Conditions", history->conditions);
    if (history->empty()) {
        std::cout << "Record it with --allergies, --sensitivities, --medications and "
                     "--conditions; confirm it with the client at each screening.\n";
    }
}

} // namespace

void add_client_history_command(CLI::App& app, CliContext& ctx) {
    static HistoryOptions o;
    auto* history = app.get_subcommand("client")->add_subcommand(
        "history", "Show or update a client's medical history (allergies, sensitivities, "
                   "medications, conditions)");
    add_vault_options(*history, ctx);
    history->add_option("--client", o.client, "Client id")->required();
    history->add_option("--allergies", o.allergies, "Allergies, in plain words (\"\" clears)");
    history->add_option("--sensitivities", o.sensitivities,
                        "Sensitivities, e.g. to products or fragrance (\"\" clears)");
    history->add_option("--medications", o.medications,
                        "Medicines and supplements taken (\"\" clears)");
    history->add_option("--conditions", o.conditions,
                        "Health conditions that matter for treatment (\"\" clears)");
    history->add_flag("--json", ctx.json, "Print JSON");
    history->callback([&ctx] { run_history(ctx, o); });
}

} // namespace punctum::cli
