// Exports (issue 14 items 5 and 6): CSV tables a spreadsheet and R read as they are, with
// nothing identifying but the client id, and a FHIR R4 Bundle whose references all resolve
// and whose photos are only those the client allowed. Each export is audited and lands
// whole, readable by its owner only. The FHIR bundle is checked against the official
// schema by tests/fhir (node); here, what a receiver would rely on.

#include "punctum/core/photo/synthetic_photo.h"
#include "support/imported_photo.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// RFC 4180 read back: records end with CRLF, quoted fields may hold commas, quotes and
// line breaks. Written here, apart from the writer, so that one cannot hide the other's bug.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    rows.pop_back(); // after the last CRLF
    return rows;
}

std::string column(const std::vector<std::vector<std::string>>& rows, std::size_t row,
                   const std::string& name) {
    const auto& header = rows.front();
    const auto at = std::find(header.begin(), header.end(), name);
    REQUIRE(at != header.end());
    return rows.at(row).at(static_cast<std::size_t>(at - header.begin()));
}

struct Clinic {
    core::ClientId ada;
    core::SessionId ada_session;
    core::ClientId ben;
    core::SessionId ben_session;
};

// Ada: a device name a spreadsheet would run, redness that settles on day 3, a photo she
// allows in her record. Ben: treated later, redness still high at his last entry, a photo
// he withheld consent for.
Clinic clinic(VaultFixture& f) {
    Clinic c;
    c.ada = f.vault->clients().add(punctum::test::make_client("Ada Quinn")).value();
    auto s = punctum::test::make_session(c.ada, treated_on);
    s.device = "=HYPERLINK(\"x\"), pen";
    s.products.push_back({"Hyaluronic serum", "LOT-42", core::ProductPhase::procedure});
    s.notes = "Tolerated well";
    c.ada_session = punctum::test::add_session(*f.vault, s).value();
    c.ben = f.vault->clients().add(punctum::test::make_client("Ben Ortiz")).value();
    c.ben_session =
        punctum::test::add_session(*f.vault, punctum::test::make_session(c.ben, day(10))).value();

    const auto log = [&](core::SessionId session, core::Date on, int erythema) {
        core::RecoveryEntry e;
        e.session_id = session;
        e.observed_on = on;
        f.live_on(on);
        e.set(core::Symptom::erythema, erythema);
        e.set(core::Symptom::warmth, 0);
        auto id = f.vault->sessions().add_entry(e);
        INFO((id ? std::string("added") : id.error().message));
        REQUIRE(id.ok());
        return *id;
    };
    log(c.ada_session, day(1), 3);
    const auto ada_day3 = log(c.ada_session, day(3), 1);
    log(c.ada_session, day(5), 0);
    const auto ben_day1 = log(c.ben_session, day(11), 3);
    log(c.ben_session, day(12), 3);

    namespace photo = core::photo;
    photo::SyntheticPhotoSpec spec;
    auto add_photo = [&](core::SessionId session, core::EntryId entry) {
        storage::NewPhoto p{punctum::test::imported(photo::synthetic_skin_photo(spec)), "cheeks",
                            std::nullopt};
        auto added = f.vault->photos().add(session, std::move(p), entry);
        INFO((added ? std::string("added") : added.error().message));
        REQUIRE(added.ok());
    };
    add_photo(c.ada_session, ada_day3);
    add_photo(c.ben_session, ben_day1);
    REQUIRE(f.vault->clients().set_consent(c.ben, core::PhotoUse::medical_record, false).ok());
    return c;
}

std::int64_t audited(VaultFixture& f, const std::string& action) {
    storage::AuditFilter filter;
    filter.action = action;
    auto n = f.vault->audit().count(filter);
    REQUIRE(n.ok());
    return *n;
}

} // namespace

TEST_CASE("storage: the sessions CSV has the issue's columns, quoted as RFC 4180, no names",
          "[storage][export]") {
    VaultFixture f;
    const auto c = clinic(f);
    const auto out = f.tmp.path() / "sessions.csv";
    auto summary = f.vault->exports().csv(storage::CsvTable::sessions, out);
    INFO((summary ? std::string("written") : summary.error().message));
    REQUIRE(summary.ok());
    CHECK(summary->records == 2);

    const std::string text = read(out);
    CHECK(summary->bytes == text.size());
    CHECK(text.find("Ada Quinn") == std::string::npos); // client ids only
    CHECK(text.find("Tolerated well") == std::string::npos);
    const auto rows = parse_csv(text);
    REQUIRE(rows.size() == 3);
    const std::vector<std::string> first_columns{
        "session_id",      "client_id",    "treated_on",  "practitioner",
        "device",          "max_depth_mm", "indication",  "erythema_resolved_day",
        "last_logged_day", "watch_flags",  "urgent_flags"};
    CHECK(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 11) == first_columns);
    for (const auto& row : rows) {
        CHECK(row.size() == rows[0].size());
    }
    CHECK(column(rows, 1, "session_id") == std::to_string(c.ada_session.value));
    CHECK(column(rows, 1, "client_id") == std::to_string(c.ada.value));
    CHECK(column(rows, 1, "treated_on") == "2026-03-01");
    // A formula is shown as text, with its comma and quotes kept inside one field.
    CHECK(column(rows, 1, "device") == "'=HYPERLINK(\"x\"), pen");
    CHECK(column(rows, 1, "erythema_resolved_day") == "3");
    CHECK(column(rows, 1, "erythema_censored_day").empty());
    CHECK(column(rows, 1, "last_logged_day") == "5");
    // Ben's redness was still 3 when he last logged: censored, not resolved.
    CHECK(column(rows, 2, "erythema_resolved_day").empty());
    CHECK(column(rows, 2, "erythema_censored_day") == "2");
    CHECK(column(rows, 2, "treated_on") == "2026-03-11");

    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(audited(f, "export.csv") == 1);
}

TEST_CASE("storage: CSV exports of entries, flags and outcomes, narrowed by treatment day",
          "[storage][export]") {
    VaultFixture f;
    const auto c = clinic(f);
    const auto out = f.tmp.path() / "t.csv";

    auto entries = f.vault->exports().csv(storage::CsvTable::entries, out);
    REQUIRE(entries.ok());
    auto rows = parse_csv(read(out));
    REQUIRE(rows.size() == 6);
    CHECK(column(rows, 1, "day") == "1");
    CHECK(column(rows, 1, "erythema") == "3");
    CHECK(column(rows, 1, "warmth") == "0");
    CHECK(column(rows, 1, "edema").empty()); // not reported is unknown, never 0

    storage::ExportScope ada_only;
    ada_only.to = day(5);
    REQUIRE(f.vault->exports().csv(storage::CsvTable::outcomes, out, ada_only).ok());
    rows = parse_csv(read(out));
    REQUIRE(rows.size() == 2);
    CHECK(column(rows, 1, "session_id") == std::to_string(c.ada_session.value));
    CHECK(column(rows, 1, "entries") == "3");

    REQUIRE(f.vault->exports().csv(storage::CsvTable::flags, out).ok());
    rows = parse_csv(read(out));
    REQUIRE(rows.size() >= 1);
    CHECK(rows[0].at(0) == "flag_id");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        CHECK_FALSE(column(rows, r, "source").empty()); // each flag says where its norm is from
    }
    CHECK(audited(f, "export.csv") == 3);
}

TEST_CASE("storage: an export that cannot be written leaves nothing and is not audited",
          "[storage][export]") {
    VaultFixture f;
    (void)clinic(f);
    const auto missing = f.tmp.path() / "no such folder" / "sessions.csv";
    auto summary = f.vault->exports().csv(storage::CsvTable::sessions, missing);
    REQUIRE_FALSE(summary.ok());
    CHECK_FALSE(summary.error().message.empty());
    CHECK_FALSE(std::filesystem::exists(missing));
    CHECK(audited(f, "export.csv") == 0);

    // An earlier export at the path is replaced whole, never appended to.
    const auto out = f.tmp.path() / "sessions.csv";
    REQUIRE(f.vault->exports().csv(storage::CsvTable::sessions, out).ok());
    const auto first = read(out);
    REQUIRE(f.vault->exports().csv(storage::CsvTable::sessions, out).ok());
    CHECK(read(out) == first);
}

TEST_CASE("storage: the FHIR bundle's references resolve, and photos follow consent",
          "[storage][export][fhir]") {
    VaultFixture f;
    const auto c = clinic(f);
    const auto out = f.tmp.path() / "bundle.json";
    auto summary = f.vault->exports().fhir(out);
    INFO((summary ? std::string("written") : summary.error().message));
    REQUIRE(summary.ok());
    CHECK(summary->photos == 1);          // Ada's
    CHECK(summary->photos_withheld == 1); // Ben withheld consent
    CHECK(summary->audit_trail);          // the vault's first account is an admin

    const auto bundle = nlohmann::json::parse(read(out));
    CHECK(bundle.at("resourceType") == "Bundle");
    CHECK(bundle.at("type") == "collection");
    const auto& entries = bundle.at("entry");
    CHECK(static_cast<std::int64_t>(entries.size()) == summary->records);

    std::set<std::string> urls;
    std::map<std::string, int> types;
    for (const auto& e : entries) {
        CHECK(urls.insert(e.at("fullUrl").get<std::string>()).second); // no id twice
        ++types[e.at("resource").at("resourceType").get<std::string>()];
    }
    CHECK(types["Patient"] == 2);
    CHECK(types["Procedure"] == 2);
    CHECK(types["Observation"] == 10); // five entries, each with erythema and warmth
    CHECK(types["Media"] == 1);
    CHECK(types["Medication"] == 1);
    CHECK(types["Practitioner"] >= 1);
    CHECK(types["AuditEvent"] >= 10);

    // Every reference points at a resource in the bundle.
    std::function<void(const nlohmann::json&)> check_refs = [&](const nlohmann::json& j) {
        if (j.is_object()) {
            if (j.contains("reference")) {
                INFO(j.dump());
                CHECK(urls.count(j.at("reference").get<std::string>()) == 1);
            }
            for (const auto& [key, value] : j.items()) {
                check_refs(value);
            }
        } else if (j.is_array()) {
            for (const auto& value : j) {
                check_refs(value);
            }
        }
    };
    check_refs(entries);

    for (const auto& e : entries) {
        const auto& r = e.at("resource");
        if (r.at("resourceType") == "Media") {
            CHECK(r.at("subject").at("reference") ==
                  entries[1].at("fullUrl")); // Ada's Patient follows the practitioner
            CHECK(r.at("content").at("data").get<std::string>().size() > 100);
        }
        if (r.at("resourceType") == "Medication") {
            CHECK(r.at("batch").at("lotNumber") == "LOT-42");
        }
        if (r.at("resourceType") == "Observation" &&
            r.at("code").at("coding").at(0).at("code") == "erythema") {
            CHECK(r.at("method").at("text").get<std::string>().find("0 clear to 4") !=
                  std::string::npos); // the scale travels with the score
        }
        if (r.at("resourceType") == "Flag") {
            CHECK(r.at("code").at("text").get<std::string>().find("Source: ") != std::string::npos);
        }
    }
    CHECK(audited(f, "export.fhir") == 1);
    (void)c;

    // The same records exported again keep their ids.
    REQUIRE(f.vault->exports().fhir(out).ok());
    const auto again = nlohmann::json::parse(read(out));
    CHECK(again.at("entry").at(1).at("fullUrl") == entries.at(1).at("fullUrl"));
}

TEST_CASE("storage: a practitioner's FHIR export leaves the audit trail out, one client only",
          "[storage][export][fhir]") {
    VaultFixture f;
    const auto c = clinic(f);
    punctum::test::sign_in_as_new(f, "dr.lee", core::Role::practitioner);
    const auto out = f.tmp.path() / "handover.json";
    storage::ExportScope scope;
    scope.client = c.ada;
    auto summary = f.vault->exports().fhir(out, scope);
    INFO((summary ? std::string("written") : summary.error().message));
    REQUIRE(summary.ok());
    CHECK_FALSE(summary->audit_trail);
    const auto bundle = nlohmann::json::parse(read(out));
    int patients = 0;
    for (const auto& e : bundle.at("entry")) {
        const auto& type = e.at("resource").at("resourceType");
        CHECK(type != "AuditEvent");
        if (type == "Patient") {
            ++patients;
            CHECK(e.at("resource").at("name").at(0).at("text") == "Ada Quinn");
        }
    }
    CHECK(patients == 1);
}

TEST_CASE("storage: a cancelled export leaves no file and no audit event", "[storage][export]") {
    VaultFixture f;
    (void)clinic(f);
    const auto folder = f.tmp.path() / "exports";
    std::filesystem::create_directory(folder);
    const auto out = folder / "bundle.json";
    int reports = 0;
    auto summary = f.vault->exports().fhir(out, {}, [&](std::int64_t, std::int64_t total) {
        CHECK(total == 2);    // two clients
        return ++reports < 2; // stop before the second client
    });
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.error().code == storage::StorageErrc::cancelled);
    CHECK(std::filesystem::is_empty(folder)); // neither the file nor its temporary
    CHECK(audited(f, "export.fhir") == 0);
}
