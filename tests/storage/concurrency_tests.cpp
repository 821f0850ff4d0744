// One open vault used from several threads at once, as the app does (the UI thread and a
// worker running a backup, a re-evaluation or an audit check). Nothing acknowledged may be
// lost, nothing rolled back may stay, and the audit chain must verify afterwards. Run these
// under ThreadSanitizer too (the `tsan` preset): a data race fails the run there.
//
// Catch2 v2 is not thread-safe: threads only record what they saw; the test thread checks.

#include "punctum/storage/demo_writer.h"
#include "vault_fixture.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

namespace {

core::Client named(const std::string& name) {
    core::Client c;
    c.display_name = name;
    return c;
}

/// What a thread saw, for the test thread to check once every thread has joined.
struct Seen {
    std::mutex mutex;
    std::vector<std::string> errors;
    void error(const std::string& what) {
        const std::lock_guard lock(mutex);
        errors.push_back(what);
    }
};

/// A progress callback that notes which threads called it.
struct ProgressThreads {
    std::mutex mutex;
    std::set<std::thread::id> threads;
    std::atomic<int> calls{0};
    core::Progress callback() {
        return [this](std::int64_t, std::int64_t) {
            ++calls;
            const std::lock_guard lock(mutex);
            threads.insert(std::this_thread::get_id());
            return true;
        };
    }
};

std::set<std::string> client_names(storage::Vault& vault) {
    std::set<std::string> out;
    auto all = vault.clients().list("", 0, 100000);
    REQUIRE(all.ok());
    for (const auto& c : *all) {
        out.insert(c.display_name);
    }
    return out;
}

} // namespace

TEST_CASE("storage: a transaction on one thread never swallows another thread's writes",
          "[storage][concurrency]") {
    // Before the connection had its own lock, thread B's BEGIN found thread A's transaction
    // open and joined it: B's "commit" did nothing, and A's rollback took B's acknowledged
    // client with it (or the two interleaved inside SQLite, opened without its mutex).
    VaultFixture f;
    auto& v = *f.vault;
    constexpr int rounds = 40;
    Seen seen;
    std::vector<std::string> acknowledged;
    std::thread committer([&] {
        for (int i = 0; i < rounds; ++i) {
            const std::string name = "Kept " + std::to_string(i);
            if (auto id = v.clients().add(named(name)); id) {
                acknowledged.push_back(name);
            } else {
                seen.error("add " + name + ": " + id.error().message);
            }
        }
    });
    std::thread roller([&] {
        for (int i = 0; i < rounds; ++i) {
            // Every batch writes and then fails: nothing of it may stay.
            auto outcome = v.batch([&]() -> storage::StorageResult<void> {
                if (auto id = v.clients().add(named("Rolled back " + std::to_string(i))); !id) {
                    return id.failure();
                }
                std::this_thread::yield(); // give the other thread a chance to step in
                return punctum::fail(storage::StorageErrc::invalid_input, "on purpose");
            });
            if (outcome) {
                seen.error("a failing batch was committed");
            }
        }
    });
    committer.join();
    roller.join();

    INFO(seen.errors.size() << " errors; first: "
                            << (seen.errors.empty() ? std::string() : seen.errors.front()));
    CHECK(seen.errors.empty());
    CHECK(acknowledged.size() == static_cast<std::size_t>(rounds));
    const auto names = client_names(v);
    for (const auto& name : acknowledged) {
        INFO(name);
        CHECK(names.count(name) == 1);
    }
    CHECK(std::none_of(names.begin(), names.end(),
                       [](const std::string& n) { return n.rfind("Rolled back", 0) == 0; }));
    auto audit = v.audit().verify();
    REQUIRE(audit.ok());
    CHECK(audit->ok);

    f.reopen();
    CHECK(client_names(*f.vault) == names);
    auto check = f.vault->check();
    REQUIRE(check.ok());
    CHECK(check->ok());
}

TEST_CASE("storage: writers, readers, a backup, an audit check and a re-evaluation at once",
          "[storage][concurrency]") {
    VaultFixture f;
    const core::Date today = core::date_of(f.clock.now());
    for (int i = 0; i < 6; ++i) {
        REQUIRE(storage::add_demo_client(*f.vault, core::demo_client(7, i, today)).ok());
    }
    auto& v = *f.vault;
    const auto before = f.stats();
    constexpr int writers = 2;
    constexpr int per_writer = 15;
    Seen seen;
    std::atomic<int> writers_left{writers};
    std::vector<std::vector<std::string>> written(writers);
    ProgressThreads backup_progress;
    ProgressThreads verify_progress;
    ProgressThreads reassess_progress;
    const auto backup_file = f.tmp.path() / "during-writes.backup";

    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < per_writer; ++i) {
                const std::string name = "Writer " + std::to_string(w) + " #" + std::to_string(i);
                auto id = v.clients().add(named(name));
                if (!id) {
                    seen.error(name + ": " + id.error().message);
                    continue;
                }
                if (auto consent =
                        v.clients().set_consent(*id, core::PhotoUse::medical_record, i % 2 == 0);
                    !consent) {
                    seen.error(name + " consent: " + consent.error().message);
                }
                written[static_cast<std::size_t>(w)].push_back(name);
            }
            --writers_left;
        });
    }
    threads.emplace_back([&] { // a reader: counts only grow, every query answers
        int last = 0;
        while (writers_left.load() > 0) {
            auto n = v.clients().count("");
            auto page = v.clients().list("Writer", 0, 50);
            auto stats = v.stats();
            if (!n || !page || !stats) {
                seen.error("a read failed while others wrote");
                continue;
            }
            if (*n < last) {
                seen.error("the client count went back from " + std::to_string(last) + " to " +
                           std::to_string(*n));
            }
            last = *n;
        }
    });
    threads.emplace_back([&] {
        if (auto done = v.backup_to(backup_file, backup_progress.callback()); !done) {
            seen.error("backup: " + done.error().message);
        }
        auto report = v.audit().verify(verify_progress.callback());
        if (!report || !report->ok) {
            seen.error("audit verify during writes: " +
                       (report ? report->message : report.error().message));
        }
        auto check = v.check();
        if (!check || !check->ok()) {
            seen.error("vault check during writes failed");
        }
    });
    threads.emplace_back([&] {
        auto summary = v.flags().reassess_all(reassess_progress.callback());
        if (!summary) {
            seen.error("reassess: " + summary.error().message);
        } else if (summary->sessions < before.sessions) {
            seen.error("reassess reached " + std::to_string(summary->sessions) + " of " +
                       std::to_string(before.sessions) + " sessions");
        }
    });
    for (auto& t : threads) {
        t.join();
    }

    INFO(seen.errors.size() << " errors; first: "
                            << (seen.errors.empty() ? std::string() : seen.errors.front()));
    CHECK(seen.errors.empty());
    // Progress is reported on the thread doing the work, never on another's.
    CHECK(verify_progress.calls.load() > 0);
    CHECK(verify_progress.threads.size() == 1);
    CHECK(reassess_progress.calls.load() > 0);
    CHECK(reassess_progress.threads.size() == 1);
    CHECK(backup_progress.calls.load() > 0);

    const auto names = client_names(v);
    for (const auto& list : written) {
        CHECK(list.size() == static_cast<std::size_t>(per_writer));
        for (const auto& name : list) {
            INFO(name);
            CHECK(names.count(name) == 1);
        }
    }
    const auto after = f.stats();
    CHECK(after.clients == before.clients + writers * per_writer);
    CHECK(after.sessions == before.sessions);

    // Reopened from disk: the same, and the whole history verifies.
    f.reopen();
    CHECK(client_names(*f.vault) == names);
    auto check = f.vault->check();
    REQUIRE(check.ok());
    INFO(check->audit.message);
    CHECK(check->ok());

    // The backup taken in the middle of it all is whole and restores.
    const auto restored = f.tmp.path() / "restored";
    auto restore = storage::Vault::restore(backup_file, restored, f.account, f.passphrase, f.clock,
                                           /*replace=*/false);
    INFO((restore ? std::string() : restore.error().message));
    REQUIRE(restore.ok());
    auto opened = storage::Vault::open(restored, f.account, f.passphrase, f.clock);
    REQUIRE(opened.ok());
    auto restored_check = opened.value()->check();
    REQUIRE(restored_check.ok());
    CHECK(restored_check->ok());
}

TEST_CASE("storage: a statement in progress keeps other threads out until it is finished",
          "[storage][concurrency]") {
    // A Statement holds the connection from prepare to finalize: another thread's write
    // cannot land between two steps of a read that is still going on, nor between a bind
    // and its step.
    VaultFixture f;
    auto& v = *f.vault;
    for (int i = 0; i < 20; ++i) {
        REQUIRE(v.clients().add(named("Client " + std::to_string(i))).ok());
    }
    constexpr int threads = 4;
    constexpr int rounds = 25;
    Seen seen;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < rounds; ++i) {
                const std::string name = "T" + std::to_string(t) + "-" + std::to_string(i);
                auto id = v.clients().add(named(name));
                if (!id) {
                    seen.error(name + ": " + id.error().message);
                    continue;
                }
                // Read back what this thread wrote, by the id storage gave it: a
                // last_insert_rowid taken after another thread's insert would name that one.
                auto got = v.clients().get(*id);
                if (!got || got->display_name != name) {
                    seen.error(name + " read back as " + (got ? got->display_name : "nothing"));
                }
            }
        });
    }
    for (auto& t : pool) {
        t.join();
    }
    INFO(seen.errors.size() << " errors; first: "
                            << (seen.errors.empty() ? std::string() : seen.errors.front()));
    CHECK(seen.errors.empty());
    auto count = v.clients().count("");
    REQUIRE(count.ok());
    CHECK(*count == 20 + threads * rounds);
    auto audit = v.audit().verify();
    REQUIRE(audit.ok());
    CHECK(audit->ok);
}
