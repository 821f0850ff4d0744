// The synthetic clinic: deterministic, varied, and made only of records the vault accepts.

#include "punctum/core/demo/demo_clinic.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

using namespace std::chrono;
namespace core = punctum::core;
using core::Symptom;

namespace {

const core::Date today{year{2026}, month{3}, day{3}};

// Everything a demo client holds, as text: equal fingerprints mean equal clients.
std::string fingerprint(const core::DemoClient& d) {
    std::ostringstream out;
    out << d.client.display_name << '|' << d.client.fitzpatrick.value_or(0) << '|'
        << (d.client.date_of_birth ? core::format_date(*d.client.date_of_birth) : "-") << '\n';
    for (const auto& ds : d.sessions) {
        out << core::format_date(ds.session.treated_on) << '|' << ds.session.device;
        for (const auto& a : ds.session.areas) {
            out << '|' << a.area << ':' << a.depth_mm << ':' << a.passes;
        }
        out << '\n';
        for (const auto& e : ds.entries) {
            out << "  " << core::format_date(e.observed_on) << ' ' << core::to_string(e.reporter);
            for (const auto& s : e.scores) {
                out << ' ' << (s ? std::to_string(*s) : "?");
            }
            out << ' ' << e.note << '\n';
        }
    }
    return out.str();
}

} // namespace

TEST_CASE("core: demo_client is the same for the same seed and index", "[core][demo]") {
    for (int index : {0, 1, 7, 123}) {
        INFO("index " << index);
        const auto a = core::demo_client(42, index, today);
        const auto b = core::demo_client(42, index, today);
        CHECK(fingerprint(a) == fingerprint(b));
        CHECK_FALSE(a.sessions.empty());
    }
}

TEST_CASE("core: demo clients differ across indexes and seeds", "[core][demo]") {
    std::set<std::string> seen;
    for (int index = 0; index < 50; ++index) {
        INFO("index " << index);
        CHECK(seen.insert(fingerprint(core::demo_client(1, index, today))).second);
    }
    CHECK(fingerprint(core::demo_client(1, 0, today)) !=
          fingerprint(core::demo_client(2, 0, today)));
}

TEST_CASE("core: every demo client, session and entry passes validate", "[core][demo]") {
    int sessions = 0;
    int entries = 0;
    for (std::uint64_t seed : {1U, 2U, 99U}) {
        for (int index = 0; index < 200; ++index) {
            const auto demo = core::demo_client(seed, index, today);
            INFO("seed " << seed << " index " << index << "\n" << fingerprint(demo));
            REQUIRE(core::validate(demo.client).ok());
            REQUIRE(!demo.sessions.empty());
            for (const auto& ds : demo.sessions) {
                ++sessions;
                const auto session_ok = core::validate(ds.session);
                INFO((session_ok ? std::string("session ok") : session_ok.error().message));
                REQUIRE(session_ok.ok());
                CHECK(core::days_between(ds.session.treated_on, today) >= 0);
                for (const auto& e : ds.entries) {
                    ++entries;
                    const auto entry_ok = core::validate(e, ds.session.treated_on);
                    INFO((entry_ok ? std::string("entry ok") : entry_ok.error().message));
                    REQUIRE(entry_ok.ok());
                    CHECK(core::days_between(e.observed_on, today) >= 0);
                }
            }
        }
    }
    CHECK(sessions >= 600);
    CHECK(entries > sessions); // most sessions have several days logged
}

TEST_CASE("core: demo sessions come oldest first, with entries in day order", "[core][demo]") {
    for (int index = 0; index < 100; ++index) {
        const auto demo = core::demo_client(5, index, today);
        INFO("index " << index);
        for (std::size_t i = 1; i < demo.sessions.size(); ++i) {
            CHECK(core::days_between(demo.sessions[i - 1].session.treated_on,
                                     demo.sessions[i].session.treated_on) > 0);
        }
        for (const auto& ds : demo.sessions) {
            for (std::size_t i = 1; i < ds.entries.size(); ++i) {
                CHECK(core::days_between(ds.entries[i - 1].observed_on, ds.entries[i].observed_on) >
                      0);
            }
        }
    }
}

TEST_CASE("core: about one demo recovery in five is unusual", "[core][demo]") {
    // Unusual: redness still there from day 3, or warmth, pus or blisters at any point.
    // Only sessions whose week of recovery is over are counted.
    int finished = 0;
    int unusual = 0;
    for (int index = 0; index < 1000; ++index) {
        for (const auto& ds : core::demo_client(3, index, today).sessions) {
            if (core::days_between(ds.session.treated_on, today) < 7) {
                continue;
            }
            ++finished;
            bool flagged = false;
            for (const auto& e : ds.entries) {
                const int day = core::days_between(ds.session.treated_on, e.observed_on);
                flagged = flagged || (day >= 3 && e.score(Symptom::erythema).value_or(0) > 0) ||
                          e.score(Symptom::warmth) == 1 || e.score(Symptom::pus) == 1 ||
                          e.score(Symptom::blisters) == 1;
            }
            unusual += flagged ? 1 : 0;
        }
    }
    REQUIRE(finished > 500);
    const double share = static_cast<double>(unusual) / static_cast<double>(finished);
    CAPTURE(finished, unusual, share);
    CHECK(share > 0.12);
    CHECK(share < 0.28);
}

TEST_CASE("core: a demo clinic for scale runs gives every client the sessions asked for",
          "[core][demo]") {
    const auto usual = core::demo_client(3, 7, today);
    const auto ten = core::demo_client(3, 7, today, 10);
    CHECK(ten.sessions.size() == 10);
    CHECK(ten.client.display_name == usual.client.display_name); // same person, more visits
    for (std::size_t s = 1; s < ten.sessions.size(); ++s) {
        CHECK(std::chrono::sys_days{ten.sessions[s - 1].session.treated_on} <
              std::chrono::sys_days{ten.sessions[s].session.treated_on});
        CHECK(core::validate(ten.sessions[s].session).ok());
    }
}
