// Photos in a vault from the command line: added with metadata removed, measured (which
// can raise a flag), listed, and exported only as far as the client's consent allows.

#include "cli_runner.h"
#include "support/files.h"

#include "punctum/core/photo/synthetic_photo.h"

#include <catch2/catch.hpp>

namespace photo = punctum::core::photo;
using punctum::test::CliRunner;
using punctum::test::contains;

namespace {

std::string rect(const photo::Region& r) {
    const auto& p = r.points;
    return std::to_string(static_cast<int>(p[0].x)) + "," +
           std::to_string(static_cast<int>(p[0].y)) + "," +
           std::to_string(static_cast<int>(p[2].x - p[0].x)) + "," +
           std::to_string(static_cast<int>(p[2].y - p[0].y));
}

} // namespace

TEST_CASE("cli: photo add, measure, list and export with consent", "[cli][photos]") {
    CliRunner cli;
    cli.init();
    const auto client =
        cli.json({"client", "add", "--vault", cli.vault, "--name", "Pictured", "--json"});
    const auto id = std::to_string(client.at("id").get<std::int64_t>());
    const auto session =
        cli.json(cli.screened({"session", "add", "--vault", cli.vault, "--client", id, "--date",
                               "2026-03-01", "--area", "cheeks:1.0", "--json"}));
    const auto sid = std::to_string(session.at("id").get<std::int64_t>());

    photo::SyntheticPhotoSpec spec;
    spec.width = 1200;
    spec.height = 900;
    spec.treated_delta_a = 7.0;
    const auto file = cli.tmp.path() / "cheek.jpg";
    const auto bytes = photo::synthetic_skin_photo(spec);
    punctum::test::write_file(file, std::string(bytes.begin(), bytes.end()));

    const auto added = cli.json({"photo", "add", "--vault", cli.vault, "--session", sid,
                                 file.string(), "--area", "left cheek", "--json"});
    const auto pid = std::to_string(added.at("id").get<std::int64_t>());
    CHECK(added.at("width") == 1200);

    const auto garbage = cli.tmp.path() / "not-a-photo.jpg";
    punctum::test::write_file(garbage, "GIF89a this is not a JPEG at all");
    const auto refused =
        cli.run({"photo", "add", "--vault", cli.vault, "--session", sid, garbage.string()});
    CHECK(refused.exit_code == 2);
    CHECK_FALSE(refused.err.empty());

    const auto measured = cli.json({"photo", "measure", "--vault", cli.vault, pid, "--roi",
                                    rect(photo::synthetic_treated_region(spec)), "--reference",
                                    rect(photo::synthetic_reference_region(spec)), "--json"});
    CHECK(measured.at("delta_a_star").get<double>() == Approx(7.0).margin(1.0));
    CHECK(measured.at("calibrated") == false);

    const auto listed =
        cli.json({"photo", "list", "--vault", cli.vault, "--session", sid, "--json"});
    REQUIRE(listed.size() == 1);
    CHECK(listed.at(0).at("area") == "left cheek");
    CHECK(listed.at(0).at("analysis").at("delta_a_star") == measured.at("delta_a_star"));
    CHECK(cli.stats().at("photos") == 1);

    // Publication needs a recorded consent; once granted, the export is the clean original.
    const auto out = (cli.tmp.path() / "published.jpg").string();
    const auto denied =
        cli.run({"photo", "export", "--vault", cli.vault, pid, out, "--use", "publication"});
    CHECK(denied.exit_code != 0);
    CHECK(contains(denied.err, "consent"));
    CHECK_FALSE(std::filesystem::exists(out));
    REQUIRE(cli.run({"client", "consent", "--vault", cli.vault, id, "--use", "publication",
                     "--granted", "yes"})
                .exit_code == 0);
    const auto exported =
        cli.run({"photo", "export", "--vault", cli.vault, pid, out, "--use", "publication"});
    INFO(exported.err);
    REQUIRE(exported.exit_code == 0);
    const auto written = punctum::test::read_file(out);
    CHECK(written.size() > 1000);
    // A face photo leaves the vault readable by its owner only, like every other export.
    CHECK(std::filesystem::status(out).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(contains(written, "Exif"));
}
