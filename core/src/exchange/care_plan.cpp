#include "punctum/core/exchange/care_plan.h"

#include "exchange_json.h"
#include "punctum/core/model/symptom.h"

namespace punctum::core::exchange {

namespace {

using nlohmann::json;
using namespace detail;

constexpr std::size_t max_text = 4000;
constexpr std::size_t max_list = 100;
constexpr std::size_t max_profile = 512u * 1024;

std::vector<std::string> text_list(StrictObject& o, const std::string& key) {
    const auto& list = o.array(key);
    if (list.size() > max_list) {
        bad(o.field(key) + " has more than " + std::to_string(max_list) + " items.");
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string() || list[i].get<std::string>().size() > max_text) {
            bad(o.field(key) + "[" + std::to_string(i) + "] must be text.");
        }
        out.push_back(list[i].get<std::string>());
    }
    return out;
}

CarePlan::Session read_session(StrictObject o) {
    CarePlan::Session s;
    s.treated_on = date_field(o, "treated_on");
    const auto& areas = o.array("areas");
    if (areas.empty() || areas.size() > max_list) {
        bad(o.field("areas") + " must list from 1 to " + std::to_string(max_list) + " areas.");
    }
    for (std::size_t i = 0; i < areas.size(); ++i) {
        StrictObject a(areas[i], o.field("areas") + "[" + std::to_string(i) + "]");
        s.areas.push_back({text_field(a, "area", 200), a.number("depth_mm", 0.1, 3.0),
                           a.integer("passes", 1, 20)});
        a.finish();
    }
    s.add_ons = text_list(o, "add_ons");
    if (!o.raw("fitzpatrick").is_null()) {
        s.fitzpatrick = o.integer("fitzpatrick", 1, 6);
    }
    s.practitioner = text_field(o, "practitioner", 200);
    s.aftercare_given = text_field(o, "aftercare_given", max_text);
    o.finish();
    return s;
}

CarePlan read_plan(const json& root) {
    StrictObject o(root, "care plan");
    if (o.text("format") != "punctum-care-plan" || o.integer("version", 1, 1) != 1) {
        bad("care plan.format must be \"punctum-care-plan\", version 1.");
    }
    CarePlan p;
    p.plan_id = hex_field(o, "plan_id", 16);
    p.pairing_id = hex_field(o, "pairing_id", 16);
    p.pairing_secret = hex_field(o, "pairing_secret", 32);
    p.issued_at = timestamp_field(o, "issued_at");
    {
        StrictObject c = o.object("clinic");
        p.clinic.name = text_field(c, "name", 200);
        p.clinic.box_public = hex_field(c, "box_public", 32);
        p.clinic.sign_public = hex_field(c, "sign_public", 32);
        c.finish();
    }
    p.session = read_session(o.object("session"));
    p.norms_profile = text_field(o, "norms_profile", max_profile);
    p.aftercare = text_list(o, "aftercare");
    p.preparation = text_list(o, "preparation");
    {
        StrictObject e = o.object("expected_resolve_by_day");
        for (const auto& [key, value] : e.whole().items()) {
            if (!symptom_from_key(key)) {
                bad(e.field(key) + " is not a symptom Punctum knows.");
            }
            p.expected_resolve_by_day[key] = e.integer(key, 0, 365);
        }
        e.finish();
    }
    o.finish();
    return p;
}

} // namespace

std::string care_plan_json(const CarePlan& p) {
    json areas = json::array();
    for (const auto& a : p.session.areas) {
        areas.push_back({{"area", a.area}, {"depth_mm", a.depth_mm}, {"passes", a.passes}});
    }
    json expected = json::object();
    for (const auto& [key, day] : p.expected_resolve_by_day) {
        expected[key] = day;
    }
    json doc = {
        {"format", "punctum-care-plan"},
        {"version", 1},
        {"plan_id", p.plan_id},
        {"pairing_id", p.pairing_id},
        {"pairing_secret", p.pairing_secret},
        {"issued_at", format_timestamp(p.issued_at)},
        {"clinic",
         {{"name", p.clinic.name},
          {"box_public", p.clinic.box_public},
          {"sign_public", p.clinic.sign_public}}},
        {"session",
         {{"treated_on", format_date(p.session.treated_on)},
          {"areas", areas},
          {"add_ons", p.session.add_ons},
          {"fitzpatrick", p.session.fitzpatrick ? json(*p.session.fitzpatrick) : json(nullptr)},
          {"practitioner", p.session.practitioner},
          {"aftercare_given", p.session.aftercare_given}}},
        {"norms_profile", p.norms_profile},
        {"aftercare", p.aftercare},
        {"preparation", p.preparation},
        {"expected_resolve_by_day", expected},
    };
    return doc.dump();
}

ExchangeResult<CarePlan> parse_care_plan(std::string_view text) {
    return read_json<CarePlan>(
        text, "This care plan",
        [](const json& root) -> ExchangeResult<CarePlan> { return read_plan(root); });
}

} // namespace punctum::core::exchange
