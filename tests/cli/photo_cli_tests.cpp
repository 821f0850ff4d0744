// punctum-cli photo analyze / photo strip: issue #5's command-line contract. Photos are made
// in the test (synthetic skin, hand-built metadata); hostile files exit 2, never crash.

#include "cli_runner.h"
#include "core/photo/photo_fixtures.h"
#include "support/files.h"

#include "punctum/core/photo/synthetic_photo.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

using punctum::test::CliRunner;
namespace fixtures = punctum::test::photo;
namespace photo = punctum::core::photo;

namespace {

std::string save(const CliRunner& cli, const std::string& name, const fixtures::Bytes& bytes) {
    const auto path = (cli.tmp.path() / name).string();
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
}

fixtures::Bytes load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("cli: photo analyze prints the redness numbers as JSON", "[cli][photo]") {
    CliRunner cli;
    photo::SyntheticPhotoSpec spec;
    spec.treated_delta_a = 6;
    const auto path = save(cli, "skin.jpg", photo::synthetic_skin_photo(spec));

    // The defaults (centre quarter against a top-left patch) are the synthetic layout.
    const auto out = cli.json({"photo", "analyze", path, "--json"});
    for (const char* key :
         {"width", "height", "pixels_used", "a_star_median", "a_star_p90",
          "reference_a_star_median", "delta_a_star", "erythema_index", "ita_deg", "calibrated"}) {
        CHECK(out.contains(key));
    }
    CHECK(out.at("width") == 1600);
    CHECK(std::abs(out.at("delta_a_star").get<double>() - 6.0) < 1.0);
    CHECK(std::abs(out.at("a_star_median").get<double>() - 18.0) < 1.0);
    CHECK(out.at("calibrated") == false);

    // Swapping the regions turns the sign of delta a*.
    const auto swapped = cli.json({"photo", "analyze", path, "--json", "--roi", "133,100,320,240",
                                   "--reference", "600,450,400,300"});
    CHECK(std::abs(swapped.at("delta_a_star").get<double>() + 6.0) < 1.0);

    const auto text = cli.run({"photo", "analyze", path});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Uncalibrated") != std::string::npos);
    const auto help = cli.run({"photo", "analyze", "--help"});
    CHECK(help.out.find("centre quarter") != std::string::npos);
}

TEST_CASE("cli: photo analyze refuses bad files and regions with exit 2", "[cli][photo]") {
    CliRunner cli;
    const auto good = photo::synthetic_skin_photo({});
    const auto path = save(cli, "good.jpg", good);
    fixtures::Bytes garbage;
    fixtures::append(garbage, "not a picture at all, just text pretending");
    fixtures::Bytes truncated(good.begin(),
                              good.begin() + static_cast<std::ptrdiff_t>(good.size() / 3));
    fixtures::Bytes huge = fixtures::png(fixtures::solid(8, 8, {1, 2, 3}));
    huge[16] = huge[20] = 0x7F; // IHDR width and height above 2 billion
    const std::vector<std::vector<std::string>> cases{
        {"photo", "analyze", save(cli, "garbage.jpg", garbage)},
        {"photo", "analyze", save(cli, "truncated.jpg", truncated)},
        {"photo", "analyze", save(cli, "huge.png", huge)},
        {"photo", "analyze", (cli.tmp.path() / "missing.jpg").string()},
        {"photo", "analyze", path, "--roi", "1,2,3"},
        {"photo", "analyze", path, "--roi", "1500,1100,400,400"},
        {"photo", "analyze", path, "--reference", "a,b,c,d"},
    };
    for (const auto& args : cases) {
        const auto r = cli.run(args);
        INFO(CliRunner::join(args) << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("punctum-cli: ") != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli: photo strip writes a metadata-free copy atomically", "[cli][photo]") {
    CliRunner cli;
    const auto plain = fixtures::jpeg(fixtures::solid(64, 48, {200, 150, 130}));
    const auto in = save(cli, "phone.jpg", fixtures::with_phone_metadata(plain, 1));
    const auto out = (cli.tmp.path() / "clean.jpg").string();
    const auto r = cli.run({"photo", "strip", in, out});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto clean = load(out);
    CHECK(clean == plain);
    CHECK(std::filesystem::status(out).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(fixtures::contains(clean, "GPS"));
    CHECK_FALSE(fixtures::contains(clean, "Exif"));

    SECTION("a rotated photo keeps only its orientation tag") {
        const auto rotated = save(cli, "rotated.jpg", fixtures::with_phone_metadata(plain, 6));
        REQUIRE(cli.run({"photo", "strip", rotated, out}).exit_code == 0);
        const auto upright = load(out);
        CHECK_FALSE(fixtures::contains(upright, "GPS"));
        CHECK_FALSE(fixtures::contains(upright, "PunctumCam"));
        const auto again = photo::import_photo(upright);
        REQUIRE(again.ok());
        CHECK(again->orientation == 6);
        CHECK(again->original == plain);
    }
    SECTION("a hostile file leaves the output untouched and no temporary file") {
        fixtures::Bytes hostile{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x', 'i', 'f'};
        const auto bad = save(cli, "hostile.jpg", hostile);
        const auto before = load(out);
        const auto failed = cli.run({"photo", "strip", bad, out});
        CHECK(failed.exit_code == 2);
        CHECK(load(out) == before);
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(cli.tmp.path())) {
            files += e.path().filename().string().rfind(".clean.jpg", 0) == 0 ? 1 : 0;
        }
        CHECK(files == 0);
    }
}
