#include "punctum/storage/demo_writer.h"

#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/vault.h"

#include <algorithm>

namespace punctum::storage {

namespace {

// A photo whose treated patch stands out from untreated skin as the logged redness says:
// about 2.5 units of delta a* per step of the erythema scale (photo.md: 2-2.5 units is
// just-visible erythema), a skin tone from the client's Fitzpatrick type. Demo data only.
core::photo::SyntheticPhotoSpec photo_spec(const core::DemoClient& demo,
                                           const core::RecoveryEntry& entry, std::uint32_t seed) {
    core::photo::SyntheticPhotoSpec s;
    s.width = 1200;
    s.height = 900;
    const int type = demo.client.fitzpatrick.value_or(3);
    s.skin_L = 75.0 - 6.0 * type; // lighter to darker skin
    s.skin_a = 10.0 + type;
    s.skin_b = 14.0 + 2.0 * type;
    s.treated_delta_a = 2.5 * entry.score(core::Symptom::erythema).value_or(0);
    s.with_chart = true;
    s.warm_cast = seed % 3 == 0 ? 0.1 : 0.0; // some photos under warm indoor light
    s.seed = seed;
    return s;
}

StorageResult<void> add_photos(Vault& vault, const core::DemoClient& demo, core::SessionId session,
                               const std::vector<core::EntryId>& entries,
                               const std::vector<core::RecoveryEntry>& stored, int limit) {
    const auto count = std::min<std::size_t>(entries.size(), static_cast<std::size_t>(limit));
    for (std::size_t i = 0; i < count; ++i) {
        const auto seed = static_cast<std::uint32_t>(entries[i].value);
        const auto spec = photo_spec(demo, stored[i], seed);
        // Front views, with a left side view between them: compare pairs the fronts.
        const auto view = i % 2 == 0 ? core::PhotoView::front : core::PhotoView::left;
        auto imported = core::photo::import_photo(core::photo::synthetic_skin_photo(spec));
        if (!imported) {
            return fail(StorageErrc::internal,
                        "A demo photo could not be imported: " + imported.error().message);
        }
        auto photo = vault.photos().add(
            session, {std::move(imported).value(), "cheeks", std::nullopt, view}, entries[i]);
        if (!photo) {
            return photo.failure();
        }
        auto analysis =
            vault.photos().analyze(photo->id, core::photo::synthetic_treated_region(spec),
                                   core::photo::synthetic_reference_region(spec));
        if (!analysis) {
            return analysis.failure();
        }
    }
    return {};
}

// Demo sessions pass the same gate as any other (SessionStore::add): a clinic screens the
// client on the day first. Demo clients have no contraindications, so the verdict is
// proceed, or caution for depths over 1.5 mm. A patient's own record needs no screening.
StorageResult<void> screen_for(Vault& vault, core::TreatmentSession& session) {
    if (vault.kind() == VaultKind::personal) {
        return {};
    }
    core::ScreeningInput input;
    input.date = session.treated_on;
    input.depth_mm = session.max_depth_mm();
    auto stored = vault.screenings().record(session.client_id, input);
    if (!stored) {
        return stored.failure();
    }
    session.screening_id = stored->id;
    return {};
}

} // namespace

StorageResult<core::ClientId> add_demo_client(Vault& vault, const core::DemoClient& demo,
                                              const DemoPhotos& photos) {
    core::ClientId client_id;
    auto done = vault.batch([&]() -> StorageResult<void> {
        // A personal vault holds one person: the demo's treatments join their own record.
        auto id = vault.kind() == VaultKind::personal ? vault.clients().own()
                                                      : vault.clients().add(demo.client);
        if (!id) {
            return id.failure();
        }
        client_id = *id;
        for (std::size_t s = 0; s < demo.sessions.size(); ++s) {
            const auto& ds = demo.sessions[s];
            auto session = ds.session;
            session.client_id = client_id;
            if (auto cleared = screen_for(vault, session); !cleared) {
                return cleared.failure();
            }
            auto sid = vault.sessions().add(session);
            if (!sid) {
                return sid.failure();
            }
            std::vector<core::EntryId> entry_ids;
            for (auto entry : ds.entries) {
                entry.session_id = *sid;
                if (vault.kind() == VaultKind::personal &&
                    entry.reporter == core::Reporter::clinician) {
                    // At home the patient rates their own result; the clinic's review
                    // is not in their vault.
                    entry.reporter = core::Reporter::patient;
                    entry.gais_practitioner.reset();
                    entry.note.clear();
                }
                auto eid = vault.sessions().add_entry(entry);
                if (!eid) {
                    return eid.failure();
                }
                entry_ids.push_back(*eid);
            }
            const bool latest = s + 1 == demo.sessions.size();
            if (photos.enabled && latest) {
                if (auto added =
                        add_photos(vault, demo, *sid, entry_ids, ds.entries, photos.per_session);
                    !added) {
                    return added.failure();
                }
            }
        }
        return {};
    });
    if (!done) {
        return done.failure();
    }
    return client_id;
}

StorageResult<int> fill_demo(Vault& vault, const DemoFill& fill, core::Date today,
                             const DemoClientAdded& added) {
    int count = 0;
    for (int i = 0; i < fill.clients; ++i) {
        const auto demo = core::demo_client(fill.seed, i, today, fill.sessions_per_client);
        DemoPhotos photos;
        photos.enabled = fill.photos_every > 0 && i % fill.photos_every == 0;
        auto id = add_demo_client(vault, demo, photos);
        if (!id) {
            return id.failure();
        }
        ++count;
        if (added && !added(demo, *id, photos.enabled)) {
            break;
        }
    }
    return count;
}

} // namespace punctum::storage
