// The exchange files' formats (issue 15 item 6, docs/exchange-format.md): the outer frame
// refused from its first bytes (magic, version, kind, sizes), the care plan's JSON and the
// recovery report's body read strictly and written back the same, and the pairing code
// read as forgivingly as Crockford base32 intends. No crypto here: that is storage's.

#include "punctum/core/exchange/care_plan.h"
#include "punctum/core/exchange/exchange_frame.h"
#include "punctum/core/exchange/pairing_code.h"
#include "punctum/core/exchange/recovery_report.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace core = punctum::core;
namespace ex = punctum::core::exchange;
using ex::ExchangeErrc;
using ex::FileKind;
using Bytes = std::vector<std::uint8_t>;

namespace {

using namespace std::chrono_literals;

Bytes bytes_of(const std::string& text) {
    return {text.begin(), text.end()};
}

/// A whole file of `kind`: prefix, then `body`.
Bytes file_of(FileKind kind, const Bytes& header, const Bytes& body) {
    auto out = ex::write_prefix(kind, header, body.size());
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

void put_u16(Bytes& out, std::size_t at, std::uint16_t value) {
    out.at(at) = static_cast<std::uint8_t>(value & 0xff);
    out.at(at + 1) = static_cast<std::uint8_t>(value >> 8);
}

void put_u32_at(Bytes& out, std::size_t at, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i) {
        out.at(at + i) = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

void put_u64_at(Bytes& out, std::size_t at, std::uint64_t value) {
    for (std::size_t i = 0; i < 8; ++i) {
        out.at(at + i) = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

ex::CarePlan sample_plan() {
    ex::CarePlan p;
    p.plan_id = std::string(32, 'a');
    p.pairing_id = "0123456789abcdef0123456789abcdef";
    p.pairing_secret = std::string(64, 'f');
    p.issued_at = std::chrono::sys_days{core::Date{2026y, std::chrono::March, 3d}} + 9h + 30min;
    p.clinic = {"Clinique Étoile", std::string(64, '1'), std::string(64, '2')};
    p.session.treated_on = core::Date{2026y, std::chrono::March, 3d};
    p.session.areas = {{"cheeks", 1.5, 2}, {"forehead", 0.5, 1}};
    p.session.add_ons = {"prp"};
    p.session.fitzpatrick = 3;
    p.session.practitioner = "Dr A. Moreau";
    p.session.aftercare_given = "SPF 50, no make-up for 24 h";
    p.norms_profile = R"({"name": "test profile"})";
    p.aftercare = {"Keep the skin clean and dry for 24 hours.", "Use SPF 50."};
    p.preparation = {"No retinoids for 5 days before."};
    p.expected_resolve_by_day = {{"erythema", 3}, {"edema", 2}};
    return p;
}

void check_same_plan(const ex::CarePlan& a, const ex::CarePlan& b) {
    CHECK(a.plan_id == b.plan_id);
    CHECK(a.pairing_id == b.pairing_id);
    CHECK(a.pairing_secret == b.pairing_secret);
    CHECK(a.issued_at == b.issued_at);
    CHECK(a.clinic.name == b.clinic.name);
    CHECK(a.clinic.box_public == b.clinic.box_public);
    CHECK(a.clinic.sign_public == b.clinic.sign_public);
    CHECK(a.session.treated_on == b.session.treated_on);
    REQUIRE(a.session.areas.size() == b.session.areas.size());
    for (std::size_t i = 0; i < a.session.areas.size(); ++i) {
        CHECK(a.session.areas[i].area == b.session.areas[i].area);
        CHECK(a.session.areas[i].depth_mm == b.session.areas[i].depth_mm);
        CHECK(a.session.areas[i].passes == b.session.areas[i].passes);
    }
    CHECK(a.session.add_ons == b.session.add_ons);
    CHECK(a.session.fitzpatrick == b.session.fitzpatrick);
    CHECK(a.session.practitioner == b.session.practitioner);
    CHECK(a.session.aftercare_given == b.session.aftercare_given);
    CHECK(a.norms_profile == b.norms_profile);
    CHECK(a.aftercare == b.aftercare);
    CHECK(a.preparation == b.preparation);
    CHECK(a.expected_resolve_by_day == b.expected_resolve_by_day);
}

ex::RecoveryReport sample_report() {
    ex::RecoveryReport r;
    r.report_id = std::string(32, 'b');
    r.plan_id = std::string(32, 'a');
    r.pairing_id = "0123456789abcdef0123456789abcdef";
    r.patient_sign_public = std::string(64, '3');
    r.binding = std::string(64, '4');
    r.created_at = std::chrono::sys_days{core::Date{2026y, std::chrono::March, 10d}} + 20h;
    r.audit_events = 42;
    r.audit_head = std::string(64, 'c');
    ex::ReportEntry day1;
    day1.uid = "entry-1";
    day1.date = core::Date{2026y, std::chrono::March, 4d};
    day1.scores.at(static_cast<std::size_t>(core::Symptom::erythema)) = 3;
    day1.scores.at(static_cast<std::size_t>(core::Symptom::pain)) = 5;
    day1.scores.at(static_cast<std::size_t>(core::Symptom::warmth)) = 1;
    day1.scores.at(static_cast<std::size_t>(core::Symptom::fever)) = 0;
    day1.gais_patient = 2;
    day1.note = "Tight skin, a little warm.";
    ex::ReportEntry day2;
    day2.uid = "entry-2";
    day2.date = core::Date{2026y, std::chrono::March, 5d};
    day2.scores.at(static_cast<std::size_t>(core::Symptom::erythema)) = 1;
    r.entries = {day1, day2};
    ex::ReportPhoto front;
    front.uid = "photo-1";
    front.entry_uid = "entry-1";
    front.taken_on = day1.date;
    front.area = "cheeks";
    front.view = "front";
    ex::ReportPhoto session;
    session.uid = "photo-2";
    session.taken_on = day2.date;
    session.area = "forehead";
    session.view = "";
    r.photos = {front, session};
    return r;
}

const Bytes photo_a = bytes_of("\xff\xd8 first photo \xff\xd9");
const Bytes photo_b = bytes_of("\xff\xd8 second, longer photo bytes \xff\xd9");

Bytes sample_body() {
    return ex::encode_report_body(sample_report(), {photo_a, photo_b});
}

/// A body whose JSON is `doc` and whose photo bytes are `photos`, as encode_report_body lays
/// it out but with whatever offsets `doc` says.
Bytes body_of(const nlohmann::json& doc, const Bytes& photos) {
    const auto text = doc.dump();
    Bytes out;
    ex::put_u32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
    out.insert(out.end(), photos.begin(), photos.end());
    return out;
}

/// The JSON of the sample body, to alter.
nlohmann::json sample_json() {
    const auto body = sample_body();
    const auto length = ex::get_u32(body, 0);
    return nlohmann::json::parse(body.begin() + 4, body.begin() + 4 + length);
}

Bytes both_photos() {
    Bytes all = photo_a;
    all.insert(all.end(), photo_b.begin(), photo_b.end());
    return all;
}

ExchangeErrc frame_error(const Bytes& file) {
    const auto frame = ex::read_frame(file);
    REQUIRE_FALSE(frame);
    CHECK_FALSE(frame.error().message.empty());
    return frame.error().code;
}

ExchangeErrc body_error(const Bytes& body) {
    const auto report = ex::decode_report_body(body);
    REQUIRE_FALSE(report);
    CHECK_FALSE(report.error().message.empty());
    return report.error().code;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Round trips

TEST_CASE("core: exchange: a care plan written as JSON reads back the same", "[core][exchange]") {
    const auto plan = sample_plan();
    const auto json = ex::care_plan_json(plan);
    const auto read = ex::parse_care_plan(json);
    REQUIRE(read);
    check_same_plan(plan, *read);
    CHECK(ex::care_plan_json(*read) == json);

    SECTION("without a Fitzpatrick type (written as null)") {
        auto none = plan;
        none.session.fitzpatrick.reset();
        const auto again = ex::parse_care_plan(ex::care_plan_json(none));
        REQUIRE(again);
        CHECK_FALSE(again->session.fitzpatrick);
    }
    SECTION("framed as a care plan file, its frame splits it back into header and body") {
        const auto body = bytes_of(json);
        const Bytes header{1, 2, 3, 4, 5};
        const auto file = file_of(FileKind::care_plan, header, body);
        const auto frame = ex::read_frame(file);
        REQUIRE(frame);
        CHECK(frame->kind == FileKind::care_plan);
        CHECK(Bytes(frame->header.begin(), frame->header.end()) == header);
        CHECK(Bytes(frame->body.begin(), frame->body.end()) == body);
        CHECK(frame->prefix.size() == ex::fixed_prefix_size + header.size() + 8);
        CHECK(frame->prefix.size() + frame->body.size() == file.size());
    }
}

TEST_CASE("core: exchange: a report body encoded and decoded gives the same entries and photos",
          "[core][exchange]") {
    const auto report = sample_report();
    const auto body = sample_body();
    const auto decoded = ex::decode_report_body(body);
    REQUIRE(decoded);
    const auto& r = decoded->report;
    CHECK(r.report_id == report.report_id);
    CHECK(r.plan_id == report.plan_id);
    CHECK(r.pairing_id == report.pairing_id);
    CHECK(r.patient_sign_public == report.patient_sign_public);
    CHECK(r.binding == report.binding);
    CHECK(r.created_at == report.created_at);
    CHECK(r.audit_events == 42);
    CHECK(r.audit_head == report.audit_head);
    REQUIRE(r.entries.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(r.entries[i].uid == report.entries[i].uid);
        CHECK(r.entries[i].date == report.entries[i].date);
        CHECK(r.entries[i].scores == report.entries[i].scores);
        CHECK(r.entries[i].gais_patient == report.entries[i].gais_patient);
        CHECK(r.entries[i].note == report.entries[i].note);
    }
    REQUIRE(r.photos.size() == 2);
    CHECK(r.photos[0].uid == "photo-1");
    CHECK(r.photos[0].entry_uid == "entry-1");
    CHECK(r.photos[0].view == "front");
    CHECK(r.photos[1].entry_uid.empty());
    CHECK(r.photos[1].view.empty());
    CHECK(r.photos[0].offset == 0);
    CHECK(r.photos[0].length == photo_a.size());
    CHECK(r.photos[1].offset == photo_a.size());
    CHECK(r.photos[1].length == photo_b.size());
    REQUIRE(decoded->photo_bytes.size() == 2);
    CHECK(Bytes(decoded->photo_bytes[0].begin(), decoded->photo_bytes[0].end()) == photo_a);
    CHECK(Bytes(decoded->photo_bytes[1].begin(), decoded->photo_bytes[1].end()) == photo_b);
    // The photos are views into the body given, not copies.
    CHECK(decoded->photo_bytes[1].data() + photo_b.size() == body.data() + body.size());
    // Encoded again from what was read: the same bytes.
    CHECK(ex::encode_report_body(r, decoded->photo_bytes) == body);

    SECTION("a report with no entries and no photos") {
        auto empty = report;
        empty.entries.clear();
        empty.photos.clear();
        const auto again = ex::decode_report_body(ex::encode_report_body(empty, {}));
        REQUIRE(again);
        CHECK(again->report.entries.empty());
        CHECK(again->photo_bytes.empty());
    }
}

// ---------------------------------------------------------------------------------------
// The frame

TEST_CASE("core: exchange: a truncated file is refused as incomplete", "[core][exchange]") {
    auto file = file_of(FileKind::recovery_report, Bytes(32, 7), sample_body());
    file.pop_back();
    CHECK(frame_error(file) == ExchangeErrc::malformed);
    SECTION("cut inside the header") {
        file.resize(ex::fixed_prefix_size + 10);
        CHECK(frame_error(file) == ExchangeErrc::malformed);
    }
    SECTION("cut inside the fixed prefix, after the magic: incomplete, not foreign") {
        file.resize(ex::fixed_prefix_size - 1);
        CHECK(frame_error(file) == ExchangeErrc::malformed);
    }
    SECTION("cut inside the magic") {
        file.resize(5);
        CHECK(frame_error(file) == ExchangeErrc::not_exchange);
    }
    SECTION("an empty file") {
        CHECK(frame_error({}) == ExchangeErrc::not_exchange);
    }
}

TEST_CASE("core: exchange: a byte after the body is refused", "[core][exchange]") {
    auto file = file_of(FileKind::care_plan, Bytes(16, 1), bytes_of("{}"));
    REQUIRE(ex::read_frame(file));
    file.push_back(0);
    CHECK(frame_error(file) == ExchangeErrc::malformed);
}

TEST_CASE("core: exchange: a file without the magic is not an exchange file", "[core][exchange]") {
    auto file = file_of(FileKind::care_plan, {}, bytes_of("{}"));
    file[7] = 'Y'; // PUNCTUMY
    CHECK(frame_error(file) == ExchangeErrc::not_exchange);
    CHECK(frame_error(bytes_of("%PDF-1.7 and then some more bytes")) == ExchangeErrc::not_exchange);
}

TEST_CASE("core: exchange: format version 2 is refused as unsupported, saying which version",
          "[core][exchange]") {
    auto file = file_of(FileKind::recovery_report, {}, sample_body());
    put_u16(file, 8, 2);
    const auto frame = ex::read_frame(file);
    REQUIRE_FALSE(frame);
    CHECK(frame.error().code == ExchangeErrc::unsupported);
    CHECK_THAT(frame.error().message, Catch::Contains("version 2"));
    SECTION("version 0 too") {
        put_u16(file, 8, 0);
        CHECK(frame_error(file) == ExchangeErrc::unsupported);
    }
}

TEST_CASE("core: exchange: an unknown kind of file is refused as unsupported", "[core][exchange]") {
    auto file = file_of(FileKind::care_plan, {}, bytes_of("{}"));
    for (const std::uint16_t kind : std::initializer_list<std::uint16_t>{0, 3, 0xffff}) {
        put_u16(file, 10, kind);
        CHECK(frame_error(file) == ExchangeErrc::unsupported);
    }
}

TEST_CASE("core: exchange: a header longer than 256 bytes is refused", "[core][exchange]") {
    // A well-formed frame in every other way: 257 header bytes, then the body's length.
    auto file = ex::write_prefix(FileKind::recovery_report, Bytes(257, 9), 2);
    file.push_back('{');
    file.push_back('}');
    CHECK(frame_error(file) == ExchangeErrc::malformed);
    SECTION("256 bytes is within the limit") {
        auto ok = ex::write_prefix(FileKind::recovery_report, Bytes(256, 9), 2);
        ok.push_back('{');
        ok.push_back('}');
        CHECK(ex::read_frame(ok));
    }
    SECTION("a header length near 4 GiB is refused from the fixed prefix alone") {
        Bytes start = ex::write_prefix(FileKind::care_plan, {}, 0);
        put_u32_at(start, 12, 0xffffffffu);
        const auto prefix = ex::read_prefix(start, 1u << 20);
        REQUIRE_FALSE(prefix);
        CHECK(prefix.error().code == ExchangeErrc::malformed);
    }
}

TEST_CASE("core: exchange: a body over its kind's limit is refused from the first bytes only",
          "[core][exchange]") {
    constexpr std::uint64_t ten_gib = 10ull << 30;
    SECTION("a recovery report claiming 10 GiB: 40 bytes are enough to refuse it") {
        // 16 fixed bytes, a 16-byte header, the body's length: 40 bytes, no body at all.
        const auto start = ex::write_prefix(FileKind::recovery_report, Bytes(16, 5), ten_gib);
        REQUIRE(start.size() == 40);
        const auto prefix = ex::read_prefix(start, start.size() + ten_gib);
        REQUIRE_FALSE(prefix);
        CHECK(prefix.error().code == ExchangeErrc::too_large);
        CHECK_THAT(prefix.error().message, Catch::Contains("256 MiB"));
    }
    SECTION("a care plan one byte over 1 MiB") {
        const auto start =
            ex::write_prefix(FileKind::care_plan, Bytes(16, 5), ex::max_care_plan_body + 1);
        const auto prefix = ex::read_prefix(start, start.size() + ex::max_care_plan_body + 1);
        REQUIRE_FALSE(prefix);
        CHECK(prefix.error().code == ExchangeErrc::too_large);
    }
    SECTION("a care plan of exactly 1 MiB is read") {
        const auto start = ex::write_prefix(FileKind::care_plan, {}, ex::max_care_plan_body);
        const auto prefix = ex::read_prefix(start, start.size() + ex::max_care_plan_body);
        REQUIRE(prefix);
        CHECK(prefix->body_length == ex::max_care_plan_body);
        CHECK(prefix->prefix_size() + prefix->body_length ==
              ex::max_file_size(FileKind::care_plan) - ex::max_header_size);
    }
    SECTION("a body length that wraps a 64-bit sum is too large, not a short file") {
        const auto start = ex::write_prefix(FileKind::recovery_report, {}, ~0ull);
        const auto prefix = ex::read_prefix(start, 100);
        REQUIRE_FALSE(prefix);
        CHECK(prefix.error().code == ExchangeErrc::too_large);
    }
    SECTION("a file size that disagrees with the lengths it states") {
        auto start = ex::write_prefix(FileKind::recovery_report, {}, 100);
        CHECK(ex::read_prefix(start, start.size() + 100));
        CHECK(ex::read_prefix(start, start.size() + 99).error().code == ExchangeErrc::malformed);
        CHECK(ex::read_prefix(start, start.size() + 101).error().code == ExchangeErrc::malformed);
        put_u64_at(start, ex::fixed_prefix_size, 101);
        CHECK(ex::read_prefix(start, start.size() + 101));
    }
}

// ---------------------------------------------------------------------------------------
// The report's body

TEST_CASE("core: exchange: a report whose ids repeat is refused", "[core][exchange]") {
    auto doc = sample_json();
    SECTION("two entries with one id") {
        doc["entries"][1]["id"] = doc["entries"][0]["id"];
    }
    SECTION("two photos with one id") {
        doc["photos"][1]["id"] = doc["photos"][0]["id"];
    }
    SECTION("a photo with an entry's id") {
        doc["photos"][1]["id"] = doc["entries"][0]["id"];
    }
    const auto report = ex::decode_report_body(body_of(doc, both_photos()));
    REQUIRE_FALSE(report);
    CHECK(report.error().code == ExchangeErrc::malformed);
    CHECK_THAT(report.error().message, Catch::Contains("repeats an id"));
}

TEST_CASE("core: exchange: photos must follow each other exactly, no gap or overlap",
          "[core][exchange]") {
    auto doc = sample_json();
    auto photos = both_photos();
    const auto a = photo_a.size();
    SECTION("a gap between the two photos") {
        doc["photos"][1]["offset"] = a + 1;
        doc["photos"][1]["length"] = photo_b.size() - 1;
    }
    SECTION("the second overlapping the first") {
        doc["photos"][1]["offset"] = a - 1;
        doc["photos"][1]["length"] = photo_b.size() + 1;
    }
    SECTION("both at the start") {
        doc["photos"][1]["offset"] = 0;
    }
    SECTION("the last photo running past the end") {
        doc["photos"][1]["length"] = photo_b.size() + 1;
    }
    SECTION("bytes after the last photo") {
        photos.push_back(0);
    }
    SECTION("photo bytes with no photo listed") {
        doc["photos"] = nlohmann::json::array();
    }
    SECTION("an offset far past the end") {
        doc["photos"][1]["offset"] = ex::max_report_body;
    }
    SECTION("an empty photo") {
        doc["photos"][1]["length"] = 0;
    }
    SECTION("a negative offset") {
        doc["photos"][0]["offset"] = -1;
    }
    CHECK(body_error(body_of(doc, photos)) == ExchangeErrc::malformed);
}

TEST_CASE("core: exchange: a report body whose JSON length does not fit is refused",
          "[core][exchange]") {
    auto body = sample_body();
    SECTION("longer than the body") {
        put_u32_at(body, 0, static_cast<std::uint32_t>(body.size()));
    }
    SECTION("shorter than the JSON") {
        put_u32_at(body, 0, ex::get_u32(body, 0) - 1);
    }
    SECTION("fewer than 4 bytes") {
        body.resize(3);
    }
    CHECK(body_error(body) == ExchangeErrc::malformed);
}

TEST_CASE("core: exchange: a report body claiming JSON over the format's limit is refused as "
          "too large",
          "[core][exchange]") {
    auto body = sample_body();
    put_u32_at(body, 0, 0xffffffffu);
    CHECK(body_error(body) == ExchangeErrc::too_large);
}

TEST_CASE("core: exchange: an unknown JSON field is refused and named", "[core][exchange]") {
    SECTION("at the top of a care plan") {
        auto doc = nlohmann::json::parse(ex::care_plan_json(sample_plan()));
        doc["practitioner_notes"] = "not for the patient";
        const auto plan = ex::parse_care_plan(doc.dump());
        REQUIRE_FALSE(plan);
        CHECK(plan.error().code == ExchangeErrc::malformed);
        CHECK_THAT(plan.error().message, Catch::Contains("practitioner_notes"));
    }
    SECTION("inside a care plan's session") {
        auto doc = nlohmann::json::parse(ex::care_plan_json(sample_plan()));
        doc["session"]["areas"][0]["colour"] = "red";
        const auto plan = ex::parse_care_plan(doc.dump());
        REQUIRE_FALSE(plan);
        CHECK_THAT(plan.error().message, Catch::Contains("colour"));
    }
    SECTION("a symptom Punctum does not know in the expected course") {
        auto doc = nlohmann::json::parse(ex::care_plan_json(sample_plan()));
        doc["expected_resolve_by_day"]["sneezing"] = 2;
        const auto plan = ex::parse_care_plan(doc.dump());
        REQUIRE_FALSE(plan);
        CHECK_THAT(plan.error().message, Catch::Contains("sneezing"));
    }
    SECTION("in a report entry") {
        auto doc = sample_json();
        doc["entries"][0]["mood"] = 3;
        const auto report = ex::decode_report_body(body_of(doc, both_photos()));
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ExchangeErrc::malformed);
        CHECK_THAT(report.error().message, Catch::Contains("mood"));
    }
    SECTION("at the top of a report") {
        auto doc = sample_json();
        doc["clinic_notes"] = "x";
        const auto report = ex::decode_report_body(body_of(doc, both_photos()));
        REQUIRE_FALSE(report);
        CHECK_THAT(report.error().message, Catch::Contains("clinic_notes"));
    }
}

TEST_CASE("core: exchange: a care plan missing a field or out of range is refused",
          "[core][exchange]") {
    auto doc = nlohmann::json::parse(ex::care_plan_json(sample_plan()));
    SECTION("no plan id") {
        doc.erase("plan_id");
    }
    SECTION("an upper-case key") {
        doc["clinic"]["box_public"] = std::string(64, 'A');
    }
    SECTION("version 2 of the JSON") {
        doc["version"] = 2;
    }
    SECTION("another format") {
        doc["format"] = "punctum-recovery-report";
    }
    SECTION("no areas") {
        doc["session"]["areas"] = nlohmann::json::array();
    }
    SECTION("a depth of 4 mm") {
        doc["session"]["areas"][0]["depth_mm"] = 4.0;
    }
    SECTION("Fitzpatrick type 7") {
        doc["session"]["fitzpatrick"] = 7;
    }
    SECTION("an invalid date") {
        doc["session"]["treated_on"] = "2026-02-30";
    }
    SECTION("not JSON at all") {
        const auto plan = ex::parse_care_plan("{\"format\": ");
        REQUIRE_FALSE(plan);
        CHECK(plan.error().code == ExchangeErrc::malformed);
        return;
    }
    const auto plan = ex::parse_care_plan(doc.dump());
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == ExchangeErrc::malformed);
    CHECK_FALSE(plan.error().message.empty());
}

// ---------------------------------------------------------------------------------------
// The pairing code

TEST_CASE("core: exchange: a pairing code is read forgivingly as Crockford base32",
          "[core][exchange]") {
    const std::array<std::uint8_t, ex::pairing_code_random_bytes> random{1, 2, 3, 4, 5, 6, 7};
    const auto code = ex::format_pairing_code(random);
    REQUIRE(code.size() == 11);
    CHECK(code[5] == '-');
    const auto canonical = code.substr(0, 5) + code.substr(6);
    CHECK(ex::normalize_pairing_code(code) == canonical);

    CHECK(ex::normalize_pairing_code("ABCDE-FGHJK") == "ABCDEFGHJK");
    CHECK(ex::normalize_pairing_code("abcde-fghjk") == "ABCDEFGHJK");
    CHECK(ex::normalize_pairing_code("  ab cde fg hjk ") == "ABCDEFGHJK");
    CHECK(ex::normalize_pairing_code("AB-CD-EF-GH-JK") == "ABCDEFGHJK");
    CHECK(ex::normalize_pairing_code("O0oO0-12345") == "0000012345");
    CHECK(ex::normalize_pairing_code("IiLl1-ABCDE") == "11111ABCDE");
    // A normalised code normalises to itself.
    CHECK(ex::normalize_pairing_code("0000012345") == "0000012345");
}

TEST_CASE("core: exchange: a pairing code of the wrong length or with foreign letters is refused",
          "[core][exchange]") {
    CHECK_FALSE(ex::normalize_pairing_code(""));
    CHECK_FALSE(ex::normalize_pairing_code("---  --"));
    CHECK_FALSE(ex::normalize_pairing_code("ABCDE-FGHJ"));   // 9
    CHECK_FALSE(ex::normalize_pairing_code("ABCDE-FGHJKM")); // 11
    CHECK_FALSE(ex::normalize_pairing_code(std::string(1000, 'A')));
    CHECK_FALSE(ex::normalize_pairing_code("ABCDE-FGHJU")); // U is not in the alphabet
    CHECK_FALSE(ex::normalize_pairing_code("ABCDE_FGHJK")); // only spaces and dashes are ignored
    CHECK_FALSE(ex::normalize_pairing_code("ABCDE\tFGHJK"));
    CHECK_FALSE(ex::normalize_pairing_code(std::string("ABCDE\0FGHJK", 11)));
    CHECK_FALSE(ex::normalize_pairing_code("ÀBCDE-FGHJK"));
}
