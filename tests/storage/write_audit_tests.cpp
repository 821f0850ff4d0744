// Every write is attributed and audited (issue #12, item 8): a scripted run through every
// public write of the storage API, by every role, where each call is measured from outside
// the Vault object. Before and after each call the vault's state is read through a second
// SQLCipher connection (every table but the audit trail, row by row, plus keys.json and the
// files the call may write out); whenever anything changed, the audit trail must have grown,
// and every event the call added must name the account that made it. Writes are counted
// against events, not against a list of actions seen: a new write path that records nothing
// fails here even if nobody adds it to a list. Reads run in the same script under the same
// rule, so a read that quietly writes is caught too.

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/demo_writer.h"
#include "support/files.h"
#include "support/imported_photo.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace core = punctum::core;
namespace storage = punctum::storage;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{25}};

core::Date day(int n) {
    return core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{n}};
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ULL) {
    for (const char c : bytes) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

/// What a vault holds, part by part ("table clients", "keys.json", "out/backup.pvb"), each
/// as a digest: two states are equal when every part is.
using State = std::map<std::string, std::uint64_t>;

/// The audit trail's own tables (audit_events and any beside it) are what a write adds to;
/// everything else is the state a write changes.
bool is_audit_table(std::string_view name) {
    return name.starts_with("audit");
}

/// Reads `folder`'s database with the raw data key through its own connection (the stock
/// SQLCipher C API: no storage code in between), and the files beside it.
State read_state(const fs::path& folder, const std::string& key_hex, const fs::path& out) {
    State state;
    const auto keys_text = punctum::test::read_file(folder / "keys.json");
    state["keys.json"] = fnv1a(keys_text);
    const auto keys = nlohmann::json::parse(keys_text);
    const int page_size = keys.value("cipher_page_size", 4096);

    sqlite3* db = nullptr;
    const auto path = (folder / "vault.db").string();
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        FAIL("cannot open " << path);
    }
    auto exec = [&](const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error != nullptr ? error : "?";
            sqlite3_free(error);
            sqlite3_close(db);
            FAIL(sql.substr(0, 20) << "...: " << message);
        }
    };
    exec("PRAGMA key = \"x'" + key_hex + "'\"");
    exec("PRAGMA cipher_page_size = " + std::to_string(page_size));
    auto rows_of = [&](const std::string& sql) {
        std::vector<std::string> rows;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(db);
            sqlite3_close(db);
            FAIL(sql << ": " << message);
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const int type = sqlite3_column_type(st, c);
                row += std::to_string(type) + ":";
                if (type != SQLITE_NULL) {
                    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(st, c));
                    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(st, c));
                    row += std::to_string(size) + ":" + std::string(bytes, size);
                }
                row += "|";
            }
            rows.push_back(std::move(row));
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            const std::string message = sqlite3_errmsg(db);
            sqlite3_close(db);
            FAIL(sql << ": " << message);
        }
        std::sort(rows.begin(), rows.end()); // the same rows in another order are the same
        return rows;
    };
    std::vector<std::string> tables;
    for (const auto& row : rows_of("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        // "3:<size>:<name>|"
        const auto first = row.find(':', 2);
        tables.push_back(row.substr(first + 1, row.size() - first - 2));
    }
    std::uint64_t schema = 0;
    for (const auto& row : rows_of("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
        schema = fnv1a(row, schema);
    }
    state["schema"] = schema;
    for (const auto& table : tables) {
        if (is_audit_table(table)) {
            continue;
        }
        std::uint64_t h = fnv1a(table);
        for (const auto& row : rows_of("SELECT * FROM \"" + table + "\"")) {
            // AUTOINCREMENT counters of the audit tables move with the audit trail.
            if (table == "sqlite_sequence" && row.find(":audit") != std::string::npos) {
                continue;
            }
            h = fnv1a(row, h);
        }
        state["table " + table] = h;
    }
    sqlite3_close(db);
    for (const auto& entry : fs::directory_iterator(out)) {
        state["out/" + entry.path().filename().string()] =
            fnv1a(punctum::test::read_file(entry.path()));
    }
    return state;
}

std::string changed_parts(const State& before, const State& after) {
    std::string out;
    std::set<std::string> names;
    for (const auto& [name, digest] : before) {
        names.insert(name);
    }
    for (const auto& [name, digest] : after) {
        names.insert(name);
    }
    for (const auto& name : names) {
        const auto a = before.find(name);
        const auto b = after.find(name);
        if (a == before.end() || b == after.end() || a->second != b->second) {
            out += (out.empty() ? "" : ", ") + name;
        }
    }
    return out;
}

enum class Kind {
    write, ///< must add an event, by its caller, whatever it changed
    read,  ///< may change nothing; if it does change anything, it must add an event too
};

/// One measured call: who made it, and the events it added (seq in (first, last]).
struct Step {
    std::string what;
    std::string actor;
    std::int64_t first = 0;
    std::int64_t last = 0;
};

/// Runs the script: a vault (from VaultFixture), the raw key to read it with, and every step
/// measured against the audit trail.
class Script {
public:
    explicit Script(storage::VaultKind kind) : f_(kind) {
        fs::create_directories(out_);
        actor_ = f_.account;
        refresh_key();
    }

    storage::Vault& vault() { return *f_.vault; }
    VaultFixture& fixture() { return f_; }
    const fs::path& out() const { return out_; }
    const std::string& actor() const { return actor_; }

    /// Runs `call` as the signed-in account and checks the audit trail against what changed.
    /// `call` returns whether it succeeded and, when not, why.
    template <typename Call> void run(const std::string& what, Kind kind, Call&& call) {
        INFO("step: " << what << " (as " << actor_ << ")");
        const auto before = read_state(f_.folder, key_, out_);
        const auto events_before = events();
        const std::string failure = call(vault());
        INFO("failure: " << failure);
        REQUIRE(failure.empty());
        const auto events_after = events();
        if (key_changed_) {
            refresh_key(); // an unmeasured reveal, after the count above
        }
        const auto after = read_state(f_.folder, key_, out_);
        const auto changed = changed_parts(before, after);
        INFO("changed: " << (changed.empty() ? "nothing" : changed));
        INFO("events: " << events_before << " -> " << events_after);
        if (!changed.empty()) {
            CHECK(events_after > events_before); // a change that nobody accounted for
        }
        if (kind == Kind::write) {
            CHECK(events_after > events_before); // a write that left no trace
        }
        CHECK(events_after >= events_before);
        steps_.push_back({what, actor_, events_before, events_after});
    }

    /// The same for a step that closes the vault and opens another `storage::Vault` on the
    /// folder (recovery, restore, signing in as someone else): `call` returns the new vault.
    void
    reopen(const std::string& what, Kind kind, const std::string& actor,
           const std::function<storage::StorageResult<std::unique_ptr<storage::Vault>>()>& call) {
        INFO("step: " << what << " (as " << actor << ")");
        const auto before = read_state(f_.folder, key_, out_);
        const auto events_before = events();
        f_.vault.reset();
        auto opened = call();
        INFO("failure: " << (opened ? std::string() : opened.error().message));
        REQUIRE(opened.ok());
        f_.vault = std::move(opened.value());
        actor_ = actor;
        const auto events_after = events();
        const auto after = read_state(f_.folder, key_, out_);
        const auto changed = changed_parts(before, after);
        INFO("changed: " << (changed.empty() ? "nothing" : changed));
        INFO("events: " << events_before << " -> " << events_after);
        if (!changed.empty()) {
            CHECK(events_after > events_before);
        }
        if (kind == Kind::write) {
            CHECK(events_after > events_before);
        }
        steps_.push_back({what, actor_, events_before, events_after});
    }

    void sign_in(const std::string& name, const std::string& passphrase) {
        reopen("sign in as " + name, Kind::read, name, [&] { return f_.open(name, passphrase); });
    }

    /// The data key changes in the next step (rotation): read it again afterwards.
    void expect_new_key() { key_changed_ = true; }

    /// Every event each step added names the account that made the call. Reads the trail
    /// through the public API, as an account allowed to (admin or patient).
    void check_attribution() {
        std::map<std::int64_t, storage::AuditEvent> by_seq;
        for (int offset = 0;; offset += 500) {
            auto page = vault().audit().events({}, 500, offset);
            INFO((page ? std::string() : page.error().message));
            REQUIRE(page.ok());
            for (auto& e : *page) {
                by_seq.emplace(e.seq, std::move(e));
            }
            if (page->size() < 500) {
                break;
            }
        }
        REQUIRE(static_cast<std::int64_t>(by_seq.size()) == events());
        for (const auto& step : steps_) {
            for (auto seq = step.first + 1; seq <= step.last; ++seq) {
                const auto found = by_seq.find(seq);
                INFO("step: " << step.what << ", event #" << seq);
                REQUIRE(found != by_seq.end());
                INFO("action " << found->second.action << " on " << found->second.object);
                CHECK(found->second.account == step.actor);
            }
        }
        for (const auto& [seq, e] : by_seq) {
            seen_.insert(e.action);
        }
    }

    const std::set<std::string>& actions_seen() const { return seen_; }
    std::size_t steps() const { return steps_.size(); }

private:
    std::int64_t events() {
        auto s = vault().stats();
        INFO((s ? std::string() : s.error().message));
        REQUIRE(s.ok());
        return s->audit_events;
    }
    void refresh_key() {
        auto hex = vault().reveal_data_key_hex();
        INFO((hex ? std::string() : hex.error().message));
        REQUIRE(hex.ok());
        key_ = std::string(hex->view());
        key_changed_ = false;
    }

    VaultFixture f_;
    fs::path out_ = f_.tmp.path() / "out";
    std::string key_;
    std::string actor_;
    bool key_changed_ = false;
    std::vector<Step> steps_;
    std::set<std::string> seen_;
};

/// "" when `r` succeeded, else its message: what Script::run's calls return.
template <typename T> std::string failure_of(const storage::StorageResult<T>& r) {
    return r ? std::string() : "failed: " + r.error().message;
}

storage::NewPhoto small_photo(std::uint32_t seed) {
    core::photo::SyntheticPhotoSpec s;
    s.width = 640;
    s.height = 480;
    s.treated_delta_a = 6.0;
    s.seed = seed;
    return {punctum::test::imported(core::photo::synthetic_skin_photo(s)), "cheeks", std::nullopt};
}

core::RecoveryEntry red_entry(core::SessionId session, int on_day) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = day(on_day);
    e.set(core::Symptom::erythema, 4);
    e.set(core::Symptom::edema, 3);
    e.set(core::Symptom::pain, 8);
    e.set(core::Symptom::bleeding, 3);
    e.set(core::Symptom::pus, 1);
    e.set(core::Symptom::fever, 1);
    e.set(core::Symptom::blisters, 1);
    e.note = "still very red";
    return e;
}

/// The open flags of a session, newest state first.
std::vector<std::int64_t> open_flags(storage::Vault& v, core::SessionId session) {
    auto flags = v.flags().of_session(session);
    REQUIRE(flags.ok());
    std::vector<std::int64_t> ids;
    for (const auto& flag : *flags) {
        if (flag.state == storage::FlagState::open) {
            ids.push_back(flag.id);
        }
    }
    return ids;
}

/// Reads that must not write without accounting for it: run between the writes.
void reads(Script& s, core::ClientId client, core::SessionId session) {
    s.run("reads: stats, clients, sessions, flags, norms, reviews, outcomes, settings", Kind::read,
          [&](storage::Vault& v) -> std::string {
              std::string failed;
              auto note = [&](const auto& r) {
                  if (!r) {
                      failed += r.error().message + "; ";
                  }
              };
              note(v.stats());
              note(v.clients().list("", 0, 50));
              note(v.clients().count(""));
              note(v.clients().get(client));
              note(v.clients().consents(client));
              note(v.clients().history(client));
              note(v.sessions().of_client(client));
              note(v.sessions().get(session));
              note(v.sessions().entries(session));
              note(v.sessions().review_notes(session));
              note(v.flags().of_session(session));
              note(v.flags().needing_attention());
              note(v.flags().count_needing_attention());
              note(v.norms().active());
              note(v.norms().active_json());
              note(v.norms().history());
              note(v.screenings().of_client(client));
              note(v.photos().of_session(session));
              note(v.photos().redness_trend(session));
              note(v.reviews().sessions({}));
              note(v.reviews().count({}));
              note(v.reviews().worst_open_severity(client));
              note(v.reviews().current_sign_off(session));
              note(v.reviews().sign_off_history(session));
              note(v.reviews().returned_to_me());
              note(v.reviews().incomplete_records());
              note(v.outcomes().of_session(session));
              note(v.outcomes().cohort({storage::CohortBy::depth, std::nullopt, std::nullopt}));
              note(v.accounts().list());
              note(v.setting("auto_lock_seconds"));
              return failed;
          });
}

} // namespace

TEST_CASE("storage: every write of a clinic vault, by every role, adds audit events by its "
          "author, and nothing changes without one",
          "[storage][audit][write-paths]") {
    Script s(storage::VaultKind::clinic);
    auto& f = s.fixture();
    const std::string admin_new_pass = "admin passphrase after change";
    f.live_on(day(7));

    // --- admin: the clinical record
    core::ClientId client;
    s.run("clients().add", Kind::write, [&](storage::Vault& v) {
        auto c = punctum::test::make_client("Write Path");
        c.fitzpatrick = 5;
        auto r = v.clients().add(c);
        client = r ? *r : core::ClientId{};
        return failure_of(r);
    });
    s.run("clients().set_consent", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.clients().set_consent(client, core::PhotoUse::publication, true));
    });
    core::MedicalHistory history;
    history.allergies = "lidocaine";
    history.medications = "none";
    s.run("clients().set_history", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.clients().set_history(client, history)); });
    // Saved unchanged: records nothing, and must then change nothing.
    s.run("clients().set_history unchanged", Kind::read, [&](storage::Vault& v) {
        auto again = v.clients().history(client);
        return again ? failure_of(v.clients().set_history(client, *again)) : failure_of(again);
    });
    std::int64_t screening = 0;
    s.run("screenings().record", Kind::write, [&](storage::Vault& v) {
        core::ScreeningInput in;
        in.date = treated_on;
        in.depth_mm = 1.0;
        in.history_confirmed = true;
        auto r = v.screenings().record(client, in);
        screening = r ? r->id : 0;
        return failure_of(r);
    });
    core::SessionId session;
    s.run("sessions().add", Kind::write, [&](storage::Vault& v) {
        auto session_in = punctum::test::make_session(client, treated_on);
        session_in.screening_id = screening;
        auto r = v.sessions().add(session_in);
        session = r ? *r : core::SessionId{};
        return failure_of(r);
    });
    reads(s, client, session);
    std::int64_t deferred = 0;
    s.run("screenings().record (defer)", Kind::write, [&](storage::Vault& v) {
        core::ScreeningInput in;
        in.date = day(6);
        in.conditions = {"pregnancy"};
        auto r = v.screenings().record(client, in);
        deferred = r ? r->id : 0;
        return failure_of(r);
    });
    s.run("screenings().override_verdict", Kind::write, [&](storage::Vault& v) {
        return failure_of(
            v.screenings().override_verdict(deferred, "Confirmed not pregnant by test today."));
    });
    core::SessionId second;
    s.run("sessions().add (second, overridden screening)", Kind::write, [&](storage::Vault& v) {
        auto session_in = punctum::test::make_session(client, day(6));
        session_in.screening_id = deferred;
        auto r = v.sessions().add(session_in);
        second = r ? *r : core::SessionId{};
        return failure_of(r);
    });
    std::int64_t spare = 0;
    s.run("screenings().record (for attach)", Kind::write, [&](storage::Vault& v) {
        core::ScreeningInput in;
        in.date = day(6);
        auto r = v.screenings().record(client, in);
        spare = r ? r->id : 0;
        return failure_of(r);
    });
    s.run("screenings().attach", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.screenings().attach(spare, second)); });
    s.run("sessions().add_entry (raises flags)", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_entry(red_entry(session, 1)));
    });
    s.run("sessions().add_entry with a photo", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_entry(red_entry(session, 3), {small_photo(1)}));
    });
    std::int64_t photo = 0;
    s.run("photos().add", Kind::write, [&](storage::Vault& v) {
        auto r = v.photos().add(session, small_photo(2));
        photo = r ? r->id : 0;
        return failure_of(r);
    });
    s.run("photos().analyze", Kind::write, [&](storage::Vault& v) {
        core::photo::SyntheticPhotoSpec spec;
        spec.width = 640;
        spec.height = 480;
        return failure_of(v.photos().analyze(photo, core::photo::synthetic_treated_region(spec),
                                             core::photo::synthetic_reference_region(spec)));
    });
    s.run("photos().export_photo", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.photos().export_photo(photo, core::PhotoUse::publication));
    });
    s.run("audit().record_report", Kind::write, [&](storage::Vault& v) {
        return failure_of(
            v.audit().record_report("session:" + std::to_string(session.value), "recovery"));
    });
    s.run("exports().csv", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.exports().csv(storage::CsvTable::sessions, s.out() / "sessions.csv"));
    });
    s.run("exports().fhir", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.exports().fhir(s.out() / "bundle.json")); });
    // Exchange files: a care plan out, and a patient's report back (the patient's vault is
    // another vault, not measured here: the personal script measures its side).
    std::string code;
    s.run("exchange().issue_care_plan", Kind::write, [&](storage::Vault& v) {
        auto r = v.exchange().issue_care_plan(session, s.out() / "plan.punctum-careplan");
        code = r ? r->pairing_code : "";
        return failure_of(r);
    });
    VaultFixture patient{storage::VaultKind::personal};
    patient.live_on(day(2));
    auto opened = patient.vault->exchange().open_care_plan(s.out() / "plan.punctum-careplan", code);
    REQUIRE(opened.ok());
    REQUIRE(patient.vault->sessions().add_entry(red_entry(opened->session, 2)).ok());
    const auto report = patient.tmp.path() / "report.punctum-report";
    REQUIRE(patient.vault->exchange().write_report(report).ok());
    s.run("exchange().import_report", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.exchange().import_report(report)); });
    s.run("exchange().import_report again (nothing changes)", Kind::read,
          [&](storage::Vault& v) { return failure_of(v.exchange().import_report(report)); });
    s.run("sessions().add_review_note", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_review_note(session, "Looks as expected."));
    });
    s.run("add_demo_client", Kind::write, [&](storage::Vault& v) {
        return failure_of(
            storage::add_demo_client(v, core::demo_client(7, 0, core::date_of(f.clock.now()), 2)));
    });
    auto flags = open_flags(s.vault(), session);
    INFO(flags.size() << " open flags");
    REQUIRE(flags.size() >= 4);
    s.run("flags().acknowledge", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.flags().acknowledge(flags[0])); });
    s.run("flags().resolve", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.flags().resolve(flags[0], "settled")); });
    s.run("flags().dismiss", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.flags().dismiss(flags[1], "expected after deep needling"));
    });
    reads(s, client, session);

    // --- admin: settings, norms, accounts, keys
    s.run("set_setting", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.set_setting("auto_lock_seconds", "300")); });
    s.run("norms().adopt", Kind::write, [&](storage::Vault& v) {
        auto profile = nlohmann::json::parse(core::default_norms_json());
        profile["id"] = "clinic-own";
        return failure_of(v.norms().adopt(profile.dump()));
    });
    s.run("flags().reassess_all", Kind::read,
          [&](storage::Vault& v) { return failure_of(v.flags().reassess_all()); });
    s.run("outcomes().recompute_all", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.outcomes().recompute_all()); });
    s.run("norms().adopt_default", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.norms().adopt_default()); });
    for (const auto& [name, role] :
         {std::pair{"pat", core::Role::practitioner}, std::pair{"rev", core::Role::reviewer},
          std::pair{"gone", core::Role::practitioner}}) {
        s.run(std::string("accounts().add ") + name, Kind::write, [&](storage::Vault& v) {
            return failure_of(v.accounts().add(name, name, role,
                                               storage::SecureBytes::from("staff passphrase 1"),
                                               storage::KdfParams::minimum_for_tests()));
        });
    }
    s.run("accounts().remove", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.accounts().remove("gone")); });
    s.expect_new_key();
    s.run("rotate_data_key", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.rotate_data_key()); });
    s.run("reveal_data_key_hex", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.reveal_data_key_hex()); });
    s.run("replace_recovery_key", Kind::write, [&](storage::Vault& v) {
        auto key = v.replace_recovery_key();
        if (key) {
            f.recovery_key = std::string(key->view()); // the recovery below needs it
        }
        return failure_of(key);
    });
    s.run("backup_to", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.backup_to(s.out() / "backup.pvb")); });
    s.run("export_plaintext", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.export_plaintext(s.out() / "plain.db")); });
    s.run("change_passphrase", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.change_passphrase(storage::SecureBytes::from(admin_new_pass),
                                              storage::KdfParams::minimum_for_tests()));
    });
    s.run("check", Kind::read, [&](storage::Vault& v) { return failure_of(v.check()); });
    s.run("audit().verify", Kind::read,
          [&](storage::Vault& v) { return failure_of(v.audit().verify()); });

    // --- a practitioner
    s.sign_in("pat", "staff passphrase 1");
    reads(s, client, session);
    core::ClientId theirs;
    s.run("practitioner: clients().add", Kind::write, [&](storage::Vault& v) {
        auto r = v.clients().add(punctum::test::make_client("Practitioner's Client"));
        theirs = r ? *r : core::ClientId{};
        return failure_of(r);
    });
    core::SessionId their_session;
    s.run("practitioner: screening and session", Kind::write, [&](storage::Vault& v) {
        core::ScreeningInput in;
        in.date = day(5);
        auto screened = v.screenings().record(theirs, in);
        if (!screened) {
            return failure_of(screened);
        }
        auto session_in = punctum::test::make_session(theirs, day(5));
        session_in.screening_id = screened->id;
        auto r = v.sessions().add(session_in);
        their_session = r ? *r : core::SessionId{};
        return failure_of(r);
    });
    s.run("practitioner: sessions().add_entry", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_entry(red_entry(their_session, 6)));
    });
    s.run("practitioner: flags().resolve", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.flags().resolve(flags[2])); });
    s.run("practitioner: sessions().add_review_note", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_review_note(session, "Called the client."));
    });
    s.run("practitioner: change_passphrase", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.change_passphrase(storage::SecureBytes::from("pat passphrase 2"),
                                              storage::KdfParams::minimum_for_tests()));
    });

    // --- a reviewer: annotates only
    s.sign_in("rev", "staff passphrase 1");
    reads(s, client, session);
    s.run("reviewer: sessions().add_review_note", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_review_note(session, "Reviewed: within course."));
    });
    s.run("reviewer: flags().acknowledge", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.flags().acknowledge(flags[3])); });
    s.run("reviewer: reviews().sign_off", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.reviews().sign_off(session, "Record complete."));
    });
    s.run("reviewer: reviews().return_to_practitioner", Kind::write, [&](storage::Vault& v) {
        return failure_of(
            v.reviews().return_to_practitioner(their_session, "Add the cartridge lot."));
    });
    s.run("reviewer: audit().verify", Kind::read,
          [&](storage::Vault& v) { return failure_of(v.audit().verify()); });

    // --- the admin forgot their passphrase: the recovery key
    s.reopen("Vault::recover", Kind::write, "admin", [&] {
        return storage::Vault::recover(f.folder, f.recovery_key, "admin",
                                       storage::SecureBytes::from("admin after recovery"),
                                       storage::KdfParams::minimum_for_tests(), f.clock);
    });
    s.run("admin: reviews().mark_addressed", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.reviews().mark_addressed(their_session, "Lot added to the notes."));
    });
    s.check_attribution();
    INFO(s.steps() << " steps measured");

    // Every action storage knows how to record was recorded by this script: a new kind of
    // write is covered here as soon as it is named among the known actions.
    std::string missing;
    for (const auto action : storage::AuditStore::known_actions()) {
        // A restore comes below; a care plan is opened and a report written in a personal
        // vault (the personal script).
        if (action != "vault.restore" && action != "exchange.open" && action != "exchange.report" &&
            !s.actions_seen().contains(std::string(action))) {
            missing += std::string(action) + " ";
        }
    }
    INFO("known actions this script never produced: " << missing);
    CHECK(missing.empty());

    // --- a restore: history goes back to the backup's, with the restore recorded on top,
    // by the account that asked for it.
    f.vault.reset();
    // The backup was made before the passphrase change: it opens with the passphrase then.
    auto restored = storage::Vault::restore(s.out() / "backup.pvb", f.folder, "admin", f.passphrase,
                                            f.clock, true);
    INFO((restored ? std::string() : restored.error().message));
    REQUIRE(restored.ok());
    auto reopened = f.open("admin", punctum::test::test_passphrase);
    REQUIRE(reopened.ok());
    auto newest = reopened.value()->audit().events({}, 1, 0);
    REQUIRE(newest.ok());
    REQUIRE(newest->size() == 1);
    CHECK(newest->front().action == "vault.restore");
    CHECK(newest->front().account == "admin");
}

TEST_CASE("storage: every write of a personal vault adds audit events by its patient, and "
          "nothing changes without one",
          "[storage][audit][write-paths]") {
    Script s(storage::VaultKind::personal);
    auto& f = s.fixture();
    f.live_on(day(7));
    core::ClientId own;
    s.run("clients().own", Kind::read, [&](storage::Vault& v) {
        auto r = v.clients().own();
        own = r ? *r : core::ClientId{};
        return failure_of(r);
    });
    core::MedicalHistory history;
    history.sensitivities = "fragrance";
    s.run("clients().set_history", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.clients().set_history(own, history)); });
    s.run("clients().set_consent", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.clients().set_consent(own, core::PhotoUse::medical_record, true));
    });
    core::SessionId session;
    s.run("sessions().add", Kind::write, [&](storage::Vault& v) {
        auto r = v.sessions().add(punctum::test::make_session(own, treated_on));
        session = r ? *r : core::SessionId{};
        return failure_of(r);
    });
    reads(s, own, session);
    s.run("sessions().add_entry with a photo", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_entry(red_entry(session, 2), {small_photo(3)}));
    });
    s.run("photos().add", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.photos().add(session, small_photo(4))); });
    auto flags = open_flags(s.vault(), session);
    REQUIRE_FALSE(flags.empty());
    s.run("flags().acknowledge", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.flags().acknowledge(flags[0])); });
    s.run("sessions().add_review_note", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_review_note(session, "Felt warm all day."));
    });
    // A care plan from a clinic (another vault, not measured), opened here, and a report.
    VaultFixture clinic;
    auto client = clinic.vault->clients().add(punctum::test::make_client("Me"));
    REQUIRE(client.ok());
    auto theirs =
        punctum::test::add_session(*clinic.vault, punctum::test::make_session(*client, treated_on));
    REQUIRE(theirs.ok());
    const auto plan = clinic.tmp.path() / "plan.punctum-careplan";
    auto issued = clinic.vault->exchange().issue_care_plan(*theirs, plan);
    REQUIRE(issued.ok());
    core::SessionId planned;
    s.run("exchange().open_care_plan", Kind::write, [&](storage::Vault& v) {
        auto r = v.exchange().open_care_plan(plan, issued->pairing_code);
        planned = r ? r->session : core::SessionId{};
        return failure_of(r);
    });
    s.run("sessions().add_entry to the care plan's session", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.sessions().add_entry(red_entry(planned, 3)));
    });
    s.run("exchange().write_report", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.exchange().write_report(clinic.tmp.path() / "r.punctum-report"));
    });
    s.run("set_setting", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.set_setting("auto_lock_seconds", "120")); });
    s.run("add_demo_client", Kind::write, [&](storage::Vault& v) {
        return failure_of(
            storage::add_demo_client(v, core::demo_client(3, 0, core::date_of(f.clock.now()), 1)));
    });
    reads(s, own, session);
    s.run("reveal_data_key_hex", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.reveal_data_key_hex()); });
    s.run("backup_to", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.backup_to(s.out() / "backup.pvb")); });
    s.run("export_plaintext", Kind::write,
          [&](storage::Vault& v) { return failure_of(v.export_plaintext(s.out() / "plain.db")); });
    s.expect_new_key();
    s.run("rotate_data_key", Kind::read, [&](storage::Vault& v) -> std::string {
        // A patient may or may not rotate (manage_accounts); either way, only an
        // audited change may land.
        auto r = v.rotate_data_key();
        if (!r) {
            CHECK(r.error().code == storage::StorageErrc::forbidden);
        }
        return {};
    });
    s.run("change_passphrase", Kind::write, [&](storage::Vault& v) {
        return failure_of(v.change_passphrase(storage::SecureBytes::from("patient passphrase 2"),
                                              storage::KdfParams::minimum_for_tests()));
    });
    s.reopen("Vault::recover", Kind::write, "patient", [&] {
        return storage::Vault::recover(f.folder, f.recovery_key, "patient",
                                       storage::SecureBytes::from("patient after recovery"),
                                       storage::KdfParams::minimum_for_tests(), f.clock);
    });
    s.check_attribution();
}
