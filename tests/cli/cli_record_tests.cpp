// punctum-cli client, session and entry commands: JSON round trips and input refused with
// exit code 2 and a message that says what form was expected.

#include "cli_runner.h"
#include "support/files.h"

#include <catch2/catch.hpp>

#include <set>

using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

// A vault with one client and one session, for the input tests.
struct Seeded {
    CliRunner cli;
    std::string client_id;
    std::string session_id;
    Seeded() {
        cli.init();
        client_id = std::to_string(
            cli.json({"client", "add", "--vault", cli.vault, "--name", "Seed", "--json"})
                .at("id")
                .get<std::int64_t>());
        session_id = std::to_string(
            cli.json(cli.screened({"session", "add", "--vault", cli.vault, "--client", client_id,
                                   "--date", "2026-03-01", "--area", "cheeks:1.5:2", "--json"}))
                .at("id")
                .get<std::int64_t>());
    }
};

} // namespace

TEST_CASE("cli: client, session and entry round trip through client show", "[cli]") {
    CliRunner cli;
    cli.init();
    const auto client =
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Grace O'Neil \"Gigi\"",
                  "--date-of-birth", "1988-07-14", "--fitzpatrick", "2", "--notes",
                  "Sensitive; no retinol", "--json"});
    const auto id = client.at("id").get<std::int64_t>();
    REQUIRE(id > 0);
    const auto session = cli.json(
        cli.screened({"session", "add", "--vault", cli.vault, "--client", std::to_string(id),
                      "--date", "2026-03-01", "--device", "Dermapen 4", "--area", "forehead:0.5:2",
                      "--area", "cheeks:1.25", "--notes", "First session", "--json"}));
    const auto sid = session.at("id").get<std::int64_t>();
    const auto entry = cli.json({"entry",      "add",
                                 "--vault",    cli.vault,
                                 "--session",  std::to_string(sid),
                                 "--date",     "2026-03-02",
                                 "--reporter", "clinician",
                                 "--erythema", "0",
                                 "--pain",     "3",
                                 "--warmth",   "yes",
                                 "--pus",      "no",
                                 "--note",     "Settling well",
                                 "--json"});
    const auto eid = entry.at("id").get<std::int64_t>();

    const auto r = cli.run({"client", "show", "--vault", cli.vault, std::to_string(id)});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto shown = nlohmann::json::parse(r.out);
    CHECK(shown.at("id") == id);
    CHECK(shown.at("name") == "Grace O'Neil \"Gigi\"");
    CHECK(shown.at("date_of_birth") == "1988-07-14");
    CHECK(shown.at("fitzpatrick") == 2);
    CHECK(shown.at("notes") == "Sensitive; no retinol");
    REQUIRE(shown.at("sessions").size() == 1);
    const auto& s = shown.at("sessions").at(0);
    CHECK(s.at("id") == sid);
    CHECK(s.at("client_id") == id);
    CHECK(s.at("treated_on") == "2026-03-01");
    CHECK(s.at("device") == "Dermapen 4");
    CHECK(s.at("notes") == "First session");
    REQUIRE(s.at("areas").size() == 2);
    CHECK(s.at("areas").at(0).at("area") == "forehead");
    CHECK(s.at("areas").at(0).at("depth_mm") == 0.5);
    CHECK(s.at("areas").at(0).at("passes") == 2);
    CHECK(s.at("areas").at(1).at("area") == "cheeks");
    CHECK(s.at("areas").at(1).at("depth_mm") == 1.25);
    CHECK(s.at("areas").at(1).at("passes") == 1); // the default
    REQUIRE(s.at("entries").size() == 1);
    const auto& e = s.at("entries").at(0);
    CHECK(e.at("id") == eid);
    CHECK(e.at("session_id") == sid);
    CHECK(e.at("observed_on") == "2026-03-02");
    CHECK(e.at("reporter") == "clinician");
    CHECK(e.at("note") == "Settling well");
    const auto& scores = e.at("scores");
    CHECK(scores.size() == 13);
    CHECK(scores.at("erythema") == 0); // reported as 0: a number, not null
    CHECK(scores.at("erythema").is_number());
    CHECK(scores.at("pain") == 3);
    CHECK(scores.at("warmth") == true);
    CHECK(scores.at("pus") == false);
    CHECK(scores.at("edema").is_null()); // not reported: unknown
    CHECK(scores.at("fever").is_null());
    CHECK(scores.at("bleeding").is_null());
}

TEST_CASE("cli: client list --json finds clients by part of the name", "[cli]") {
    CliRunner cli;
    cli.init();
    for (const char* name : {"Omar Haddad", "Priya Patel", "Hadley Stone"}) {
        (void)cli.json({"client", "add", "--vault", cli.vault, "--name", name, "--json"});
    }
    const auto all = cli.json({"client", "list", "--vault", cli.vault, "--json"});
    REQUIRE(all.size() == 3);
    CHECK(all.at(0).at("name") == "Hadley Stone");
    const auto had =
        cli.json({"client", "list", "--vault", cli.vault, "--search", "HAD", "--json"});
    REQUIRE(had.size() == 2);
    CHECK(had.at(0).at("name") == "Hadley Stone");
    CHECK(had.at(1).at("name") == "Omar Haddad");
    CHECK(had.at(1).at("sessions") == 0);
    CHECK(had.at(1).at("last_treated_on").is_null());
}

TEST_CASE("cli: a malformed --area exits 2 naming the expected form", "[cli]") {
    Seeded seeded;
    const auto& cli = seeded.cli;
    for (const std::string area :
         {"cheeks", "cheeks:", "cheeks:deep", "cheeks:1.5:", "cheeks:1.5:many"}) {
        const auto r =
            cli.run(cli.screened({"session", "add", "--vault", cli.vault, "--client",
                                  seeded.client_id, "--date", "2026-03-05", "--area", area}));
        INFO("--area " << area << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "AREA:DEPTH_MM"));
        CHECK(contains(r.err, "'" + area + "'"));
    }
    CHECK(cli.stats().at("sessions") == 1);
}

TEST_CASE("cli: a session the model refuses exits 2 and is not stored", "[cli]") {
    Seeded seeded;
    const auto& cli = seeded.cli;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--area", "cheeks:3.1"},
                                               {"--area", "cheeks:1.0:21"},
                                               {"--area", ":1.0"},
                                               {"--area", "cheeks:1.0", "--date", "2026-02-30"},
                                               {"--area", "cheeks:1.0", "--client", "999"}}) {
        std::vector<std::string> full =
            cli.screened({"session", "add", "--vault", cli.vault, "--client", seeded.client_id,
                          "--date", "2026-03-05"});
        full.insert(full.end(), args.begin(), args.end());
        const auto r = cli.run(full);
        INFO(CliRunner::join(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK_FALSE(r.err.empty());
    }
    CHECK(cli.stats().at("sessions") == 1);
}

TEST_CASE("cli: recovery scores out of their scale exit 2", "[cli]") {
    Seeded seeded;
    const auto& cli = seeded.cli;
    struct Case {
        std::string option;
        std::string value;
        std::string expected_words;
    };
    const std::vector<Case> cases{
        {"--erythema", "5", "0 to 4"},  {"--erythema", "-1", "0 to 4"},
        {"--pain", "11", "0 to 10"},    {"--bleeding", "4", "0 to 3"},
        {"--warmth", "2", "yes or no"}, {"--warmth", "maybe", "yes or no"},
        {"--edema", "2.5", "0 to 4"},   {"--itching", "three", "0 to 3"},
    };
    for (const auto& c : cases) {
        const auto r = cli.run({"entry", "add", "--vault", cli.vault, "--session",
                                seeded.session_id, "--date", "2026-03-02", c.option, c.value});
        INFO(c.option << " " << c.value << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, c.option));
        CHECK(contains(r.err, c.expected_words));
    }
    // Just inside the scales is accepted.
    const auto ok = cli.run({"entry", "add", "--vault", cli.vault, "--session", seeded.session_id,
                             "--date", "2026-03-02", "--erythema", "4", "--pain", "10",
                             "--bleeding", "3", "--warmth", "1"});
    INFO("stdout: " << ok.out << "\nstderr: " << ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(cli.stats().at("entries") == 1);
}

TEST_CASE("cli: entries dated before the treatment or empty exit 2", "[cli]") {
    Seeded seeded;
    const auto& cli = seeded.cli;
    auto r = cli.run({"entry", "add", "--vault", cli.vault, "--session", seeded.session_id,
                      "--date", "2026-02-28", "--erythema", "1"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "before its treatment"));
    r = cli.run({"entry", "add", "--vault", cli.vault, "--session", seeded.session_id, "--date",
                 "2026-03-02"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "records nothing"));
    r = cli.run({"entry", "add", "--vault", cli.vault, "--session", seeded.session_id, "--date",
                 "2026-3-2", "--erythema", "1"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--date"));
    CHECK(cli.stats().at("entries") == 0);
}

TEST_CASE("cli: client input errors exit 2", "[cli]") {
    Seeded seeded;
    const auto& cli = seeded.cli;
    auto r = cli.run({"client", "add", "--vault", cli.vault, "--name", "X", "--fitzpatrick", "7"});
    CHECK(r.exit_code == 2);
    r = cli.run(
        {"client", "add", "--vault", cli.vault, "--name", "X", "--date-of-birth", "1990-02-30"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--date-of-birth"));
    r = cli.run({"client", "add", "--vault", cli.vault, "--name", " "});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "name"));
    r = cli.run({"client", "show", "--vault", cli.vault, "999"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not in this vault"));
    CHECK(cli.stats().at("clients") == 1);
}

// Junk after a number was once read as the number.
TEST_CASE("cli: --area with trailing characters after a number exits 2", "[cli]") {
    // std::stod / std::stoi stop at the first character they cannot read, so
    // "cheeks:1.5x:3y" is stored as cheeks, 1.5 mm, 3 passes.
    Seeded seeded;
    const auto& cli = seeded.cli;
    for (const std::string area : {"cheeks:1.5x", "cheeks:1.5:3y", "cheeks:1.5mm:3"}) {
        const auto r =
            cli.run(cli.screened({"session", "add", "--vault", cli.vault, "--client",
                                  seeded.client_id, "--date", "2026-03-05", "--area", area}));
        INFO("--area " << area << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "AREA:DEPTH_MM"));
    }
    CHECK(cli.stats().at("sessions") == 1);
}

TEST_CASE("cli: an entry that departs from the norms raises a flag people can move along",
          "[cli][flags]") {
    CliRunner cli;
    cli.init();
    const auto client =
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Flag Route", "--json"});
    const auto id = std::to_string(client.at("id").get<std::int64_t>());
    const auto session = cli.json(cli.screened(
        {"session", "add", "--vault", cli.vault, "--client", id, "--date", "2026-03-01", "--area",
         "cheeks:1.5:3", "--cartridge", "12-pin", "--product", "HA serum:LOT-77", "--add-on", "prp",
         "--aftercare", "SPF 50 daily", "--json"}));
    const auto sid = std::to_string(session.at("id").get<std::int64_t>());

    // A day-1 entry within the usual course raises nothing; pus on day 3 is urgent.
    const auto calm = cli.json({"entry", "add", "--vault", cli.vault, "--session", sid, "--date",
                                "2026-03-02", "--erythema", "2", "--json"});
    CHECK(calm.at("flags").empty());
    const auto pus = cli.json({"entry", "add", "--vault", cli.vault, "--session", sid, "--date",
                               "2026-03-04", "--erythema", "3", "--pus", "yes", "--json"});
    // Day 2 has no check-in (info), redness rose after its peak (watch), pus (urgent).
    REQUIRE(pus.at("flags").size() == 3);
    CHECK(pus.at("flags").at(0).at("rule") == "logging_gap");
    CHECK(pus.at("flags").at(0).at("severity") == "info");
    CHECK(pus.at("flags").at(1).at("rule") == "worsening");
    CHECK(pus.at("flags").at(1).at("severity") == "watch");
    const auto& urgent = pus.at("flags").at(2);
    CHECK(urgent.at("rule") == "infection_signs");
    CHECK(urgent.at("severity") == "urgent");
    CHECK(urgent.at("day") == 3);
    CHECK(urgent.at("state") == "open");
    CHECK_FALSE(urgent.at("source").get<std::string>().empty());
    CHECK(urgent.at("norms").at("id") == "punctum-default");
    const auto flag_id = std::to_string(urgent.at("id").get<std::int64_t>());

    // The session keeps what was given with it, and its flags.
    const auto shown = cli.json({"client", "show", "--vault", cli.vault, id});
    const auto& s = shown.at("sessions").at(0);
    CHECK(s.at("cartridge") == "12-pin");
    CHECK(s.at("products").at(0).at("lot_number") == "LOT-77");
    CHECK(s.at("add_ons").at(0).at("kind") == "prp");
    CHECK(s.at("flags").size() == pus.at("flags").size());

    const auto queue = cli.json({"flag", "list", "--vault", cli.vault, "--json"});
    REQUIRE_FALSE(queue.empty());
    CHECK(queue.at(0).at("severity") == "urgent");

    CHECK(cli.run({"flag", "ack", "--vault", cli.vault, flag_id}).exit_code == 0);
    const auto no_reason = cli.run({"flag", "dismiss", "--vault", cli.vault, flag_id});
    CHECK(no_reason.exit_code == 2);
    CHECK(contains(no_reason.err, "--reason"));
    const auto resolved =
        cli.run({"flag", "resolve", "--vault", cli.vault, flag_id, "--note", "Antibiotics."});
    INFO(resolved.err);
    CHECK(resolved.exit_code == 0);
    CHECK(contains(resolved.out, "resolved"));
    const auto again = cli.run({"flag", "dismiss", "--vault", cli.vault, flag_id, "--reason", "x"});
    CHECK(again.exit_code != 0);
    CHECK(contains(again.err, "already resolved"));
    const auto listed =
        cli.json({"flag", "list", "--vault", cli.vault, "--session", sid, "--json"});
    REQUIRE(listed.size() == 3);
    const auto& settled = listed.at(2);
    CHECK(settled.at("id") == urgent.at("id"));
    CHECK(settled.at("state") == "resolved");
    CHECK(settled.at("reason") == "Antibiotics.");
    CHECK(listed.at(0).at("state") == "open");
}

TEST_CASE("cli: norms adopt checks a clinic's profile and the vault then works by it",
          "[cli][norms]") {
    CliRunner cli;
    cli.init();
    const auto shipped = cli.run({"norms", "--json"});
    REQUIRE(shipped.exit_code == 0);
    auto profile = nlohmann::json::parse(shipped.out);
    profile["id"] = "our-clinic";
    profile["version"] = "7";
    const auto file = cli.tmp.path() / "ours.json";
    punctum::test::write_file(file, profile.dump());
    const auto bad_file = cli.tmp.path() / "bad.json";
    profile["invented_field"] = 1;
    punctum::test::write_file(bad_file, profile.dump());

    const auto bad = cli.run({"norms", "adopt", "--vault", cli.vault, bad_file.string()});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "invented_field"));
    const auto ok = cli.run({"norms", "adopt", "--vault", cli.vault, file.string()});
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    CHECK(contains(ok.out, "our-clinic"));
    const auto in_force = cli.run({"norms", "--vault", cli.vault, "--json"});
    REQUIRE(in_force.exit_code == 0);
    CHECK(nlohmann::json::parse(in_force.out).at("id") == "our-clinic");
    CHECK(cli.stats().at("audit_events") == 5); // creation's four, then the adoption
}

TEST_CASE("cli: audit list filters the trail, audit verify checks its chain, flag reassess "
          "re-runs the norms",
          "[cli][audit]") {
    CliRunner cli;
    cli.init();
    const auto client =
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Audit Trail", "--json"});
    const auto id = std::to_string(client.at("id").get<std::int64_t>());
    const auto session =
        cli.json(cli.screened({"session", "add", "--vault", cli.vault, "--client", id, "--date",
                               "2026-03-01", "--area", "cheeks:1.5:3", "--json"}));
    const auto sid = std::to_string(session.at("id").get<std::int64_t>());
    (void)cli.json({"entry", "add", "--vault", cli.vault, "--session", sid, "--date", "2026-03-02",
                    "--erythema", "2", "--pus", "yes", "--json"});

    // The client's events: their record, the session, the entry and its flags, named.
    const auto of_client =
        cli.json({"audit", "list", "--vault", cli.vault, "--client", id, "--json"});
    REQUIRE(of_client.size() >= 4);
    std::set<std::string> actions;
    for (const auto& e : of_client) {
        CHECK(e.at("client") == "Audit Trail");
        actions.insert(e.at("action").get<std::string>());
    }
    CHECK(actions.count("client.add") == 1);
    CHECK(actions.count("session.add") == 1);
    CHECK(actions.count("entry.add") == 1);
    CHECK(actions.count("flag.raise") == 1);
    // Newest first.
    CHECK(of_client.front().at("seq").get<int>() > of_client.back().at("seq").get<int>());

    const auto flags = cli.json(
        {"audit", "list", "--vault", cli.vault, "--action", "flag", "--limit", "1", "--json"});
    REQUIRE(flags.size() == 1);
    CHECK(flags.at(0).at("action") == "flag.raise");

    const auto verified = cli.run({"audit", "verify", "--vault", cli.vault});
    INFO(verified.err);
    CHECK(verified.exit_code == 0);
    CHECK_THAT(verified.out, Catch::Contains("The audit trail is intact"));

    const auto reassessed = cli.run({"flag", "reassess", "--vault", cli.vault});
    INFO(reassessed.err);
    CHECK(reassessed.exit_code == 0);
    CHECK_THAT(reassessed.out, Catch::Contains("Re-evaluated 1 sessions"));
    CHECK_THAT(reassessed.out, Catch::Contains("0 flags raised")); // nothing new to raise

    const auto bad = cli.run({"audit", "list", "--vault", cli.vault, "--from", "2026-13-01"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("YYYY-MM-DD"));
}
