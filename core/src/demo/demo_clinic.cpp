#include "punctum/core/demo/demo_clinic.h"

#include <array>
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
    // Sessions four to six weeks apart, the last one within the past fortnight.
    int days_ago = rng.below(14);
    std::vector<DemoSession> newest_first;
    for (int s = 0; s < sessions; ++s) {
        DemoSession ds;
        ds.session.treated_on = Date{std::chrono::sys_days{today} - std::chrono::days{days_ago}};
        ds.session.device = std::string(devices.at(static_cast<std::size_t>(rng.below(3))));
        const int area_count = 1 + rng.below(3);
        for (int a = 0; a < area_count; ++a) {
            ds.session.areas.push_back(
                {std::string(areas.at(static_cast<std::size_t>(((index % 5) + 5 + a) % 5))),
                 depths.at(static_cast<std::size_t>(rng.below(4))), 2 + rng.below(3)});
        }
        ds.entries = demo_entries(rng, ds.session.treated_on, today);
        newest_first.push_back(std::move(ds));
        days_ago += 28 + rng.below(15);
    }
    out.sessions.assign(newest_first.rbegin(), newest_first.rend());
    return out;
}

} // namespace punctum::core
