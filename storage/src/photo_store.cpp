#include "punctum/storage/photo_store.h"

#include "flag_sync.h"
#include "guard.h"
#include "photo_rows.h"
#include "vault_context.h"

#include <map>

namespace punctum::storage {

namespace {

constexpr const char* photo_columns =
    "SELECT p.id, p.client_id, p.session_id, p.entry_id, p.taken_on, s.treated_on, p.area, "
    "p.width, p.height, p.orientation, p.mime, p.created_at, a.display_name, p.photo_view "
    "FROM photos p "
    "JOIN sessions s ON s.id = p.session_id LEFT JOIN accounts a ON a.id = p.created_by ";

// Photos are shown only while the client's medical-record consent is not withdrawn: a
// photo of a client who has since said no is kept (deleting clinical records is not ours to
// do) but listed and drawn nowhere.
constexpr const char* shown =
    " AND NOT EXISTS (SELECT 1 FROM client_consents c WHERE c.client_id = p.client_id AND "
    "c.kind = 'medical_record' AND c.granted = 0) ";

PhotoInfo read_photo(const Statement& st) {
    PhotoInfo p;
    p.id = st.int64(0);
    p.client_id = core::ClientId{st.int64(1)};
    p.session_id = core::SessionId{st.int64(2)};
    p.entry_id = core::EntryId{st.is_null(3) ? 0 : st.int64(3)};
    p.taken_on = core::parse_date(st.text(4)).value_or(core::Date{});
    if (const auto treated = core::parse_date(st.text(5))) {
        p.day = core::days_between(*treated, p.taken_on);
    }
    p.area = st.text(6);
    p.width = st.integer(7);
    p.height = st.integer(8);
    p.orientation = st.integer(9);
    p.mime = st.text(10);
    p.created_at = core::parse_timestamp(st.text(11)).value_or(core::TimePoint{});
    p.created_by = st.optional_text(12).value_or("");
    p.view = core::photo_view_from_string(st.text(13)).value_or(core::PhotoView::unspecified);
    return p;
}

constexpr const char* analysis_columns =
    "SELECT n.id, n.photo_id, n.roi, n.reference, n.width, n.height, n.pixels_used, "
    "n.a_star_median, n.a_star_p90, n.reference_a_star_median, n.delta_a_star, "
    "n.erythema_index, n.ita_deg, n.calibrated, n.created_at, a.display_name "
    "FROM photo_analyses n LEFT JOIN accounts a ON a.id = n.created_by ";

StoredAnalysis read_analysis(const Statement& st) {
    StoredAnalysis s;
    s.id = st.int64(0);
    s.photo_id = st.int64(1);
    // Written by Region::to_json; a row that no longer reads was altered outside Punctum.
    auto roi = core::photo::Region::from_json(st.text(2));
    auto reference = core::photo::Region::from_json(st.text(3));
    if (!roi || !reference) {
        throw SqlError(StorageErrc::corrupt, 0,
                       "Photo analysis " + std::to_string(s.id) +
                           " no longer reads; run `punctum-cli vault check`.");
    }
    s.roi = std::move(roi).value();
    s.reference = std::move(reference).value();
    auto& v = s.values;
    v.width = st.integer(4);
    v.height = st.integer(5);
    v.pixels_used = st.int64(6);
    v.a_star_median = st.real(7);
    v.a_star_p90 = st.real(8);
    v.reference_a_star_median = st.real(9);
    v.delta_a_star = st.real(10);
    v.erythema_index = st.real(11);
    v.ita_deg = st.real(12);
    v.calibrated = st.integer(13) == 1;
    s.created_at = core::parse_timestamp(st.text(14)).value_or(core::TimePoint{});
    s.created_by = st.optional_text(15).value_or("");
    return s;
}

} // namespace

StorageResult<PhotoInfo> PhotoStore::add(core::SessionId session, NewPhoto photo,
                                         core::EntryId entry) {
    if (auto allowed = ctx_.require(core::Action::log_recovery); !allowed) {
        return allowed.failure();
    }
    auto id = guard([&]() -> StorageResult<std::int64_t> {
        Transaction tx(*ctx_.db);
        const auto row = detail::insert_photo(ctx_, session, entry, photo);
        tx.commit();
        ctx_.committed();
        return row;
    });
    if (!id) {
        return id.failure();
    }
    return get(*id);
}

StorageResult<PhotoInfo> PhotoStore::get(std::int64_t id) {
    return guard([&]() -> StorageResult<PhotoInfo> {
        Statement st(*ctx_.db, std::string(photo_columns) + "WHERE p.id = ?");
        st.bind(1, id);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That photo is not in this vault.");
        }
        return read_photo(st);
    });
}

StorageResult<std::vector<PhotoInfo>> PhotoStore::of_session(core::SessionId session) {
    return guard([&]() -> StorageResult<std::vector<PhotoInfo>> {
        Statement st(*ctx_.db, std::string(photo_columns) + "WHERE p.session_id = ?" + shown +
                                   "ORDER BY p.taken_on, p.id");
        st.bind(1, session.value);
        std::vector<PhotoInfo> out;
        while (st.step()) {
            out.push_back(read_photo(st));
        }
        return out;
    });
}

StorageResult<std::vector<std::uint8_t>> PhotoStore::picture(std::int64_t id, PhotoSize size) {
    const char* column = size == PhotoSize::thumbnail ? "thumbnail"
                         : size == PhotoSize::preview ? "preview"
                                                      : "original";
    return guard([&]() -> StorageResult<std::vector<std::uint8_t>> {
        Statement st(*ctx_.db,
                     std::string("SELECT ") + column + " FROM photos p WHERE p.id = ?" + shown);
        st.bind(1, id);
        if (!st.step()) {
            return fail(StorageErrc::not_found,
                        "That photo is not in this vault, or its client has withdrawn consent "
                        "to photos in their medical record.");
        }
        return st.blob(0);
    });
}

StorageResult<StoredAnalysis> PhotoStore::analyze(std::int64_t id, const core::photo::Region& roi,
                                                  const core::photo::Region& reference,
                                                  const core::photo::RednessOptions& options) {
    if (auto allowed = ctx_.require(core::Action::log_recovery); !allowed) {
        return allowed.failure();
    }
    auto info = get(id);
    if (!info) {
        return info.failure();
    }
    auto original = picture(id, PhotoSize::original);
    if (!original) {
        return original.failure();
    }
    auto measured =
        core::photo::analyze_redness(*original, info->orientation, roi, reference, options);
    if (!measured) {
        return fail(StorageErrc::invalid_input,
                    "The photo was not analysed: " + measured.error().message);
    }
    auto row = guard([&]() -> StorageResult<std::int64_t> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        const auto& v = *measured;
        Statement st(db, "INSERT INTO photo_analyses (photo_id, roi, reference, width, height, "
                         "pixels_used, a_star_median, a_star_p90, reference_a_star_median, "
                         "delta_a_star, erythema_index, ita_deg, calibrated, created_at, "
                         "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, id)
            .bind(2, roi.to_json())
            .bind(3, reference.to_json())
            .bind(4, v.width)
            .bind(5, v.height)
            .bind(6, v.pixels_used)
            .bind(7, v.a_star_median)
            .bind(8, v.a_star_p90)
            .bind(9, v.reference_a_star_median)
            .bind(10, v.delta_a_star)
            .bind(11, v.erythema_index)
            .bind(12, v.ita_deg)
            .bind(13, v.calibrated ? 1 : 0)
            .bind(14, core::format_timestamp(ctx_.clock.now()))
            .bind(15, ctx_.account.id.value)
            .run();
        const auto analysis = db.last_insert_id();
        ctx_.record("photo.analyze", "photo:" + std::to_string(id),
                    roi.to_json() + "|" + reference.to_json() + "|" +
                        std::to_string(v.delta_a_star) + "|" + (v.calibrated ? "1" : "0"));
        detail::sync_flags(ctx_, info->session_id, info->entry_id);
        tx.commit();
        ctx_.committed();
        return analysis;
    });
    if (!row) {
        return row.failure();
    }
    return guard([&]() -> StorageResult<StoredAnalysis> {
        Statement st(*ctx_.db, std::string(analysis_columns) + "WHERE n.id = ?");
        st.bind(1, *row);
        st.step();
        return read_analysis(st);
    });
}

StorageResult<std::vector<RednessDay>> PhotoStore::redness_trend(core::SessionId session) {
    return guard([&]() -> StorageResult<std::vector<RednessDay>> {
        auto& db = *ctx_.db;
        Statement treated(db, "SELECT treated_on FROM sessions WHERE id = ?");
        treated.bind(1, session.value);
        if (!treated.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        const auto treated_on = core::parse_date(treated.text(0)).value_or(core::Date{});
        std::map<int, RednessDay> days;
        const auto at = [&](const std::string& date) -> RednessDay& {
            const int d =
                core::days_between(treated_on, core::parse_date(date).value_or(treated_on));
            auto& day = days[d];
            day.day = d;
            return day;
        };
        // Later rows overwrite earlier ones of the same day: the day's last word counts.
        Statement photos(db, "SELECT p.taken_on, n.delta_a_star, n.calibrated FROM photos p "
                             "JOIN photo_analyses n ON n.id = (SELECT max(id) FROM "
                             "photo_analyses WHERE photo_id = p.id) WHERE p.session_id = ? "
                             "ORDER BY p.taken_on, p.id");
        photos.bind(1, session.value);
        while (photos.step()) {
            auto& day = at(photos.text(0));
            day.delta_a_star = photos.real(1);
            day.calibrated = photos.integer(2) == 1;
        }
        Statement scores(db, "SELECT observed_on, reporter, erythema FROM recovery_entries "
                             "WHERE session_id = ? AND erythema IS NOT NULL "
                             "ORDER BY observed_on, id");
        scores.bind(1, session.value);
        while (scores.step()) {
            auto& day = at(scores.text(0));
            (scores.text(1) == "clinician" ? day.clinician_erythema : day.patient_erythema) =
                scores.integer(2);
        }
        std::vector<RednessDay> out;
        for (auto& [d, day] : days) {
            out.push_back(day);
        }
        return out;
    });
}

StorageResult<std::vector<StoredAnalysis>> PhotoStore::analyses(std::int64_t id) {
    return guard([&]() -> StorageResult<std::vector<StoredAnalysis>> {
        Statement st(*ctx_.db,
                     std::string(analysis_columns) + "WHERE n.photo_id = ? ORDER BY n.id");
        st.bind(1, id);
        std::vector<StoredAnalysis> out;
        while (st.step()) {
            out.push_back(read_analysis(st));
        }
        return out;
    });
}

StorageResult<std::vector<std::uint8_t>> PhotoStore::export_photo(std::int64_t id,
                                                                  core::PhotoUse use) {
    return guard([&]() -> StorageResult<std::vector<std::uint8_t>> {
        auto& db = *ctx_.db;
        Transaction tx(db);
        Statement st(db, "SELECT p.original, c.granted FROM photos p LEFT JOIN client_consents c "
                         "ON c.client_id = p.client_id AND c.kind = ? WHERE p.id = ?");
        st.bind(1, core::to_string(use)).bind(2, id);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That photo is not in this vault.");
        }
        const auto granted = st.optional_int(1);
        const bool allowed = use == core::PhotoUse::medical_record ? granted != 0 : granted == 1;
        if (!allowed) {
            return fail(StorageErrc::forbidden,
                        "The client has not consented to their photos being used for " +
                            std::string(core::to_string(use)) +
                            ". Record their consent on the client page first.");
        }
        auto bytes = st.blob(0);
        ctx_.record("photo.export", "photo:" + std::to_string(id), core::to_string(use));
        tx.commit();
        ctx_.committed();
        return bytes;
    });
}

} // namespace punctum::storage
