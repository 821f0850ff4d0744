#include "punctum/core/demo/demo_clinic.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace punctum::core {
namespace {

using namespace std::string_view_literals;

constexpr std::array given_names{"Amara"sv, "Ben"sv,   "Chloe"sv, "Dev"sv,    "Elif"sv,
                                 "Farah"sv, "Grace"sv, "Hugo"sv,  "Ines"sv,   "Jonas"sv,
                                 "Kemi"sv,  "Lena"sv,  "Mateo"sv, "Nadia"sv,  "Omar"sv,
                                 "Priya"sv, "Rosa"sv,  "Sami"sv,  "Tomasz"sv, "Yuki"sv};
constexpr std::array family_names{"Adeyemi"sv, "Brennan"sv,  "Castillo"sv,  "Dubois"sv,
                                  "Eriksen"sv, "Fischer"sv,  "Gallagher"sv, "Haddad"sv,
                                  "Ivanova"sv, "Jensen"sv,   "Kowalski"sv,  "Lindqvist"sv,
                                  "Moreau"sv,  "Nakamura"sv, "Okafor"sv,    "Patel"sv};
constexpr std::array areas{"forehead"sv, "cheeks"sv, "chin"sv, "nose"sv, "neck"sv};
constexpr std::array devices{"SkinPen Precision"sv, "Dermapen 4"sv, "Dr.Pen M8"sv};
constexpr std::array depths{0.5, 1.0, 1.5, 2.0};
constexpr std::array serials{"SP-20418"sv, "DP4-77310"sv, "M8-51902"sv}; // per device

// SplitMix64: tiny, fast and the same on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t state_;
};

// Entries for the days after a session. A usual course: redness 2-3 on day 0 or 1,
// settling by day 3; swelling milder; dryness from day 3. An unusual course lingers, or
// shows warmth and pus from day 3 (infection), or blisters on day 1 (cold sore).
std::vector<RecoveryEntry> demo_entries(Rng& rng, Date treated_on, Date today) {
    enum class Course { usual, lingering, infection, cold_sore };
    const int roll = rng.below(100);
    const Course course = roll < 80   ? Course::usual
                          : roll < 90 ? Course::lingering
                          : roll < 95 ? Course::infection
                                      : Course::cold_sore;
    std::vector<RecoveryEntry> entries;
    const int peak = 2 + rng.below(2);
    for (int day = 0; day <= 7; ++day) {
        const Date on{std::chrono::sys_days{treated_on} + std::chrono::days{day}};
        if (days_between(on, today) < 0) {
            break;
        }
        if (day > 0 && rng.chance(15)) {
            continue; // patients skip a day now and then
        }
        RecoveryEntry e;
        e.observed_on = on;
        e.reporter = Reporter::patient;
        int redness = std::max(0, peak - day);
        if (course == Course::lingering || course == Course::infection) {
            redness = day < 2 ? peak : std::min(4, peak - 1 + (day >= 4 ? 1 : 0));
        }
        e.set(Symptom::erythema, redness);
        e.set(Symptom::edema, std::max(0, redness - 1));
        e.set(Symptom::pain, std::max(0, 3 - day));
        e.set(Symptom::dryness, day >= 3 ? 1 : 0);
        e.set(Symptom::bleeding, day == 0 ? 1 : 0);
        const bool infected = course == Course::infection && day >= 3;
        e.set(Symptom::warmth, infected ? 1 : 0);
        e.set(Symptom::pus, infected ? 1 : 0);
        e.set(Symptom::blisters, course == Course::cold_sore && day >= 1 && day <= 3 ? 1 : 0);
        if (infected) {
            e.note = "Skin feels hot and there is some yellow crust.";
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

// Why a client is treated, drawn once per client: the mix of a general clinic, acne scars
// most often. Each course is planned as clinics do (norms.md: 4-6 weeks apart, several
// sessions), and the first session's acne scars are graded (Goodman and Baron).
struct DemoPlan {
    Indication indication = Indication::texture_tone;
    std::string detail;
    std::optional<int> scar_grade;
    int sessions = 3;
    int interval_days = 28;
};

DemoPlan demo_plan(Rng& rng) {
    DemoPlan plan;
    const int roll = rng.below(100);
    plan.indication = roll < 35   ? Indication::acne_scars
                      : roll < 60 ? Indication::fine_lines
                      : roll < 80 ? Indication::texture_tone
                      : roll < 90 ? Indication::pores
                      : roll < 95 ? Indication::stretch_marks
                                  : Indication::other;
    if (plan.indication == Indication::acne_scars) {
        plan.scar_grade = 2 + rng.below(3); // mild to severe
        plan.sessions = 4;
    } else if (plan.indication == Indication::stretch_marks) {
        plan.sessions = 6;
    } else if (plan.indication == Indication::other) {
        plan.detail = "post-inflammatory marks";
    }
    plan.interval_days = rng.chance(70) ? 28 : 42;
    return plan;
}

// The treatment record a practitioner keeps, filled as a careful clinic would. Drawn from
// its own random stream, so the clients, sessions and entries stay those of earlier
// versions for the same seed.
void fill_record(TreatmentSession& s, Rng& rng, const DemoPlan& plan, int device) {
    s.indication = plan.indication;
    s.indication_detail = plan.detail;
    s.scar_grade = plan.scar_grade;
    s.course_sessions = plan.sessions;
    s.course_interval_days = plan.interval_days;
    const double depth = s.max_depth_mm();
    if (depth >= 1.0) {
        s.anaesthetic = "lidocaine 4% cream";
        s.anaesthetic_minutes = 20 + 5 * rng.below(5);
    }
    s.skin_prep = "chlorhexidine 0.5% in 70% alcohol";
    s.cartridge_lot = "C" + std::to_string(24000 + rng.below(900));
    s.cartridge_expiry =
        Date{std::chrono::sys_days{s.treated_on} + std::chrono::days{120 + rng.below(400)}};
    s.device_serial = std::string(serials.at(static_cast<std::size_t>(device)));
    // Deeper needling aims for marked redness and pinpoint bleeding (norms.md).
    s.endpoint_erythema = depth >= 1.5 ? 3 : 2;
    s.endpoint_bleeding = depth >= 1.5 ? 1 : 0;
    s.antiviral_prophylaxis = rng.chance(10);
    s.consent_form = "Microneedling treatment consent";
    s.consent_version = "v3";
    s.products.push_back({"hyaluronic acid serum", "HA" + std::to_string(100 + rng.below(50)),
                          ProductPhase::procedure});
    s.products.push_back({"mineral sunscreen SPF 50", "", ProductPhase::aftercare});
    if (rng.chance(50)) {
        s.products.push_back({"ceramide barrier cream", "CB" + std::to_string(10 + rng.below(20)),
                              ProductPhase::aftercare});
    }
}

// The four-week review, once it has happened: the practitioner's and the client's Global
// Aesthetic Improvement Scale, better as the course goes on, and no symptom scores.
std::optional<RecoveryEntry> demo_review(Rng& rng, Date treated_on, Date today, int number) {
    const Date on{std::chrono::sys_days{treated_on} + std::chrono::days{28}};
    if (days_between(on, today) < 0) {
        return std::nullopt;
    }
    RecoveryEntry e;
    e.observed_on = on;
    e.reporter = Reporter::clinician;
    const int base = std::max(1, 4 - number); // 3 improved after the first session, then 2, 1
    e.gais_practitioner = std::min(5, base + (rng.chance(20) ? 1 : 0));
    e.gais_patient = std::clamp(base + rng.below(3) - 1, 1, 5);
    e.note = "Four-week review.";
    return e;
}

} // namespace

DemoClient demo_client(std::uint64_t seed, int index, Date today, int sessions_wanted) {
    std::uint64_t stream = seed * std::uint64_t{1000003};
    stream += static_cast<std::uint64_t>(index);
    Rng rng(stream);
    DemoClient out;
    out.client.display_name =
        std::string(given_names.at(
            static_cast<std::size_t>(rng.below(static_cast<int>(given_names.size()))))) +
        " " +
        std::string(family_names.at(
            static_cast<std::size_t>(rng.below(static_cast<int>(family_names.size())))));
    out.client.fitzpatrick = 1 + rng.below(6);
    out.client.date_of_birth = Date{std::chrono::year{1960 + rng.below(40)},
                                    std::chrono::month{1U + static_cast<unsigned>(rng.below(12))},
                                    std::chrono::day{1U + static_cast<unsigned>(rng.below(28))}};

    const int drawn = 1 + rng.below(3); // drawn even when overridden: same names either way
    const int sessions = sessions_wanted > 0 ? sessions_wanted : drawn;
    Rng record_rng(stream ^ 0x5eed5eed5eed5eedULL);
    const DemoPlan plan = demo_plan(record_rng);
    // Sessions four to six weeks apart, the last one within the past fortnight.
    int days_ago = rng.below(14);
    std::vector<DemoSession> newest_first;
    for (int s = 0; s < sessions; ++s) {
        DemoSession ds;
        ds.session.treated_on = Date{std::chrono::sys_days{today} - std::chrono::days{days_ago}};
        const int device = rng.below(3);
        ds.session.device = std::string(devices.at(static_cast<std::size_t>(device)));
        const int area_count = 1 + rng.below(3);
        for (int a = 0; a < area_count; ++a) {
            ds.session.areas.push_back(
                {std::string(areas.at(static_cast<std::size_t>(((index % 5) + 5 + a) % 5))),
                 depths.at(static_cast<std::size_t>(rng.below(4))), 2 + rng.below(3)});
        }
        ds.entries = demo_entries(rng, ds.session.treated_on, today);
        fill_record(ds.session, record_rng, plan, device);
        newest_first.push_back(std::move(ds));
        days_ago += 28 + rng.below(15);
    }
    out.sessions.assign(newest_first.rbegin(), newest_first.rend());
    for (std::size_t i = 0; i < out.sessions.size(); ++i) {
        auto& ds = out.sessions[i];
        if (i > 0) {
            ds.session.scar_grade.reset(); // graded at the start of the course
        }
        if (auto review =
                demo_review(record_rng, ds.session.treated_on, today, static_cast<int>(i) + 1)) {
            ds.entries.push_back(std::move(*review));
        }
    }
    return out;
}

} // namespace punctum::core
