#include "photo_rows.h"

#include "punctum/core/date.h"
#include "sqlite/sql_error.h"

namespace punctum::storage::detail {

std::int64_t insert_photo(VaultContext& ctx, core::SessionId session, core::EntryId entry,
                          const NewPhoto& added) {
    const core::photo::ImportedPhoto& photo = added.photo;
    const std::string& area = added.area;
    std::optional<core::Date> taken_on = added.taken_on;
    const core::PhotoView view = added.view;
    auto& db = *ctx.db;
    Statement owner(db, "SELECT client_id FROM sessions WHERE id = ?");
    owner.bind(1, session.value);
    if (!owner.step()) {
        throw SqlError(StorageErrc::not_found, 0, "That session is not in this vault.");
    }
    const std::int64_t client = owner.int64(0);
    // A client who said no to photos in their medical record gets none: refused here, where
    // every photo is written, not only on export.
    Statement consent(db, "SELECT granted FROM client_consents WHERE client_id = ? AND "
                          "kind = 'medical_record'");
    consent.bind(1, client);
    if (consent.step() && consent.integer(0) == 0) {
        throw SqlError(StorageErrc::forbidden, 0,
                       "This client declined photos in their medical record, so no photo was "
                       "added. If they change their mind, record their consent on the client "
                       "page first.");
    }
    if (entry.valid()) {
        Statement e(db, "SELECT observed_on FROM recovery_entries WHERE id = ? AND session_id = ?");
        e.bind(1, entry.value).bind(2, session.value);
        if (!e.step()) {
            throw SqlError(StorageErrc::not_found, 0,
                           "That recovery entry is not part of this session.");
        }
        if (!taken_on) {
            taken_on = core::parse_date(e.text(0));
        }
    }
    const auto date = taken_on.value_or(core::date_of(ctx.clock.now()));
    const bool jpeg = photo.format == core::photo::ImageFormat::jpeg;
    Statement st(db, "INSERT INTO photos (client_id, session_id, entry_id, taken_on, area, width, "
                     "height, orientation, mime, original, preview, thumbnail, sha256, "
                     "created_at, created_by, photo_view) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, client).bind(2, session.value);
    if (entry.valid()) {
        st.bind(3, entry.value);
    } else {
        st.bind_null(3);
    }
    st.bind(4, core::format_date(date))
        .bind(5, area)
        .bind(6, photo.width)
        .bind(7, photo.height)
        .bind(8, photo.orientation)
        .bind(9, jpeg ? "image/jpeg" : "image/png")
        .bind_blob(10, photo.original)
        .bind_blob(11, photo.preview)
        .bind_blob(12, photo.thumbnail)
        .bind_blob(13, photo.sha256)
        .bind(14, core::format_timestamp(ctx.clock.now()))
        .bind(15, ctx.account.id.value)
        .bind(16, core::to_string(view))
        .run();
    const auto id = db.last_insert_id();
    // The digest of the original stands for the pixels in the audit event; the view follows
    // it when recorded, so a photo without one digests as before.
    std::string hex;
    static constexpr char digits[] = "0123456789abcdef";
    for (const auto b : photo.sha256) {
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    ctx.record("photo.add", "photo:" + std::to_string(id),
               std::to_string(session.value) + "|" + std::to_string(entry.value) + "|" +
                   core::format_date(date) + "|" + area + "|" + hex +
                   (view == core::PhotoView::unspecified
                        ? std::string()
                        : "|view:" + std::string(core::to_string(view))));
    return id;
}

} // namespace punctum::storage::detail
