#include "punctum/core/exchange/recovery_report.h"

#include "exchange_json.h"
#include "punctum/core/exchange/care_plan.h"
#include "punctum/core/exchange/exchange_frame.h"
#include "punctum/core/model/photo_view.h"

#include <limits>
#include <set>

namespace punctum::core::exchange {

namespace {

using nlohmann::json;
using namespace detail;

constexpr std::size_t max_uid = 64;

std::string uid_field(StrictObject& o, const std::string& key) {
    auto v = o.text(key);
    if (v.empty() || v.size() > max_uid ||
        v.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
        bad(o.field(key) + " must be an id of lower-case letters, digits and '-'.");
    }
    return v;
}

json entry_json(const ReportEntry& e) {
    json j = {{"id", e.uid}, {"date", format_date(e.date)}};
    for (const auto& scale : all_scales()) {
        if (const auto& v = e.scores.at(static_cast<std::size_t>(scale.symptom))) {
            j[std::string(scale.key)] = scale.yes_no ? json(*v != 0) : json(*v);
        }
    }
    if (e.gais_patient) {
        j["gais_patient"] = *e.gais_patient;
    }
    if (!e.note.empty()) {
        j["note"] = e.note;
    }
    return j;
}

// The fields of `punctum-cli assess` entries, plus the id, the date and the patient's own
// ratings: the same scales, the same ranges.
ReportEntry read_entry(StrictObject o) {
    ReportEntry e;
    e.uid = uid_field(o, "id");
    e.date = date_field(o, "date");
    for (const auto& scale : all_scales()) {
        const std::string key(scale.key);
        if (o.has(key)) {
            e.scores.at(static_cast<std::size_t>(scale.symptom)) =
                scale.yes_no ? (o.boolean(key) ? 1 : 0) : o.integer(key, 0, scale.max);
        }
    }
    if (o.has("gais_patient")) {
        e.gais_patient = o.integer("gais_patient", 1, 5);
    }
    if (o.has("note")) {
        e.note = text_field(o, "note", max_note_length);
    }
    o.finish();
    return e;
}

ReportPhoto read_photo(StrictObject o) {
    ReportPhoto p;
    p.uid = uid_field(o, "id");
    if (o.has("entry")) {
        p.entry_uid = uid_field(o, "entry");
    }
    p.taken_on = date_field(o, "taken_on");
    p.area = text_field(o, "area", 200);
    p.view = o.text("view");
    if (!photo_view_from_string(p.view)) {
        bad(o.field("view") + " must be one of unspecified, front, left, right, oblique.");
    }
    const auto& offset = o.raw("offset");
    const auto& length = o.raw("length");
    if (!offset.is_number_unsigned() || !length.is_number_unsigned() ||
        offset.get<std::uint64_t>() > max_report_body || length.get<std::uint64_t>() == 0 ||
        length.get<std::uint64_t>() > max_report_body) {
        bad(o.path() + " has an offset or length outside the report.");
    }
    p.offset = offset.get<std::uint64_t>();
    p.length = length.get<std::uint64_t>();
    o.finish();
    return p;
}

RecoveryReport read_report(const json& root) {
    StrictObject o(root, "report");
    if (o.text("format") != "punctum-recovery-report" || o.integer("version", 1, 1) != 1) {
        bad("report.format must be \"punctum-recovery-report\", version 1.");
    }
    RecoveryReport r;
    r.report_id = hex_field(o, "report_id", 16);
    r.plan_id = hex_field(o, "plan_id", 16);
    r.pairing_id = hex_field(o, "pairing_id", 16);
    r.patient_sign_public = hex_field(o, "patient_sign_public", 32);
    r.binding = hex_field(o, "binding", 32);
    r.created_at = timestamp_field(o, "created_at");
    {
        StrictObject a = o.object("audit_head");
        r.audit_events = a.integer("events", 0, std::numeric_limits<int>::max());
        r.audit_head = a.text("mac");
        if (r.audit_head.size() > 128 || !is_hex(r.audit_head, r.audit_head.size() / 2)) {
            bad(a.field("mac") + " must be hex digits.");
        }
        a.finish();
    }
    const auto& entries = o.array("entries");
    const auto& photos = o.array("photos");
    if (entries.size() > max_report_entries || photos.size() > max_report_photos) {
        bad("report holds more than " + std::to_string(max_report_entries) + " entries or " +
            std::to_string(max_report_photos) + " photos.");
    }
    std::set<std::string> uids;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        r.entries.push_back(read_entry({entries[i], "entries[" + std::to_string(i) + "]"}));
        if (!uids.insert(r.entries.back().uid).second) {
            bad("entries[" + std::to_string(i) + "].id repeats an id.");
        }
    }
    for (std::size_t i = 0; i < photos.size(); ++i) {
        r.photos.push_back(read_photo({photos[i], "photos[" + std::to_string(i) + "]"}));
        if (!uids.insert(r.photos.back().uid).second) {
            bad("photos[" + std::to_string(i) + "].id repeats an id.");
        }
    }
    o.finish();
    return r;
}

} // namespace

std::vector<std::uint8_t>
encode_report_body(RecoveryReport r,
                   const std::vector<std::span<const std::uint8_t>>& photo_bytes) {
    std::uint64_t offset = 0;
    json photos = json::array();
    for (std::size_t i = 0; i < r.photos.size(); ++i) {
        auto& p = r.photos[i];
        p.offset = offset;
        p.length = photo_bytes.at(i).size();
        offset += p.length;
        json j = {{"id", p.uid},        {"taken_on", format_date(p.taken_on)},
                  {"area", p.area},     {"view", p.view},
                  {"offset", p.offset}, {"length", p.length}};
        if (!p.entry_uid.empty()) {
            j["entry"] = p.entry_uid;
        }
        photos.push_back(std::move(j));
    }
    json entries = json::array();
    for (const auto& e : r.entries) {
        entries.push_back(entry_json(e));
    }
    const json doc = {{"format", "punctum-recovery-report"},
                      {"version", 1},
                      {"report_id", r.report_id},
                      {"plan_id", r.plan_id},
                      {"pairing_id", r.pairing_id},
                      {"patient_sign_public", r.patient_sign_public},
                      {"binding", r.binding},
                      {"created_at", format_timestamp(r.created_at)},
                      {"audit_head", {{"events", r.audit_events}, {"mac", r.audit_head}}},
                      {"entries", entries},
                      {"photos", photos}};
    const auto text = doc.dump();
    std::vector<std::uint8_t> out;
    out.reserve(4 + text.size() + offset);
    put_u32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
    for (const auto& bytes : photo_bytes) {
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    return out;
}

ExchangeResult<DecodedReport> decode_report_body(std::span<const std::uint8_t> body) {
    if (body.size() < 4) {
        return fail(ExchangeErrc::malformed, "This recovery report is empty inside.");
    }
    const std::size_t json_length = get_u32(body, 0);
    if (json_length > max_report_json) {
        return fail(ExchangeErrc::too_large,
                    "This recovery report's record part is larger than the format allows (" +
                        std::to_string(max_report_json >> 20) + " MiB). It was not read.");
    }
    if (json_length > body.size() - 4) {
        return fail(ExchangeErrc::malformed,
                    "This recovery report's contents are longer than the report itself.");
    }
    const std::string_view text(reinterpret_cast<const char*>(body.data() + 4), json_length);
    auto report = read_json<RecoveryReport>(
        text, "This recovery report",
        [](const json& root) -> ExchangeResult<RecoveryReport> { return read_report(root); });
    if (!report) {
        return report.failure();
    }
    const auto photos = body.subspan(4 + json_length);
    DecodedReport out;
    std::uint64_t expected = 0;
    for (const auto& p : report->photos) {
        // Photos follow each other with no gap or overlap, exactly filling the rest.
        if (p.offset != expected || p.length > photos.size() - expected) {
            return fail(ExchangeErrc::malformed,
                        "A photo in this recovery report lies outside the report's bytes.");
        }
        out.photo_bytes.push_back(photos.subspan(p.offset, p.length));
        expected += p.length;
    }
    if (expected != photos.size()) {
        return fail(ExchangeErrc::malformed,
                    "This recovery report has bytes that belong to no photo.");
    }
    out.report = std::move(report).value();
    return out;
}

} // namespace punctum::core::exchange
