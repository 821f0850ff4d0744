// punctum-cli and issue 11 items 5 and 6: `session add` with the indication, course plan and
// treatment record (its JSON and text show them and the next due date), `entry add` with
// GAIS, `photo add --view`; malformed values exit 2 and clinical refusals say why.

#include "cli_runner.h"
#include "support/files.h"

#include "punctum/core/photo/synthetic_photo.h"

#include <catch2/catch.hpp>

namespace photo = punctum::core::photo;
using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

struct Client {
    CliRunner cli;
    std::string id;
    Client() {
        cli.init();
        id = std::to_string(
            cli.json({"client", "add", "--vault", cli.vault, "--name", "Course", "--json"})
                .at("id")
                .get<std::int64_t>());
    }
    [[nodiscard]] std::vector<std::string> session(const std::string& date,
                                                   std::vector<std::string> extra) const {
        std::vector<std::string> args{"session", "add",    "--vault", cli.vault, "--client",
                                      id,        "--date", date,      "--area",  "cheeks:1.5:2"};
        args.insert(args.end(), extra.begin(), extra.end());
        return cli.screened(args);
    }
};

const std::vector<std::string> full_record{"--indication",
                                           "acne_scars",
                                           "--indication-detail",
                                           "rolling scars",
                                           "--scar-grade",
                                           "3",
                                           "--course-sessions",
                                           "3",
                                           "--course-interval-days",
                                           "28",
                                           "--anaesthetic",
                                           "lidocaine 4%:30",
                                           "--skin-prep",
                                           "chlorhexidine 0.5%",
                                           "--cartridge-lot",
                                           "L2291",
                                           "--cartridge-expiry",
                                           "2027-06-30",
                                           "--device-serial",
                                           "SP-001234",
                                           "--endpoint-erythema",
                                           "3",
                                           "--endpoint-bleeding",
                                           "1",
                                           "--antiviral",
                                           "yes",
                                           "--consent-form",
                                           "Microneedling consent",
                                           "--consent-version",
                                           "v3",
                                           "--product",
                                           "hyaluronic serum:HA-7",
                                           "--aftercare-product",
                                           "SPF 50",
                                           "--aftercare-product",
                                           "cica balm:CB-12"};

} // namespace

TEST_CASE("cli: session add records the treatment record and shows the next due date",
          "[cli][record]") {
    Client c;
    auto args = full_record;
    args.push_back("--json");
    const auto out = c.cli.json(c.session("2026-03-01", args));
    CHECK(out.at("id").get<std::int64_t>() > 0); // the old contract still holds
    CHECK(out.at("next_due") == "2026-03-29");
    CHECK(out.at("course").at("given") == 1);
    CHECK(out.at("course").at("planned") == 3);
    CHECK(out.at("course").at("complete") == false);
    const auto& s = out.at("session");
    CHECK(s.at("indication") == "acne_scars");
    CHECK(s.at("indication_detail") == "rolling scars");
    CHECK(s.at("scar_grade") == 3);
    CHECK(s.at("course_sessions") == 3);
    CHECK(s.at("course_interval_days") == 28);
    CHECK(s.at("anaesthetic") == "lidocaine 4%");
    CHECK(s.at("anaesthetic_minutes") == 30);
    CHECK(s.at("skin_prep") == "chlorhexidine 0.5%");
    CHECK(s.at("cartridge_lot") == "L2291");
    CHECK(s.at("cartridge_expiry") == "2027-06-30");
    CHECK(s.at("device_serial") == "SP-001234");
    CHECK(s.at("endpoint_erythema") == 3);
    CHECK(s.at("endpoint_bleeding") == 1);
    CHECK(s.at("antiviral_prophylaxis") == true);
    CHECK(s.at("consent_form") == "Microneedling consent");
    CHECK(s.at("consent_version") == "v3");
    REQUIRE(s.at("products").size() == 3);
    CHECK(s.at("products").at(0).at("phase") == "procedure");
    CHECK(s.at("products").at(0).at("lot_number") == "HA-7");
    CHECK(s.at("products").at(1).at("name") == "SPF 50");
    CHECK(s.at("products").at(1).at("phase") == "aftercare");
    CHECK(s.at("products").at(2).at("lot_number") == "CB-12");

    // The second session of the course counts the first; client show gives each's course.
    const auto second =
        c.cli.json(c.session("2026-03-29", {"--indication", "acne_scars", "--course-sessions", "3",
                                            "--course-interval-days", "28", "--json"}));
    CHECK(second.at("course").at("given") == 2);
    CHECK(second.at("next_due") == "2026-04-26");
    const auto shown = c.cli.json({"client", "show", "--vault", c.cli.vault, c.id});
    REQUIRE(shown.at("sessions").size() == 2);
    CHECK(shown.at("sessions").at(0).at("course").at("given") == 2); // newest first
    CHECK(shown.at("sessions").at(1).at("course").at("next_due") == "2026-03-29");
    CHECK(shown.at("sessions").at(1).at("antiviral_prophylaxis") == true);
}

TEST_CASE("cli: session add's text names the record in plain words", "[cli][record]") {
    Client c;
    const auto r = c.cli.run(c.session("2026-03-01", full_record));
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "Added session"));
    CHECK(contains(r.out, "Indication: Acne scars (rolling scars)"));
    CHECK(contains(r.out, "Scar grade: 3 - moderate"));
    CHECK(contains(r.out, "session 1 of 3, every 28 days; next due 2026-03-29"));
    CHECK(contains(r.out, "lidocaine 4%, 30 minutes of contact"));
    CHECK(contains(r.out, "lot L2291, expires 2027-06-30"));
    CHECK(contains(r.out, "Endpoint redness: 3 - moderate, marked redness (CEA)"));
    CHECK(contains(r.out, "Endpoint bleeding: 1 - pinpoint"));
    CHECK(contains(r.out, "Antiviral prophylaxis: given"));
    CHECK(contains(r.out, "Post-care products: SPF 50; cica balm (lot CB-12)"));
}

TEST_CASE("cli: session add without the new options reads them as not recorded", "[cli][record]") {
    Client c;
    const auto out = c.cli.json(c.session("2026-03-01", {"--json"}));
    const auto& s = out.at("session");
    CHECK(s.at("indication").is_null());
    CHECK(s.at("scar_grade").is_null());
    CHECK(s.at("antiviral_prophylaxis").is_null());
    CHECK(s.at("cartridge_expiry").is_null());
    CHECK(s.at("anaesthetic") == "");
    CHECK(out.at("next_due").is_null());
    CHECK(out.at("course").at("planned").is_null());
}

TEST_CASE("cli: session add refuses an expired cartridge and clinical mismatches",
          "[cli][record]") {
    Client c;
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases{
        {{"--cartridge-expiry", "2026-02-28"}, "expired"},
        {{"--cartridge-expiry", "2026-02-30"}, "--cartridge-expiry"},
        {{"--scar-grade", "2", "--indication", "pores"}, "acne scars"},
        {{"--indication", "acne_scars", "--scar-grade", "5"}, "1 to 4"},
        {{"--indication", "other"}, "other"},
        {{"--indication", "wrinkles"}, "indication"},
        {{"--course-sessions", "21", "--course-interval-days", "28"}, "1 to 20"},
        {{"--course-sessions", "3"}, "interval"},
        {{"--anaesthetic", "EMLA:241"}, "240"},
        {{"--endpoint-erythema", "5"}, "0 to 4"},
        {{"--endpoint-bleeding", "4"}, "0 (none) to 3"},
        {{"--antiviral", "maybe"}, "antiviral"},
        {{"--consent-version", "v3"}, "consent form"},
    };
    for (const auto& k : cases) {
        const auto r = c.cli.run(c.session("2026-03-01", k.args));
        INFO(CliRunner::join(k.args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, k.says));
    }
    CHECK(c.cli.stats().at("sessions") == 0);
}

TEST_CASE("cli: entry add records GAIS, alone or with scores", "[cli][record][gais]") {
    Client c;
    const auto sid =
        std::to_string(c.cli.json(c.session("2026-03-01", {"--indication", "fine_lines", "--json"}))
                           .at("id")
                           .get<std::int64_t>());
    const auto review = c.cli.json({"entry", "add", "--vault", c.cli.vault, "--session", sid,
                                    "--date", "2026-03-29", "--reporter", "clinician",
                                    "--gais-practitioner", "2", "--gais-patient", "3", "--json"});
    CHECK(review.at("flags").empty()); // GAIS is not a symptom: no logging gap
    const auto home =
        c.cli.json({"entry", "add", "--vault", c.cli.vault, "--session", sid, "--date",
                    "2026-03-30", "--gais-patient", "1", "--note", "looks smoother", "--json"});
    CHECK(home.at("id").get<std::int64_t>() > review.at("id").get<std::int64_t>());

    const auto shown = c.cli.json({"client", "show", "--vault", c.cli.vault, c.id});
    const auto& entries = shown.at("sessions").at(0).at("entries");
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(0).at("gais_practitioner") == 2);
    CHECK(entries.at(0).at("gais_patient") == 3);
    CHECK(entries.at(0).at("scores").at("erythema").is_null());
    CHECK(entries.at(1).at("gais_practitioner").is_null());
    CHECK(entries.at(1).at("gais_patient") == 1);

    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--gais-patient", "6"},
          std::vector<std::string>{"--gais-patient", "0"},
          std::vector<std::string>{"--gais-practitioner", "2"}}) { // a patient's entry
        std::vector<std::string> args{"entry",     "add", "--vault", c.cli.vault,
                                      "--session", sid,   "--date",  "2026-03-30"};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto r = c.cli.run(args);
        INFO(CliRunner::join(args) << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "improvement rating"));
    }
}

TEST_CASE("cli: photo add --view keeps the view, photo list shows it", "[cli][record][photos]") {
    Client c;
    const auto sid = std::to_string(
        c.cli.json(c.session("2026-03-01", {"--json"})).at("id").get<std::int64_t>());
    photo::SyntheticPhotoSpec spec;
    spec.width = 640;
    spec.height = 480;
    const auto file = c.cli.tmp.path() / "front.jpg";
    const auto bytes = photo::synthetic_skin_photo(spec);
    punctum::test::write_file(file, std::string(bytes.begin(), bytes.end()));

    const auto front = c.cli.json({"photo", "add", "--vault", c.cli.vault, "--session", sid,
                                   file.string(), "--view", "front", "--json"});
    CHECK(front.at("view") == "front");
    const auto plain = c.cli.json(
        {"photo", "add", "--vault", c.cli.vault, "--session", sid, file.string(), "--json"});
    CHECK(plain.at("view") == "");
    const auto refused = c.cli.run(
        {"photo", "add", "--vault", c.cli.vault, "--session", sid, file.string(), "--view", "top"});
    CHECK(refused.exit_code == 2);

    const auto listed =
        c.cli.json({"photo", "list", "--vault", c.cli.vault, "--session", sid, "--json"});
    REQUIRE(listed.size() == 2);
    CHECK(listed.at(0).at("view") == "front");
    CHECK(listed.at(1).at("view") == "");
    const auto text = c.cli.run({"photo", "list", "--vault", c.cli.vault, "--session", sid});
    CHECK(contains(text.out, "front view"));
}
