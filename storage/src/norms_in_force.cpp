#include "norms_in_force.h"

#include "crypto.h"
#include "punctum/core/date.h"
#include "sqlite/sql_error.h"

#include <stdexcept>

namespace punctum::storage::detail {

namespace {

void cache(VaultContext& ctx, std::int64_t row, std::vector<unsigned char> digest,
           core::NormsProfile profile) {
    ctx.norms_row = row;
    ctx.norms_digest = std::move(digest);
    ctx.norms = std::make_shared<const core::NormsProfile>(std::move(profile));
}

} // namespace

NormsInForce norms_in_force(VaultContext& ctx) {
    // The active row is read every time, so a rolled-back adoption never lingers; only the
    // parsing is cached, keyed by row and digest (a row id can be reused after a rollback).
    auto& db = *ctx.db;
    Statement st(db, "SELECT id, digest FROM norms_profiles WHERE active = 1");
    if (st.step()) {
        const std::int64_t row = st.int64(0);
        auto digest = st.blob(1);
        if (ctx.norms && ctx.norms_row == row && ctx.norms_digest == digest) {
            return {row, ctx.norms};
        }
        Statement body(db, "SELECT body FROM norms_profiles WHERE id = ?");
        body.bind(1, row);
        body.step();
        auto parsed = core::parse_norms_profile(body.text(0));
        if (!parsed) {
            throw std::runtime_error("The norms profile in force no longer reads (" +
                                     parsed.error().message +
                                     "). Adopt a profile again in Settings.");
        }
        cache(ctx, row, std::move(digest), std::move(parsed).value());
    } else {
        const auto& profile = core::default_norms_profile();
        activate_profile(ctx, profile, core::default_norms_json());
    }
    return {ctx.norms_row, ctx.norms};
}

std::int64_t activate_profile(Connection& db, AuditLog& audit, core::TimePoint at,
                              core::AccountId by, const core::NormsProfile& profile,
                              std::string_view json) {
    const auto digest = crypto::digest(json);
    std::int64_t row = 0;
    Statement find(db,
                   "SELECT id, digest FROM norms_profiles WHERE profile_key = ? AND version = ?");
    find.bind(1, profile.id).bind(2, profile.version);
    if (find.step()) {
        if (find.blob(1) != digest) {
            throw SqlError(StorageErrc::invalid_input, 0,
                           "This vault already has norms profile " + profile.id + " version " +
                               profile.version +
                               " with different content. Give the changed profile a new "
                               "version number.");
        }
        row = find.int64(0);
    }
    db.exec("UPDATE norms_profiles SET active = 0 WHERE active = 1");
    const auto now = core::format_timestamp(at);
    if (row == 0) {
        Statement insert(db, "INSERT INTO norms_profiles (profile_key, version, body, digest, "
                             "adopted_at, adopted_by, active) VALUES (?, ?, ?, ?, ?, ?, 1)");
        insert.bind(1, profile.id)
            .bind(2, profile.version)
            .bind(3, json)
            .bind_blob(4, digest)
            .bind(5, now)
            .bind(6, by.value)
            .run();
        row = db.last_insert_id();
    } else {
        Statement update(db, "UPDATE norms_profiles SET active = 1, adopted_at = ?, "
                             "adopted_by = ? WHERE id = ?");
        update.bind(1, now).bind(2, by.value).bind(3, row).run();
    }
    audit.append(at, by, "norms.adopt", "norms_profile:" + std::to_string(row),
                 profile.id + "|" + profile.version + "|" + std::string(json));
    return row;
}

bool follow_shipped_norms(VaultContext& ctx) {
    Statement st(*ctx.db, "SELECT profile_key, version, digest FROM norms_profiles "
                          "WHERE active = 1");
    const auto& shipped = core::default_norms_profile();
    if (!st.step() || st.text(0) != shipped.id || st.text(1) == shipped.version ||
        st.blob(2) == crypto::digest(core::default_norms_json())) {
        return false;
    }
    activate_profile(ctx, shipped, core::default_norms_json());
    return true;
}

std::int64_t activate_profile(VaultContext& ctx, const core::NormsProfile& profile,
                              std::string_view json) {
    const auto row =
        activate_profile(*ctx.db, *ctx.audit, ctx.clock.now(), ctx.account.id, profile, json);
    cache(ctx, row, crypto::digest(json), profile);
    return row;
}

} // namespace punctum::storage::detail
