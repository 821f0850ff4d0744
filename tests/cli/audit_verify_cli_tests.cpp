// Issue 14: `audit verify` walks only the events after the signed-in account's last verified
// checkpoint; `audit verify --full` walks the whole chain, as `vault check` always does. The
// verdict's line reads as it did; the walk and its time are on a line of their own.

#include "cli_runner.h"

#include <catch2/catch.hpp>

using punctum::test::CliRunner;

TEST_CASE("cli: audit verify resumes from its checkpoint, audit verify --full walks it all",
          "[cli][audit]") {
    CliRunner cli;
    cli.init();
    const auto first = cli.run({"audit", "verify", "--vault", cli.vault});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("The audit trail is intact") &&
                              Catch::Contains("Walked the whole chain, in "));
    const auto events = cli.stats().at("audit_events").get<std::int64_t>();

    (void)cli.json({"client", "add", "--vault", cli.vault, "--name", "Later", "--json"});
    const auto later = cli.stats().at("audit_events").get<std::int64_t>();
    REQUIRE(later > events);

    const auto resumed = cli.run({"audit", "verify", "--vault", cli.vault});
    INFO(resumed.err);
    REQUIRE(resumed.exit_code == 0);
    CHECK_THAT(resumed.out,
               Catch::Contains("The audit trail is intact: " + std::to_string(later - events) +
                               " events verified") &&
                   Catch::Contains("after your checkpoint at event #" + std::to_string(events)));

    const auto full = cli.run({"audit", "verify", "--full", "--vault", cli.vault});
    INFO(full.err);
    REQUIRE(full.exit_code == 0);
    CHECK_THAT(full.out, Catch::Contains("The audit trail is intact: " + std::to_string(later) +
                                         " events verified") &&
                             Catch::Contains("Walked the whole chain, in ") &&
                             Catch::Contains(" s.\n"));
}
