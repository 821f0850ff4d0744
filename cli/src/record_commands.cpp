#include "commands.h"
#include "json_views.h"
#include "treatment_record_options.h"

#include <array>
#include <iostream>
#include <map>

namespace punctum::cli {

namespace {

struct ClientOptions {
    std::string name;
    std::string date_of_birth;
    int fitzpatrick = 0;
    std::string notes;
    std::string search;
    std::int64_t id = 0;
};

struct SessionOptions {
    std::int64_t client = 0;
    std::int64_t screening = 0; // the stored screening that clears it (required in a clinic)
    std::string date;
    std::string device;
    std::string cartridge;
    std::vector<std::string> areas;    // "forehead:1.5:3"
    std::vector<std::string> products; // "NAME[:LOT]"
    std::vector<std::string> add_ons;  // "prp", "rf[:DETAIL]", "other:DETAIL"
    std::string response;
    std::string aftercare;
    std::string notes;
    TreatmentRecordOptions record; // indication, course plan, treatment record
};

// "NAME[:DETAIL]" split at the first colon.
std::pair<std::string, std::string> split_detail(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) {
        return {text, ""};
    }
    return {text.substr(0, colon), text.substr(colon + 1)};
}

struct EntryOptions {
    std::int64_t session = 0;
    std::string date;
    std::string reporter = "patient";
    std::map<std::string, std::string> scores; // key -> typed value
    std::string note;
    std::optional<int> gais_practitioner; // 1..5, core checks the range
    std::optional<int> gais_patient;
};

void print_id(CliContext& ctx, const char* what, std::int64_t id) {
    if (ctx.json) {
        std::cout << nlohmann::json{{"id", id}}.dump() << "\n";
    } else {
        std::cout << "Added " << what << " " << id << ".\n";
    }
}

void run_client_add(CliContext& ctx, const ClientOptions& o) {
    core::Client c;
    c.display_name = o.name;
    c.notes = o.notes;
    if (o.fitzpatrick != 0) {
        c.fitzpatrick = o.fitzpatrick;
    }
    if (!o.date_of_birth.empty()) {
        c.date_of_birth = core::parse_date(o.date_of_birth);
        if (!c.date_of_birth) {
            ctx.fail(exit_usage, "--date-of-birth must be a date like 1985-04-30.");
            return;
        }
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto id = vault->clients().add(c);
    if (!id) {
        ctx.fail(id.error());
        return;
    }
    print_id(ctx, "client", id->value);
}

void run_client_list(CliContext& ctx, const ClientOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto rows = vault->clients().list(o.search, 0, 1000000);
    if (!rows) {
        ctx.fail(rows.error());
        return;
    }
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& r : *rows) {
            arr.push_back(to_json(r));
        }
        std::cout << arr.dump(2) << "\n";
        return;
    }
    if (rows->empty()) {
        std::cout
            << "No clients yet. Add one with: punctum-cli client add --vault PATH --name NAME\n";
    }
    for (const auto& r : *rows) {
        std::cout << r.id.value << "\t" << r.display_name << "\t" << r.session_count
                  << " session(s)\n";
    }
}

void run_client_show(CliContext& ctx, const ClientOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto client = vault->clients().get(core::ClientId{o.id});
    if (!client) {
        ctx.fail(client.error());
        return;
    }
    auto sessions = vault->sessions().of_client(client->id);
    if (!sessions) {
        ctx.fail(sessions.error());
        return;
    }
    nlohmann::json out = to_json(*client);
    out["sessions"] = nlohmann::json::array();
    for (const auto& s : *sessions) {
        auto js = to_json(s);
        js["course"] = course_json(core::course_progress(s, *sessions));
        auto entries = vault->sessions().entries(s.id);
        if (!entries) {
            ctx.fail(entries.error());
            return;
        }
        js["entries"] = nlohmann::json::array();
        for (const auto& e : *entries) {
            js["entries"].push_back(to_json(e));
        }
        auto flags = vault->flags().of_session(s.id);
        if (!flags) {
            ctx.fail(flags.error());
            return;
        }
        js["flags"] = nlohmann::json::array();
        for (const auto& f : *flags) {
            js["flags"].push_back(to_json(f));
        }
        out["sessions"].push_back(js);
    }
    std::cout << out.dump(2) << "\n";
}

void run_session_add(CliContext& ctx, const SessionOptions& o) {
    core::TreatmentSession s;
    s.client_id = core::ClientId{o.client};
    const auto date = core::parse_date(o.date);
    if (!date) {
        ctx.fail(exit_usage, "--date must be a date like 2026-03-03.");
        return;
    }
    s.treated_on = *date;
    s.device = o.device;
    s.notes = o.notes;
    if (o.screening > 0) {
        s.screening_id = o.screening;
    }
    for (const auto& text : o.areas) {
        // area:depth_mm[:passes]
        const auto first = text.find(':');
        const auto second = text.find(':', first == std::string::npos ? first : first + 1);
        core::TreatedArea a;
        try {
            if (first == std::string::npos) {
                throw std::invalid_argument("no depth");
            }
            a.area = text.substr(0, first);
            const std::string depth = text.substr(first + 1, second - first - 1);
            std::size_t used = 0;
            a.depth_mm = std::stod(depth, &used);
            if (used != depth.size()) {
                throw std::invalid_argument("junk after depth");
            }
            if (second != std::string::npos) {
                const std::string passes = text.substr(second + 1);
                a.passes = std::stoi(passes, &used);
                if (used != passes.size()) {
                    throw std::invalid_argument("junk after passes");
                }
            }
        } catch (const std::exception&) {
            ctx.fail(exit_usage, "--area '" + text +
                                     "' must look like AREA:DEPTH_MM[:PASSES], e.g. cheeks:1.5:3.");
            return;
        }
        s.areas.push_back(a);
    }
    s.cartridge = o.cartridge;
    s.immediate_response = o.response;
    s.aftercare_given = o.aftercare;
    for (const auto& text : o.products) {
        auto [name, lot] = split_detail(text);
        s.products.push_back({name, lot});
    }
    for (const auto& text : o.add_ons) {
        auto [kind, detail] = split_detail(text);
        const auto add_on = core::add_on_from_string(kind);
        if (!add_on) {
            ctx.fail(exit_usage, "--add-on '" + text + "' must be prp, rf or other:DESCRIPTION.");
            return;
        }
        s.add_ons.push_back({*add_on, detail});
    }
    if (!apply_treatment_record(ctx, o.record, s)) {
        return;
    }
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto id = vault->sessions().add(s);
    if (!id) {
        ctx.fail(id.error());
        return;
    }
    // The session as stored, and its course: the next due date counts the client's
    // earlier sessions of the same indication (core::course_progress).
    auto stored = vault->sessions().get(*id);
    auto all = vault->sessions().of_client(s.client_id);
    if (!stored || !all) {
        print_id(ctx, "session", id->value);
        return;
    }
    const auto course = core::course_progress(*stored, *all);
    if (ctx.json) {
        std::cout << nlohmann::json{{"id", id->value},
                                    {"session", to_json(*stored)},
                                    {"course", course_json(course)},
                                    {"next_due", course_json(course)["next_due"]}}
                         .dump()
                  << "\n";
        return;
    }
    std::cout << "Added session " << id->value << ".\n" << treatment_record_text(*stored, course);
}

void run_entry_add(CliContext& ctx, const EntryOptions& o) {
    core::RecoveryEntry e;
    e.session_id = core::SessionId{o.session};
    const auto date = core::parse_date(o.date);
    if (!date) {
        ctx.fail(exit_usage, "--date must be a date like 2026-03-04.");
        return;
    }
    e.observed_on = *date;
    e.reporter = o.reporter == "clinician" ? core::Reporter::clinician : core::Reporter::patient;
    e.note = o.note;
    for (const auto& [key, text] : o.scores) {
        const auto symptom = core::symptom_from_key(key);
        if (!symptom || text.empty()) {
            continue;
        }
        const auto& scale = core::scale_of(*symptom);
        int value = -1;
        if (scale.yes_no && (text == "yes" || text == "no")) {
            value = text == "yes" ? 1 : 0;
        } else {
            try {
                std::size_t used = 0;
                value = std::stoi(text, &used);
                if (used != text.size()) {
                    value = -1;
                }
            } catch (const std::exception&) {
                value = -1;
            }
        }
        if (value < 0 || value > scale.max) {
            ctx.fail(exit_usage,
                     "--" + key + " must be " +
                         (scale.yes_no ? std::string("yes or no")
                                       : "a score from 0 to " + std::to_string(scale.max)) +
                         ".");
            return;
        }
        e.set(*symptom, value);
    }
    e.gais_practitioner = o.gais_practitioner;
    e.gais_patient = o.gais_patient;
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto id = vault->sessions().add_entry(e);
    if (!id) {
        ctx.fail(id.error());
        return;
    }
    // What the entry raised: the flags of its session that point at it.
    auto flags = vault->flags().of_session(e.session_id);
    if (!flags) {
        ctx.fail(flags.error());
        return;
    }
    nlohmann::json raised = nlohmann::json::array();
    std::string lines;
    for (const auto& f : *flags) {
        if (f.entry_id == *id) {
            raised.push_back(to_json(f));
            lines += "  " + std::string(core::to_string(f.flag.severity)) + ": " + f.flag.message +
                     "\n    Source: " + f.flag.source + "\n";
        }
    }
    if (ctx.json) {
        std::cout << nlohmann::json{{"id", id->value}, {"flags", raised}}.dump() << "\n";
        return;
    }
    std::cout << "Added recovery entry " << id->value << ".\n";
    if (raised.empty()) {
        std::cout << "No new flag: this follows the expected course so far.\n";
    } else {
        std::cout << raised.size() << (raised.size() == 1 ? " flag" : " flags") << " raised:\n"
                  << lines;
    }
}

} // namespace

void add_record_commands(CLI::App& app, CliContext& ctx) {
    static ClientOptions client;
    auto* clients = app.add_subcommand("client", "Add, list and show clients");
    clients->require_subcommand(1);
    auto* add = clients->add_subcommand("add", "Add a client");
    add_vault_options(*add, ctx);
    add->add_option("--name", client.name, "Full name")->required();
    add->add_option("--date-of-birth", client.date_of_birth, "YYYY-MM-DD");
    add->add_option("--fitzpatrick", client.fitzpatrick, "Skin type 1-6")->check(CLI::Range(1, 6));
    add->add_option("--notes", client.notes, "Free text");
    add->add_flag("--json", ctx.json, "Print JSON");
    add->callback([&ctx] { run_client_add(ctx, client); });
    auto* list = clients->add_subcommand("list", "List clients by name");
    add_vault_options(*list, ctx);
    list->add_option("--search", client.search, "Only names containing this");
    list->add_flag("--json", ctx.json, "Print JSON");
    list->callback([&ctx] { run_client_list(ctx, client); });
    auto* show = clients->add_subcommand("show", "Show a client with sessions and entries (JSON)");
    add_vault_options(*show, ctx);
    show->add_option("id", client.id, "Client id")->required();
    show->callback([&ctx] { run_client_show(ctx, client); });

    static SessionOptions session;
    auto* sessions = app.add_subcommand("session", "Record treatment sessions");
    sessions->require_subcommand(1);
    auto* sadd = sessions->add_subcommand("add", "Record a treatment session");
    add_vault_options(*sadd, ctx);
    sadd->add_option("--client", session.client, "Client id")->required();
    sadd->add_option("--date", session.date, "Day of treatment, YYYY-MM-DD")->required();
    sadd->add_option("--screening", session.screening,
                     "The screening that clears it (`screening add`): this client's, for this "
                     "day, proceed or caution or overridden. Required in a clinic vault");
    sadd->add_option("--device", session.device, "Device used");
    sadd->add_option("--area", session.areas, "AREA:DEPTH_MM[:PASSES], repeatable")->required();
    sadd->add_option("--cartridge", session.cartridge, "Needle cartridge");
    sadd->add_option("--product", session.products, "NAME[:LOT_NUMBER], repeatable");
    sadd->add_option("--add-on", session.add_ons, "prp, rf or other:DESCRIPTION, repeatable");
    sadd->add_option("--response", session.response, "The skin's immediate response");
    sadd->add_option("--aftercare", session.aftercare, "Aftercare given");
    sadd->add_option("--notes", session.notes, "Free text");
    add_treatment_record_options(*sadd, session.record);
    sadd->add_flag("--json", ctx.json, "Print JSON");
    sadd->callback([&ctx] { run_session_add(ctx, session); });

    static EntryOptions entry;
    auto* entries = app.add_subcommand("entry", "Log recovery");
    entries->require_subcommand(1);
    auto* eadd = entries->add_subcommand("add", "Log a day of recovery for a session");
    add_vault_options(*eadd, ctx);
    eadd->add_option("--session", entry.session, "Session id")->required();
    eadd->add_option("--date", entry.date, "Day observed, YYYY-MM-DD")->required();
    eadd->add_option("--reporter", entry.reporter, "patient or clinician")
        ->check(CLI::IsMember({"patient", "clinician"}));
    for (const auto& scale : core::all_scales()) {
        const std::string key(scale.key);
        const std::string help =
            std::string(scale.name) +
            (scale.yes_no ? " (yes/no)" : " (0-" + std::to_string(scale.max) + ")");
        eadd->add_option("--" + key, entry.scores[key], help);
    }
    eadd->add_option("--note", entry.note, "Free text");
    eadd->add_option("--gais-practitioner", entry.gais_practitioner,
                     "Clinician's improvement rating (GAIS): 1 very much improved, 2 much "
                     "improved, 3 improved, 4 no change, 5 worse; clinician entries only");
    eadd->add_option("--gais-patient", entry.gais_patient,
                     "The patient's own improvement rating (GAIS), 1-5 as above");
    eadd->add_flag("--json", ctx.json, "Print JSON");
    eadd->callback([&ctx] { run_entry_add(ctx, entry); });
}

} // namespace punctum::cli
