// The client list: one page at a time, by name, with a search that is case-insensitive and
// takes % and _ as the characters they are.

#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

namespace {

std::vector<std::string>
names(const storage::StorageResult<std::vector<storage::ClientSummary>>& r) {
    REQUIRE(r.ok());
    std::vector<std::string> out;
    for (const auto& s : r.value()) {
        out.push_back(s.display_name);
    }
    return out;
}

void add_all(storage::Vault& vault, const std::vector<std::string>& list) {
    for (const auto& n : list) {
        INFO(n);
        REQUIRE(vault.clients().add(punctum::test::make_client(n)).ok());
    }
}

} // namespace

TEST_CASE("storage: client list pages through clients by name", "[storage][clients]") {
    VaultFixture f;
    // Inserted out of order, so the order seen is the query's.
    std::vector<std::string> all;
    for (int i = 0; i < 25; ++i) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "Client %02d", (i * 7) % 25);
        all.emplace_back(buf);
    }
    add_all(*f.vault, all);
    std::sort(all.begin(), all.end());

    auto& clients = f.vault->clients();
    CHECK(names(clients.list("", 0, 10)) ==
          std::vector<std::string>(all.begin(), all.begin() + 10));
    CHECK(names(clients.list("", 10, 10)) ==
          std::vector<std::string>(all.begin() + 10, all.begin() + 20));
    CHECK(names(clients.list("", 20, 10)) == std::vector<std::string>(all.begin() + 20, all.end()));
    CHECK(names(clients.list("", 25, 10)).empty());
    CHECK(names(clients.list("", 3, 1)) == std::vector<std::string>{"Client 03"});
    CHECK(names(clients.list("", 0, 0)).empty());
    CHECK(clients.count("").value() == 25);
}

TEST_CASE("storage: client list orders names without regard to case", "[storage][clients]") {
    VaultFixture f;
    add_all(*f.vault, {"carol", "Bob", "alice", "Dave"});
    CHECK(names(f.vault->clients().list("", 0, 10)) ==
          std::vector<std::string>{"alice", "Bob", "carol", "Dave"});
}

TEST_CASE("storage: client search is case-insensitive and count agrees", "[storage][clients]") {
    VaultFixture f;
    add_all(*f.vault, {"Ann Smith", "ANNA Jones", "Joanne Park", "Bob Stone", "Hannah Ng"});
    auto& clients = f.vault->clients();
    // By name without regard to case: "ann smith" sorts before "anna jones" (' ' < 'a').
    const std::vector<std::string> ann{"Ann Smith", "ANNA Jones", "Hannah Ng", "Joanne Park"};
    for (const std::string search : {"ann", "ANN", "aNn"}) {
        INFO("search '" << search << "'");
        CHECK(names(clients.list(search, 0, 100)) == ann);
        CHECK(clients.count(search).value() == 4);
    }
    CHECK(names(clients.list("stone", 0, 100)) == std::vector<std::string>{"Bob Stone"});
    CHECK(names(clients.list("nobody", 0, 100)).empty());
    CHECK(clients.count("nobody").value() == 0);
    CHECK(clients.count("").value() == 5);
    // Paging applies within the search.
    CHECK(names(clients.list("ann", 1, 2)) == std::vector<std::string>{"ANNA Jones", "Hannah Ng"});
}

TEST_CASE("storage: client search treats % and _ literally", "[storage][clients]") {
    VaultFixture f;
    add_all(*f.vault, {"Bob 100% Natural", "Bob 1000 Natural", "x_y", "xay", "xy", "back\\slash",
                       "backslash"});
    auto& clients = f.vault->clients();
    struct Case {
        std::string search;
        std::vector<std::string> expected;
    };
    const std::vector<Case> cases{
        {"%", {"Bob 100% Natural"}},
        {"100%", {"Bob 100% Natural"}},
        {"0% N", {"Bob 100% Natural"}},
        {"_", {"x_y"}},
        {"x_y", {"x_y"}},
        {"\\", {"back\\slash"}},
        {"%%", {}},
        {"__", {}},
    };
    for (const auto& c : cases) {
        INFO("search '" << c.search << "'");
        CHECK(names(clients.list(c.search, 0, 100)) == c.expected);
        CHECK(clients.count(c.search).value() == static_cast<int>(c.expected.size()));
    }
}

TEST_CASE("storage: client list shows session count and last treatment", "[storage][clients]") {
    VaultFixture f;
    auto treated = f.vault->clients().add(punctum::test::make_client("Treated"));
    auto untreated = f.vault->clients().add(punctum::test::make_client("Untreated"));
    REQUIRE((treated.ok() && untreated.ok()));
    auto c = punctum::test::make_client("Typed");
    c.fitzpatrick = 4;
    REQUIRE(f.vault->clients().add(c).ok());
    const core::Date later{year{2026}, month{2}, day{20}};
    const core::Date earlier{year{2026}, month{1}, day{10}};
    REQUIRE(
        punctum::test::add_session(*f.vault, punctum::test::make_session(*treated, later)).ok());
    REQUIRE(
        punctum::test::add_session(*f.vault, punctum::test::make_session(*treated, earlier)).ok());

    auto rows = f.vault->clients().list("", 0, 10);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    const auto& t = (*rows)[0];
    CHECK(t.display_name == "Treated");
    CHECK(t.id == *treated);
    CHECK(t.session_count == 2);
    CHECK(t.last_treated_on == later);
    CHECK(t.fitzpatrick == std::nullopt);
    CHECK((*rows)[1].display_name == "Typed");
    CHECK((*rows)[1].fitzpatrick == std::optional<int>{4});
    const auto& u = (*rows)[2];
    CHECK(u.display_name == "Untreated");
    CHECK(u.session_count == 0);
    CHECK(u.last_treated_on == std::nullopt);
}
