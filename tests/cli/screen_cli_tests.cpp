// punctum-cli screen with the second round's items (add-ons, absolute contraindications,
// the history check), every earlier name still accepted; and client history, shown and
// updated field by field.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>

using punctum::test::CliRunner;
using punctum::test::contains;
using punctum::test::write_file;

namespace {

// `screen FILE` with `input` written to FILE; the result must be JSON.
nlohmann::json screen(const CliRunner& cli, const nlohmann::json& input) {
    const auto file = cli.tmp.path() / "input.json";
    write_file(file, input.dump());
    return cli.json({"screen", file.string()});
}

} // namespace

TEST_CASE("cli: screen takes the new conditions, recent items and add-ons", "[cli][screen]") {
    CliRunner cli;
    const auto gold = screen(cli, {{"date", "2026-03-03"},
                                   {"conditions", {"gold_threads", "cardiac_device"}},
                                   {"add_ons", {"rf"}},
                                   {"history_confirmed", true}});
    CHECK(gold.at("verdict") == "decline");
    REQUIRE(gold.at("reasons").size() == 2);
    CHECK(gold["reasons"][0].at("item") == "gold_threads_with_rf");
    CHECK(gold["reasons"][0].at("absolute") == true);
    CHECK(gold["reasons"][1].at("item") == "cardiac_device_with_rf");
    CHECK(gold["reasons"][1].at("absolute") == false);

    const auto without_rf = screen(
        cli, {{"date", "2026-03-03"}, {"conditions", {"gold_threads"}}, {"add_ons", {"prp"}}});
    CHECK(without_rf.at("verdict") == "caution");

    const auto retinoid =
        screen(cli, {{"date", "2026-03-03"}, {"recent", {{"topical_retinoid", "2026-02-27"}}}});
    CHECK(retinoid.at("verdict") == "defer");
    CHECK(retinoid.at("earliest_date") == "2026-03-04");
    const auto interval =
        screen(cli, {{"date", "2026-03-03"}, {"recent", {{"microneedling", "2026-02-17"}}}});
    CHECK(interval.at("verdict") == "proceed");
    CHECK(contains(interval["reasons"][0].at("message").get<std::string>(), "2026-02-17"));

    for (const char* condition :
         {"diabetes_uncontrolled", "immunosuppression", "autoimmune_disease", "cold_sore_active",
          "lesions_in_area", "photosensitising_medication", "collagen_vascular_disease"}) {
        INFO(condition);
        const auto r = screen(cli, {{"date", "2026-03-03"}, {"conditions", {condition}}});
        REQUIRE(r.at("reasons").size() == 1);
        CHECK(r["reasons"][0].at("item") == condition);
        CHECK(r["reasons"][0].at("source").get<std::string>().find("(evidence ") !=
              std::string::npos);
    }
}

TEST_CASE("cli: screen keeps every earlier name and the output's earlier fields", "[cli][screen]") {
    CliRunner cli;
    const auto r =
        screen(cli, {{"date", "2026-03-03"},
                     {"depth_mm", 1.5},
                     {"conditions",
                      {"active_acne", "eczema", "psoriasis", "rosacea", "sunburn",
                       "active_infection", "open_wound", "skin_cancer_in_area", "metal_allergy",
                       "anaesthetic_allergy", "keloid_history", "pregnancy", "breastfeeding",
                       "bleeding_disorder", "anticoagulants", "nsaids", "cold_sore_history"}},
                     {"recent",
                      {{"botulinum_toxin", "2026-02-20"},
                       {"dermal_filler", "2026-02-20"},
                       {"isotretinoin", "2025-10-01"},
                       {"radiation_therapy", "2025-10-01"},
                       {"chemical_peel", "2025-10-01"},
                       {"laser_resurfacing", "2025-10-01"},
                       {"facial_surgery", "2025-10-01"}}}});
    CHECK(r.at("verdict") == "decline");
    CHECK(r.at("norms").at("id") == "punctum-default");
    CHECK(r.at("reasons").size() == 24);
    for (const auto& reason : r.at("reasons")) {
        INFO(reason.dump());
        for (const char* field : {"item", "outcome", "message", "source", "absolute"}) {
            CHECK(reason.contains(field));
        }
    }
}

TEST_CASE("cli: screen refuses an unknown add-on, naming it", "[cli][screen]") {
    CliRunner cli;
    const auto file = cli.tmp.path() / "bad.json";
    write_file(file, R"({"date":"2026-03-03","add_ons":["laser"]})");
    const auto r = cli.run({"screen", file.string()});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "laser"));
    CHECK(contains(r.err, "prp or rf"));
}

TEST_CASE("cli: client history shows, updates field by field, and clears", "[cli][history]") {
    CliRunner cli;
    cli.init();
    const auto id = std::to_string(
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Noor Haddad", "--json"})
            .at("id")
            .get<std::int64_t>());
    const std::vector<std::string> base{"client", "history", "--vault", cli.vault, "--client", id};
    auto with = [&base](std::vector<std::string> more) {
        auto args = base;
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };

    const auto empty = cli.json(with({"--json"}));
    CHECK(empty.at("allergies") == "");
    CHECK(empty.at("updated_at").is_null());
    const auto text = cli.run(base);
    REQUIRE(text.exit_code == 0);
    CHECK(contains(text.out, "never recorded"));
    CHECK(contains(text.out, "Allergies: none recorded"));

    const auto set = cli.json(with({"--allergies", "Lidocaine", "--medications",
                                    "Isotretinoin stopped in January", "--json"}));
    CHECK(set.at("allergies") == "Lidocaine");
    CHECK(set.at("medications") == "Isotretinoin stopped in January");
    CHECK(set.at("updated_at").is_string());
    // Only the fields given change.
    const auto more = cli.json(with({"--conditions", "Rosacea", "--json"}));
    CHECK(more.at("allergies") == "Lidocaine");
    CHECK(more.at("conditions") == "Rosacea");
    // An empty value clears a field.
    const auto cleared = cli.json(with({"--allergies", "", "--json"}));
    CHECK(cleared.at("allergies") == "");
    CHECK(cleared.at("conditions") == "Rosacea");
    const auto shown = cli.run(base);
    CHECK(contains(shown.out, "Medical history of Noor Haddad"));
    CHECK(contains(shown.out, "Conditions: Rosacea"));
    CHECK(contains(shown.out, "last updated"));

    // Each change is audited as one event of its own.
    const auto audit =
        cli.json({"audit", "list", "--vault", cli.vault, "--action", "client.history", "--json"});
    CHECK(audit.size() == 3);

    const auto nobody = cli.run({"client", "history", "--vault", cli.vault, "--client", "999"});
    CHECK(nobody.exit_code == 2);
    CHECK(contains(nobody.err, "not in this vault"));
    const auto too_long = cli.run(with({"--medications", std::string(5000, 'x')}));
    CHECK(too_long.exit_code == 2);
    CHECK(contains(too_long.err, "too long"));
}
