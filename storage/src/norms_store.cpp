#include "punctum/storage/norms_store.h"

#include "guard.h"
#include "norms_in_force.h"
#include "vault_context.h"

namespace punctum::storage {

namespace {

AdoptedProfile read_adopted(Statement& st) {
    AdoptedProfile p;
    p.row = st.int64(0);
    p.id = st.text(1);
    p.version = st.text(2);
    p.adopted_at = core::parse_timestamp(st.text(3)).value_or(core::TimePoint{});
    p.adopted_by = st.optional_text(4).value_or("");
    p.active = st.integer(5) == 1;
    // The title is inside the stored JSON; parsing it here would make a listing cost a
    // parse per row, so the list shows id and version and the page opens the body.
    return p;
}

constexpr const char* adopted_columns =
    "SELECT p.id, p.profile_key, p.version, p.adopted_at, a.display_name, p.active "
    "FROM norms_profiles p LEFT JOIN accounts a ON a.id = p.adopted_by ";

} // namespace

StorageResult<core::NormsProfile> NormsStore::active() {
    return guard([&]() -> StorageResult<core::NormsProfile> {
        // A pure read never commits: a commit moves the audit head kept beside the vault on to
        // the database's, which would erase the evidence of a database rolled back to an older
        // copy. Only a vault that has never adopted a profile writes (the shipped one), below.
        Statement any(*ctx_.db, "SELECT 1 FROM norms_profiles WHERE active = 1");
        if (any.step()) {
            return *detail::norms_in_force(ctx_).profile;
        }
        Transaction tx(*ctx_.db);
        const auto in_force = detail::norms_in_force(ctx_);
        core::NormsProfile profile = *in_force.profile;
        tx.commit();
        ctx_.committed();
        return profile;
    });
}

StorageResult<std::string> NormsStore::active_json() {
    return guard([&]() -> StorageResult<std::string> {
        Statement st(*ctx_.db, "SELECT body FROM norms_profiles WHERE active = 1");
        if (!st.step()) {
            return std::string(core::default_norms_json()); // never adopted: the shipped one
        }
        return st.text(0);
    });
}

StorageResult<AdoptedProfile> NormsStore::adopt(std::string_view json) {
    if (auto allowed = ctx_.require(core::Action::change_settings); !allowed) {
        return allowed.failure();
    }
    auto parsed = core::parse_norms_profile(json);
    if (!parsed) {
        return fail(StorageErrc::invalid_input,
                    "This norms profile was not adopted: " + parsed.error().message);
    }
    return guard([&]() -> StorageResult<AdoptedProfile> {
        Transaction tx(*ctx_.db);
        const auto row = detail::activate_profile(ctx_, *parsed, json);
        Statement st(*ctx_.db, std::string(adopted_columns) + "WHERE p.id = ?");
        st.bind(1, row);
        st.step();
        auto adopted = read_adopted(st);
        adopted.title = parsed->title;
        tx.commit();
        ctx_.committed();
        return adopted;
    });
}

StorageResult<AdoptedProfile> NormsStore::adopt_default() {
    return adopt(core::default_norms_json());
}

StorageResult<std::vector<AdoptedProfile>> NormsStore::history() {
    return guard([&]() -> StorageResult<std::vector<AdoptedProfile>> {
        Statement st(*ctx_.db,
                     std::string(adopted_columns) + "ORDER BY p.adopted_at DESC, p.id DESC");
        std::vector<AdoptedProfile> out;
        while (st.step()) {
            out.push_back(read_adopted(st));
        }
        return out;
    });
}

} // namespace punctum::storage
