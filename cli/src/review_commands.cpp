// review signoff | return | addressed | show | returned | incomplete: sign-off from the
// command line (issue 14 item 3). Storage decides who may do what (a reviewer or an admin
// signs off, never on a session they treated; only its practitioner marks a finding
// addressed); these commands only report what it said.
//   review incomplete --json prints {"sessions": [{"session_id", "client_id", "client",
//   "treated_on", "practitioner", "missing": ["screening" | "consent_answer" |
//   "lot_numbers" | "first_week_follow_up" | "indication", ...]}]}.

#include "commands.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace punctum::cli {

namespace {

struct ReviewOptions {
    std::int64_t session = 0;
    std::string text; // --comment, --finding or --reply
};

std::string words(storage::MissingItem item) {
    switch (item) {
    case storage::MissingItem::screening:
        return "no screening";
    case storage::MissingItem::consent_answer:
        return "no photo consent answer";
    case storage::MissingItem::lot_numbers:
        return "missing lot numbers";
    case storage::MissingItem::first_week_follow_up:
        return "no follow-up in the first week";
    case storage::MissingItem::indication:
        return "no indication";
    }
    return "unknown";
}

nlohmann::json to_json(const storage::SignOff& s) {
    return {{"id", s.id},
            {"session_id", s.session_id.value},
            {"state", storage::to_string(s.state)},
            {"note", s.note},
            {"by", s.by},
            {"at", core::format_timestamp(s.at)}};
}

void run_step(CliContext& ctx, const ReviewOptions& o, storage::SignOffState state) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    const core::SessionId session{o.session};
    auto& reviews = vault->reviews();
    const auto done = state == storage::SignOffState::reviewed ? reviews.sign_off(session, o.text)
                      : state == storage::SignOffState::returned
                          ? reviews.return_to_practitioner(session, o.text)
                          : reviews.mark_addressed(session, o.text);
    if (!done) {
        ctx.fail(done.error());
        return;
    }
    std::cout << (state == storage::SignOffState::reviewed
                      ? "Session " + std::to_string(o.session) + " is signed off as reviewed.\n"
                  : state == storage::SignOffState::returned
                      ? "Session " + std::to_string(o.session) +
                            " is returned to its practitioner with your finding.\n"
                      : "The finding on session " + std::to_string(o.session) +
                            " is marked addressed; it waits for a reviewer again.\n");
}

void run_show(CliContext& ctx, const ReviewOptions& o) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto history = vault->reviews().sign_off_history(core::SessionId{o.session});
    if (!history) {
        ctx.fail(history.error());
        return;
    }
    if (ctx.json) {
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& s : *history) {
            steps.push_back(to_json(s));
        }
        nlohmann::json out = {{"session_id", o.session}, {"steps", steps}};
        out["state"] = history->empty() ? nlohmann::json(nullptr)
                                        : nlohmann::json(storage::to_string(history->back().state));
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (history->empty()) {
        std::cout << "Session " << o.session << " has not been signed off yet.\n";
        return;
    }
    for (const auto& s : *history) {
        std::cout << core::format_timestamp(s.at) << "  " << storage::to_string(s.state) << " by "
                  << s.by << (s.note.empty() ? "" : ": " + s.note) << "\n";
    }
}

void run_returned(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto returned = vault->reviews().returned_to_me();
    if (!returned) {
        ctx.fail(returned.error());
        return;
    }
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *returned) {
            out.push_back({{"session_id", r.session_id.value},
                           {"client_id", r.client_id.value},
                           {"client", r.client_name},
                           {"treated_on", core::format_date(r.treated_on)},
                           {"finding", r.finding},
                           {"returned_by", r.returned_by},
                           {"returned_at", core::format_timestamp(r.returned_at)}});
        }
        std::cout << nlohmann::json{{"sessions", out}}.dump(2) << "\n";
        return;
    }
    if (returned->empty()) {
        std::cout << "No sessions returned to you.\n";
        return;
    }
    for (const auto& r : *returned) {
        std::cout << "Session " << r.session_id.value << "  " << r.client_name << ", treated "
                  << core::format_date(r.treated_on) << "\n    Returned by " << r.returned_by
                  << ": " << r.finding << "\n";
    }
}

void run_incomplete(CliContext& ctx) {
    auto vault = ctx.open_vault();
    if (!vault) {
        return;
    }
    auto records = vault->reviews().incomplete_records();
    if (!records) {
        ctx.fail(records.error());
        return;
    }
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *records) {
            nlohmann::json missing = nlohmann::json::array();
            for (const auto item : r.missing) {
                missing.push_back(storage::to_string(item));
            }
            out.push_back({{"session_id", r.session_id.value},
                           {"client_id", r.client_id.value},
                           {"client", r.client_name},
                           {"treated_on", core::format_date(r.treated_on)},
                           {"practitioner", r.practitioner},
                           {"missing", missing}});
        }
        std::cout << nlohmann::json{{"sessions", out}}.dump(2) << "\n";
        return;
    }
    if (records->empty()) {
        std::cout << "Every session's record is complete.\n";
        return;
    }
    for (const auto& r : *records) {
        std::string missing;
        for (const auto item : r.missing) {
            missing += (missing.empty() ? "" : ", ") + words(item);
        }
        std::cout << "Session " << r.session_id.value << "  " << r.client_name << ", treated "
                  << core::format_date(r.treated_on) << " by " << r.practitioner << "\n    "
                  << missing << "\n";
    }
}

} // namespace

void add_review_commands(CLI::App& app, CliContext& ctx) {
    static ReviewOptions o;
    auto* review = app.add_subcommand("review", "Sign sessions off, and find incomplete records");
    review->require_subcommand(1);

    auto* signoff = review->add_subcommand("signoff", "Mark a session reviewed (reviewer, admin)");
    add_vault_options(*signoff, ctx);
    signoff->add_option("--session", o.session, "Session id")->required();
    signoff->add_option("--comment", o.text, "What you checked")->required();
    signoff->callback([&ctx] { run_step(ctx, o, storage::SignOffState::reviewed); });

    auto* ret = review->add_subcommand(
        "return", "Return a session to its practitioner with a finding (reviewer, admin)");
    add_vault_options(*ret, ctx);
    ret->add_option("--session", o.session, "Session id")->required();
    ret->add_option("--finding", o.text, "What the practitioner should check or complete")
        ->required();
    ret->callback([&ctx] { run_step(ctx, o, storage::SignOffState::returned); });

    auto* addressed = review->add_subcommand(
        "addressed", "Mark the finding on a session you treated addressed (practitioner)");
    add_vault_options(*addressed, ctx);
    addressed->add_option("--session", o.session, "Session id")->required();
    addressed->add_option("--reply", o.text, "What you did (optional)");
    addressed->callback([&ctx] { run_step(ctx, o, storage::SignOffState::addressed); });

    auto* show = review->add_subcommand("show", "A session's sign-off history, oldest first");
    add_vault_options(*show, ctx);
    show->add_option("--session", o.session, "Session id")->required();
    show->add_flag("--json", ctx.json, "Print JSON");
    show->callback([&ctx] { run_show(ctx, o); });

    auto* returned = review->add_subcommand(
        "returned", "Sessions returned to you whose finding is not yet addressed");
    add_vault_options(*returned, ctx);
    returned->add_flag("--json", ctx.json, "Print JSON");
    returned->callback([&ctx] { run_returned(ctx); });

    auto* incomplete = review->add_subcommand(
        "incomplete", "Sessions missing a screening, consent answer, lot, follow-up or indication");
    add_vault_options(*incomplete, ctx);
    incomplete->add_flag("--json", ctx.json, "Print JSON");
    incomplete->callback([&ctx] { run_incomplete(ctx); });
}

} // namespace punctum::cli
