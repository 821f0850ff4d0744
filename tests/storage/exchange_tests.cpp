// Exchange files between a clinic vault and a patient's personal vault (issue 15): a care
// plan out under a pairing code, sealed and signed recovery reports back, merged once.
// Every refused file leaves both vaults exactly as they were.

#include "punctum/core/photo/synthetic_photo.h"
#include "support/files.h"
#include "support/imported_photo.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::storage::StorageErrc;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

std::vector<unsigned char> read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::vector<unsigned char>& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

/// What a refused file must leave unchanged: every count, and the audit chain's length.
std::string fingerprint(VaultFixture& f) {
    const auto s = f.stats();
    return std::to_string(s.sessions) + "/" + std::to_string(s.entries) + "/" +
           std::to_string(s.photos) + "/" + std::to_string(s.flags) + "/" +
           std::to_string(s.audit_events);
}

/// A clinic with one treated client and a patient with their own personal vault.
struct Exchange {
    VaultFixture clinic;
    VaultFixture patient{storage::VaultKind::personal};
    core::ClientId client;
    core::SessionId session;
    fs::path plan_file = clinic.tmp.path() / "care.punctum-careplan";
    std::string code;

    Exchange() {
        clinic.live_on(treated_on);
        patient.live_on(treated_on);
        auto c = clinic.vault->clients().add(punctum::test::make_client("Ada Lovelace"));
        REQUIRE(c.ok());
        client = *c;
        auto s = punctum::test::add_session(*clinic.vault,
                                            punctum::test::make_session(client, treated_on));
        REQUIRE(s.ok());
        session = *s;
        auto issued = clinic.vault->exchange().issue_care_plan(session, plan_file);
        INFO((issued ? std::string() : issued.error().message));
        REQUIRE(issued.ok());
        code = issued->pairing_code;
    }

    storage::OpenedCarePlan open() {
        auto opened = patient.vault->exchange().open_care_plan(plan_file, code);
        INFO((opened ? std::string() : opened.error().message));
        REQUIRE(opened.ok());
        return *opened;
    }

    /// A patient check-in `n` days after treatment, logged on that day.
    void check_in(core::SessionId own, int n, int erythema, bool pus = false,
                  const std::vector<storage::NewPhoto>& photos = {}) {
        patient.live_on(day(n));
        core::RecoveryEntry e;
        e.session_id = own;
        e.observed_on = day(n);
        e.reporter = core::Reporter::patient;
        e.set(core::Symptom::erythema, erythema);
        if (pus) {
            e.set(core::Symptom::pus, 1);
        }
        auto added = patient.vault->sessions().add_entry(e, photos);
        INFO((added ? std::string() : added.error().message));
        REQUIRE(added.ok());
    }

    fs::path report(const std::string& name, storage::ReportOptions options = {}) {
        const auto out = patient.tmp.path() / name;
        auto written = patient.vault->exchange().write_report(out, options);
        INFO((written ? std::string() : written.error().message));
        REQUIRE(written.ok());
        return out;
    }

    storage::ImportedReport import(const fs::path& file) {
        clinic.live_on(patient.clock.now() > clinic.clock.now()
                           ? core::date_of(patient.clock.now())
                           : core::date_of(clinic.clock.now()));
        auto imported = clinic.vault->exchange().import_report(file);
        INFO((imported ? std::string() : imported.error().message));
        REQUIRE(imported.ok());
        return *imported;
    }
};

storage::NewPhoto skin_photo(std::uint32_t seed) {
    core::photo::SyntheticPhotoSpec s;
    s.width = 640;
    s.height = 480;
    s.seed = seed;
    return {punctum::test::imported(core::photo::synthetic_skin_photo(s)), "cheeks", std::nullopt};
}

} // namespace

TEST_CASE("exchange: a care plan opens with its code and joins the patient's own record",
          "[exchange]") {
    Exchange x;
    const auto before = fingerprint(x.patient);
    auto wrong = x.patient.vault->exchange().open_care_plan(x.plan_file, "ABCDE-FGHJK");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == StorageErrc::rejected);
    CHECK_THAT(wrong.error().message, Catch::Contains("does not open with that code"));
    CHECK(fingerprint(x.patient) == before);

    // Typed as a person would: lower case, spaces for the dash.
    std::string typed = x.code;
    std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
    typed[5] = ' ';
    auto opened = x.patient.vault->exchange().open_care_plan(x.plan_file, typed);
    INFO((opened ? std::string() : opened.error().message));
    REQUIRE(opened.ok());
    CHECK_FALSE(opened->already_open);
    CHECK(opened->treated_on == treated_on);
    auto own = x.patient.vault->clients().own();
    REQUIRE(own.ok());
    auto sessions = x.patient.vault->sessions().of_client(*own);
    REQUIRE(sessions.ok());
    REQUIRE(sessions->size() == 1);
    CHECK(sessions->front().id == opened->session);
    CHECK(sessions->front().areas.front().area == "cheeks");
    CHECK(sessions->front().areas.front().depth_mm == Approx(1.5));

    const auto again = x.open();
    CHECK(again.already_open);
    CHECK(again.session == opened->session);
    auto plans = x.patient.vault->exchange().care_plans();
    REQUIRE(plans.ok());
    REQUIRE(plans->size() == 1);
    CHECK(plans->front().clinic_name == "Test account");

    auto pairings = x.clinic.vault->exchange().pairings(x.session);
    REQUIRE(pairings.ok());
    REQUIRE(pairings->size() == 1);
    CHECK(pairings->front().pairing_code == x.code);
    CHECK_FALSE(pairings->front().paired);
}

TEST_CASE("exchange: a report merges into its session once, raising flags at the clinic",
          "[exchange]") {
    Exchange x;
    const auto own = x.open().session;
    x.check_in(own, 1, 3);
    x.check_in(own, 2, 2);
    x.check_in(own, 3, 2, true); // pus: a sign of infection
    const auto first = x.report("first.punctum-report");

    const auto imported = x.import(first);
    CHECK_FALSE(imported.already_imported);
    CHECK(imported.session == x.session);
    CHECK(imported.client_name == "Ada Lovelace");
    CHECK(imported.entries_added == 3);
    CHECK(imported.entries_known == 0);
    CHECK(imported.new_urgent >= 1);
    auto entries = x.clinic.vault->sessions().entries(x.session);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 3);
    CHECK(entries->front().reporter == core::Reporter::patient);
    CHECK(entries->front().score(core::Symptom::erythema) == 3);
    auto attention = x.clinic.vault->flags().needing_attention();
    REQUIRE(attention.ok());
    CHECK(std::any_of(attention->begin(), attention->end(), [&](const auto& f) {
        return f.session_id == x.session && f.flag.severity == core::Severity::urgent;
    }));

    // The same file again: nothing changes, and it says so.
    const auto unchanged = fingerprint(x.clinic);
    const auto replay = x.import(first);
    CHECK(replay.already_imported);
    CHECK(fingerprint(x.clinic) == unchanged);

    // Only what is new since the last report; then everything, which merges as known.
    x.check_in(own, 4, 1);
    const auto second = x.import(x.report("second.punctum-report"));
    CHECK(second.entries_added == 1);
    CHECK(second.entries_known == 0);
    const auto all = x.import(x.report("all.punctum-report", {"", true}));
    CHECK(all.entries_added == 0);
    CHECK(all.entries_known == 4);
    entries = x.clinic.vault->sessions().entries(x.session);
    REQUIRE(entries.ok());
    CHECK(entries->size() == 4);

    auto pairings = x.clinic.vault->exchange().pairings(x.session);
    REQUIRE(pairings.ok());
    CHECK(pairings->front().paired);
    CHECK(pairings->front().reports_imported == 3);
}

TEST_CASE("exchange: photos travel with their check-in only as the patient's consent allows",
          "[exchange]") {
    Exchange x;
    const auto own = x.open().session;
    x.check_in(own, 1, 2, false, {skin_photo(1), skin_photo(2)});
    auto self = x.patient.vault->clients().own();
    REQUIRE(self.ok());

    const auto withheld_file = x.patient.tmp.path() / "withheld.punctum-report";
    auto withheld = x.patient.vault->exchange().write_report(withheld_file);
    REQUIRE(withheld.ok());
    CHECK(withheld->entries == 1);
    CHECK(withheld->photos == 0);
    CHECK(withheld->photos_withheld == 2);
    CHECK(x.import(withheld_file).photos_added == 0);

    // Once allowed, the photos kept back go in the next report, onto the check-in already
    // merged.
    REQUIRE(
        x.patient.vault->clients().set_consent(*self, core::PhotoUse::medical_record, true).ok());
    auto plans = x.patient.vault->exchange().care_plans();
    REQUIRE(plans.ok());
    CHECK(plans->front().unsent_photos == 2);
    const auto with_photos = x.import(x.report("photos.punctum-report"));
    CHECK(with_photos.photos_added == 2);
    CHECK(with_photos.entries_added == 0);
    auto photos = x.clinic.vault->photos().of_session(x.session);
    REQUIRE(photos.ok());
    REQUIRE(photos->size() == 2);
    CHECK(photos->front().entry_id.valid());
    CHECK(photos->front().area == "cheeks");
}

TEST_CASE("exchange: a report with any byte altered is refused with nothing written",
          "[exchange]") {
    Exchange x;
    const auto own = x.open().session;
    x.check_in(own, 1, 3);
    x.check_in(own, 2, 2);
    const auto good = read_bytes(x.report("good.punctum-report"));
    const auto unchanged = fingerprint(x.clinic);
    const auto bad = x.clinic.tmp.path() / "bad.punctum-report";
    int refused = 0;
    for (std::size_t i = 0; i < good.size(); ++i) {
        auto bytes = good;
        bytes[i] ^= static_cast<unsigned char>(1u << (i % 8));
        write_bytes(bad, bytes);
        auto imported = x.clinic.vault->exchange().import_report(bad);
        if (!imported.ok() && imported.error().code == StorageErrc::rejected) {
            ++refused;
        } else {
            FAIL_CHECK("byte " << i << " altered was not refused");
        }
    }
    CHECK(refused == static_cast<int>(good.size()));
    auto cut = good;
    cut.pop_back();
    write_bytes(bad, cut);
    CHECK(x.clinic.vault->exchange().import_report(bad).error().code == StorageErrc::rejected);
    auto longer = good;
    longer.push_back(0);
    write_bytes(bad, longer);
    CHECK(x.clinic.vault->exchange().import_report(bad).error().code == StorageErrc::rejected);
    CHECK(fingerprint(x.clinic) == unchanged);
    // The untouched file still imports.
    CHECK(x.import(x.patient.tmp.path() / "good.punctum-report").entries_added == 2);
}

TEST_CASE("exchange: a care plan with a byte altered does not open", "[exchange]") {
    Exchange x;
    const auto good = read_bytes(x.plan_file);
    const auto before = fingerprint(x.patient);
    const auto bad = x.patient.tmp.path() / "bad.punctum-careplan";
    // Each try derives a key (Argon2id, ~0.1 s): the prefix at a stride and a few body bytes.
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < 72; i += 3) {
        positions.push_back(i);
    }
    for (std::size_t i = 1; i <= 8; ++i) {
        positions.push_back(good.size() * i / 9);
    }
    positions.push_back(good.size() - 1);
    for (const auto i : positions) {
        auto bytes = good;
        bytes[i] ^= 0x20;
        write_bytes(bad, bytes);
        auto opened = x.patient.vault->exchange().open_care_plan(bad, x.code);
        INFO("byte " << i);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == StorageErrc::rejected);
    }
    CHECK(fingerprint(x.patient) == before);
}

TEST_CASE("exchange: a report for another clinic, or from a patient it never paired with, is "
          "refused",
          "[exchange]") {
    Exchange a;
    Exchange b;
    a.check_in(a.open().session, 1, 2);
    b.check_in(b.open().session, 1, 2);
    const auto to_a = a.report("to-a.punctum-report");
    const auto to_b = b.report("to-b.punctum-report");
    const auto b_before = fingerprint(b.clinic);
    auto wrong_clinic = b.clinic.vault->exchange().import_report(to_a);
    REQUIRE_FALSE(wrong_clinic.ok());
    CHECK(wrong_clinic.error().code == StorageErrc::rejected);
    CHECK_THAT(wrong_clinic.error().message, Catch::Contains("another clinic"));
    CHECK(fingerprint(b.clinic) == b_before);

    // A care plan is not a report, and a personal vault imports none.
    auto plan_as_report = a.clinic.vault->exchange().import_report(a.plan_file);
    REQUIRE_FALSE(plan_as_report.ok());
    CHECK_THAT(plan_as_report.error().message, Catch::Contains("care plan, not a recovery report"));
    CHECK(a.patient.vault->exchange().import_report(to_b).error().code ==
          StorageErrc::invalid_input);
}

TEST_CASE("exchange: a second patient holding the code cannot report once the first is paired",
          "[exchange]") {
    Exchange x;
    x.check_in(x.open().session, 1, 2);
    REQUIRE(x.import(x.report("genuine.punctum-report")).entries_added == 1);

    // Someone else who saw the code opens the same plan in their own vault: their key was
    // bound by the code too, but the clinic pinned the first patient's key.
    VaultFixture other{storage::VaultKind::personal};
    other.live_on(day(2));
    auto opened = other.vault->exchange().open_care_plan(x.plan_file, x.code);
    REQUIRE(opened.ok());
    core::RecoveryEntry e;
    e.session_id = opened->session;
    e.observed_on = day(2);
    e.set(core::Symptom::erythema, 4);
    REQUIRE(other.vault->sessions().add_entry(e).ok());
    const auto forged = other.tmp.path() / "forged.punctum-report";
    REQUIRE(other.vault->exchange().write_report(forged).ok());
    x.clinic.live_on(day(2));
    const auto before = fingerprint(x.clinic);
    auto refused = x.clinic.vault->exchange().import_report(forged);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::rejected);
    CHECK_THAT(refused.error().message, Catch::Contains("not bound"));
    CHECK(fingerprint(x.clinic) == before);
}

TEST_CASE("exchange: a file claiming more than its limit is refused before it is read",
          "[exchange]") {
    Exchange x;
    x.check_in(x.open().session, 1, 2);
    auto bytes = read_bytes(x.report("real.punctum-report"));
    // The body length sits after the 16-byte fixed prefix and the 32-byte report header.
    const std::uint64_t huge = 300ull << 20;
    for (int i = 0; i < 8; ++i) {
        bytes[48 + static_cast<std::size_t>(i)] = static_cast<unsigned char>(huge >> (8 * i));
    }
    const auto big = x.clinic.tmp.path() / "big.punctum-report";
    write_bytes(big, bytes);
    fs::resize_file(big, 56 + huge); // sparse: nothing is allocated, nothing should be read
    auto refused = x.clinic.vault->exchange().import_report(big);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == StorageErrc::rejected);
    CHECK_THAT(refused.error().message, Catch::Contains("at most 256 MiB"));
}
