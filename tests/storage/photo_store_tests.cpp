// Photos in the vault: stored with their entry in one transaction, never as plaintext on
// disk, refused whole when a file is hostile, analysed with the numbers core/photo gives,
// raising a photo-redness flag through the norms engine, and exported only with consent.

#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/rgb_image.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "support/files.h"
#include "support/imported_photo.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace photo = punctum::core::photo;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

photo::SyntheticPhotoSpec spec(double delta_a, bool chart, std::uint32_t seed = 1) {
    photo::SyntheticPhotoSpec s;
    s.width = 1200;
    s.height = 900;
    s.treated_delta_a = delta_a;
    s.with_chart = chart;
    s.seed = seed;
    return s;
}

storage::NewPhoto new_photo(const photo::SyntheticPhotoSpec& s, std::string area = "cheeks") {
    return {punctum::test::imported(photo::synthetic_skin_photo(s)), std::move(area), std::nullopt};
}

struct Treated {
    core::ClientId client;
    core::SessionId session;
};

Treated treated(VaultFixture& f) {
    auto client = f.vault->clients().add(punctum::test::make_client("Photographed"));
    REQUIRE(client.ok());
    auto session =
        punctum::test::add_session(*f.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(session.ok());
    return {*client, *session};
}

core::RecoveryEntry entry_on(core::SessionId session, int n) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = day(n);
    e.set(core::Symptom::erythema, 1);
    return e;
}

} // namespace

TEST_CASE("storage: an entry's photos land with it, encrypted, and read back",
          "[storage][photos]") {
    VaultFixture f;
    const auto t = treated(f);
    const auto s = spec(5.0, false);
    const auto file = photo::synthetic_skin_photo(s);
    auto id = f.vault->sessions().add_entry(
        entry_on(t.session, 2), {{punctum::test::imported(file), "left cheek", std::nullopt}});
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());

    auto photos = f.vault->photos().of_session(t.session);
    REQUIRE(photos.ok());
    REQUIRE(photos->size() == 1);
    const auto& p = photos->front();
    CHECK(p.entry_id == *id);
    CHECK(p.client_id == t.client);
    CHECK(p.taken_on == day(2)); // the entry's day
    CHECK(p.day == 2);
    CHECK(p.area == "left cheek");
    CHECK(p.width == 1200);
    CHECK(p.height == 900);
    CHECK(p.mime == "image/jpeg");
    CHECK(p.created_by == "Test account");
    CHECK(f.stats().photos == 1);

    auto thumb = f.vault->photos().picture(p.id, storage::PhotoSize::thumbnail);
    auto original = f.vault->photos().picture(p.id, storage::PhotoSize::original);
    REQUIRE(thumb.ok());
    REQUIRE(original.ok());
    CHECK(thumb->size() < original->size());
    const auto decoded = photo::decode_photo(*thumb);
    REQUIRE(decoded.ok());
    CHECK(std::max(decoded->width, decoded->height) == photo::thumbnail_long_side);

    // Nothing of the picture is readable in the vault's files, open or closed.
    const std::string jfif("JFIF", 4);
    for (const auto& entry : fs::directory_iterator(f.folder)) {
        INFO(entry.path());
        CHECK_FALSE(punctum::test::contains(punctum::test::read_file(entry.path()), jfif));
    }
    f.vault.reset();
    for (const auto& entry : fs::directory_iterator(f.folder)) {
        INFO(entry.path());
        CHECK_FALSE(punctum::test::contains(punctum::test::read_file(entry.path()), jfif));
    }
    auto& v = f.reopen();
    CHECK(v.photos().picture(p.id, storage::PhotoSize::original).value() == *original);
    auto check = v.check();
    REQUIRE(check.ok());
    CHECK(check->ok());
}

// Storage stores only what import_photo made (issue 12 item 7, issue 13 item 5): there is no
// way to hand it a file, so a hostile file is refused where it is imported and never gets
// near a transaction; the caller drops the file, EXIF and all, once imported.
static_assert(!std::is_default_constructible_v<photo::ImportedPhoto>);
static_assert(!std::is_constructible_v<storage::NewPhoto, std::vector<std::uint8_t>, std::string,
                                       std::optional<core::Date>>);

TEST_CASE("storage: a hostile file never becomes a photo storage would take", "[storage][photos]") {
    auto good = photo::synthetic_skin_photo(spec(0, false));
    auto truncated = good;
    truncated.resize(truncated.size() / 2);
    const std::vector<std::uint8_t> gif{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    for (const auto& bad : {truncated, gif}) {
        CHECK_FALSE(photo::import_photo(bad).ok());
    }
    const auto imported = photo::import_photo(good);
    REQUIRE(imported.ok());
    CHECK_FALSE(imported->original.empty());
}

TEST_CASE("storage: a photo analysis is stored with its regions and numbers", "[storage][photos]") {
    VaultFixture f;
    const auto t = treated(f);
    const auto s = spec(6.0, false);
    auto added = f.vault->photos().add(t.session, new_photo(s));
    REQUIRE(added.ok());
    const auto roi = photo::synthetic_treated_region(s);
    const auto reference = photo::synthetic_reference_region(s);
    auto analysis = f.vault->photos().analyze(added->id, roi, reference);
    INFO((analysis ? std::string("analysed") : analysis.error().message));
    REQUIRE(analysis.ok());
    // The same numbers core gives for the stored original.
    const auto direct = photo::analyze_redness(
        f.vault->photos().picture(added->id, storage::PhotoSize::original).value(),
        added->orientation, roi, reference);
    REQUIRE(direct.ok());
    CHECK(analysis->values.delta_a_star == Approx(direct->delta_a_star));
    CHECK(analysis->values.delta_a_star == Approx(6.0).margin(1.0));
    CHECK_FALSE(analysis->values.calibrated);
    CHECK(analysis->roi.to_json() == roi.to_json());
    auto& v = f.reopen();
    auto stored = v.photos().analyses(added->id);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK(stored->front().values.a_star_median == Approx(analysis->values.a_star_median));

    auto outside =
        v.photos().analyze(added->id, photo::Region::rectangle(5000, 5000, 10, 10), reference);
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error().code == StorageErrc::invalid_input);
}

TEST_CASE("storage: calibrated photos getting redder raise a photo-redness watch",
          "[storage][photos][flags]") {
    VaultFixture f;
    const auto t = treated(f);
    // Day 1 delta a* 4, day 3 2 (settling), day 5 8: a rise of about 6 over day 3.
    const std::vector<std::pair<int, double>> course{{1, 4.0}, {3, 2.0}, {5, 8.0}};
    std::uint32_t seed = 1;
    for (const auto& [n, delta] : course) {
        const auto s = spec(delta, true, seed++);
        f.live_on(entry_on(t.session, n).observed_on);
        auto id = f.vault->sessions().add_entry(entry_on(t.session, n), {new_photo(s)});
        REQUIRE(id.ok());
        auto photos = f.vault->photos().of_session(t.session);
        auto analysis =
            f.vault->photos().analyze(photos->back().id, photo::synthetic_treated_region(s),
                                      photo::synthetic_reference_region(s));
        INFO((analysis ? std::string("analysed") : analysis.error().message));
        REQUIRE(analysis.ok());
        CHECK(analysis->values.calibrated);
    }
    auto flags = f.vault->flags().of_session(t.session);
    REQUIRE(flags.ok());
    const auto rise = std::find_if(flags->begin(), flags->end(), [](const auto& s) {
        return s.flag.rule_id == "photo_redness_rise";
    });
    REQUIRE(rise != flags->end());
    CHECK(rise->flag.severity == core::Severity::watch);
    CHECK(rise->flag.day == 5);
    CHECK_THAT(rise->flag.source, Catch::Contains("PMC10247498"));
    CHECK(rise->flag.profile_id == core::default_norms_profile().id);

    // The trend puts each day's photo redness beside the score logged that day.
    auto trend = f.vault->photos().redness_trend(t.session);
    REQUIRE(trend.ok());
    REQUIRE(trend->size() == 3);
    for (std::size_t i = 0; i < course.size(); ++i) {
        CHECK((*trend)[i].day == course[i].first);
        REQUIRE((*trend)[i].delta_a_star.has_value());
        CHECK(*(*trend)[i].delta_a_star == Approx(course[i].second).margin(1.5));
        CHECK((*trend)[i].calibrated);
        CHECK((*trend)[i].patient_erythema == std::optional<int>{1});
        CHECK_FALSE((*trend)[i].clinician_erythema.has_value());
    }
}

TEST_CASE("storage: photo exports follow the client's consent", "[storage][photos][consent]") {
    VaultFixture f;
    const auto t = treated(f);
    auto added = f.vault->photos().add(t.session, new_photo(spec(0, false)));
    REQUIRE(added.ok());
    auto& photos = f.vault->photos();

    // Nothing recorded: the record may hold it; display and publication may not.
    CHECK(photos.export_photo(added->id, core::PhotoUse::medical_record).ok());
    auto display = photos.export_photo(added->id, core::PhotoUse::in_clinic_display);
    REQUIRE_FALSE(display.ok());
    CHECK(display.error().code == StorageErrc::forbidden);
    CHECK_THAT(display.error().message, Catch::Contains("consent"));
    CHECK_FALSE(photos.export_photo(added->id, core::PhotoUse::publication).ok());

    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::publication, true).ok());
    auto published = photos.export_photo(added->id, core::PhotoUse::publication);
    REQUIRE(published.ok());
    CHECK(*published == photos.picture(added->id, storage::PhotoSize::original).value());

    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::publication, false).ok());
    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::medical_record, false).ok());
    CHECK_FALSE(photos.export_photo(added->id, core::PhotoUse::publication).ok());
    CHECK_FALSE(photos.export_photo(added->id, core::PhotoUse::medical_record).ok());
    auto consents = f.vault->clients().consents(t.client);
    REQUIRE(consents.ok());
    REQUIRE(consents->size() == 2);
    CHECK(consents->at(0).use == core::PhotoUse::medical_record);
    CHECK_FALSE(consents->at(0).granted);
    CHECK(consents->at(1).recorded_by == "Test account");
}

TEST_CASE("storage: a reviewer cannot add photos", "[storage][photos][roles]") {
    VaultFixture f;
    const auto t = treated(f);
    punctum::test::sign_in_as_new(f, "rita.reviewer", core::Role::reviewer);
    auto added = f.vault->photos().add(t.session, new_photo(spec(0, false)));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == StorageErrc::forbidden);
}

TEST_CASE("storage: a client who said no to photos in their record gets none added or shown",
          "[storage][photos][consent]") {
    VaultFixture f;
    const auto t = treated(f);
    // Consented: a photo goes in and is shown.
    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::medical_record, true).ok());
    auto kept = f.vault->photos().add(t.session, new_photo(spec(4.0, false)));
    REQUIRE(kept.ok());
    REQUIRE(f.vault->photos().of_session(t.session)->size() == 1);

    // Withdrawn: nothing new goes in, alone or with an entry, and nothing is written.
    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::medical_record, false).ok());
    const auto before = f.stats();
    auto refused = f.vault->photos().add(t.session, new_photo(spec(4.0, false, 2)));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::forbidden);
    CHECK_THAT(refused.error().message, Catch::Contains("declined photos"));
    f.live_on(day(2));
    auto with_entry =
        f.vault->sessions().add_entry(entry_on(t.session, 2), {new_photo(spec(4.0, false, 3))});
    REQUIRE_FALSE(with_entry.ok());
    CHECK(with_entry.error().code == StorageErrc::forbidden);
    const auto after = f.stats();
    CHECK(after.photos == before.photos);
    CHECK(after.entries == before.entries);
    CHECK(after.audit_events == before.audit_events);

    // The photo already kept is listed and drawn nowhere while consent stays withdrawn.
    CHECK(f.vault->photos().of_session(t.session)->empty());
    auto picture = f.vault->photos().picture(kept->id, storage::PhotoSize::thumbnail);
    REQUIRE_FALSE(picture.ok());
    CHECK_THAT(picture.error().message, Catch::Contains("withdrawn consent"));

    // Given again: it is back.
    REQUIRE(f.vault->clients().set_consent(t.client, core::PhotoUse::medical_record, true).ok());
    CHECK(f.vault->photos().of_session(t.session)->size() == 1);
    CHECK(f.vault->photos().picture(kept->id, storage::PhotoSize::thumbnail).ok());
}
