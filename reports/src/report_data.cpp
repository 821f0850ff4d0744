#include "report_data.h"

namespace punctum::reports {

namespace {

std::string practitioner_name(storage::Vault& vault, core::AccountId id) {
    if (auto accounts = vault.accounts().list()) {
        for (const auto& a : *accounts) {
            if (a.id == id) {
                return a.display_name;
            }
        }
    }
    return "a former account"; // removed accounts are no longer listed
}

storage::StorageResult<void> read_photos(storage::Vault& vault, SessionData& data) {
    auto consents = vault.clients().consents(data.client.id);
    if (!consents) {
        return consents.failure();
    }
    for (const auto& c : *consents) {
        if (c.use == core::PhotoUse::medical_record && !c.granted) {
            data.photos_withheld = true;
        }
    }
    auto photos = vault.photos().of_session(data.session.id);
    if (!photos) {
        return photos.failure();
    }
    for (auto& info : *photos) {
        ReportPhoto photo{info, std::nullopt, std::nullopt};
        auto original = vault.photos().export_photo(info.id, core::PhotoUse::medical_record);
        if (original) {
            photo.original = std::move(*original);
        } else if (original.error().code == storage::StorageErrc::forbidden) {
            data.photos_withheld = true; // consent withdrawn between listing and export
        } else {
            return original.failure();
        }
        if (auto analyses = vault.photos().analyses(info.id); analyses && !analyses->empty()) {
            photo.delta_a_star = analyses->back().values.delta_a_star;
        }
        data.photos.push_back(std::move(photo));
    }
    return {};
}

} // namespace

storage::StorageResult<SessionData> read_session(storage::Vault& vault, core::SessionId id,
                                                 bool photos) {
    SessionData data;
    auto session = vault.sessions().get(id);
    if (!session) {
        if (session.error().code == storage::StorageErrc::not_found) {
            return punctum::fail(storage::StorageErrc::not_found,
                                 "There is no session " + std::to_string(id.value) +
                                     " in this vault. Check the number: a client's sessions "
                                     "are listed by punctum-cli client show.");
        }
        return session.failure();
    }
    data.session = std::move(*session);
    auto client = vault.clients().get(data.session.client_id);
    if (!client) {
        return client.failure();
    }
    data.client = std::move(*client);
    auto entries = vault.sessions().entries(id);
    if (!entries) {
        return entries.failure();
    }
    data.entries = std::move(*entries);
    auto flags = vault.flags().of_session(id);
    if (!flags) {
        return flags.failure();
    }
    data.flags = std::move(*flags);
    auto profile = vault.norms().active();
    if (!profile) {
        return profile.failure();
    }
    data.profile = std::move(*profile);
    auto outcome = vault.outcomes().of_session(id);
    if (!outcome) {
        return outcome.failure();
    }
    data.outcome = *outcome;
    data.practitioner = practitioner_name(vault, data.session.practitioner);
    auto pairings = vault.exchange().pairings(id);
    if (!pairings) {
        return pairings.failure();
    }
    if (!pairings->empty()) {
        data.pairing_code = pairings->front().pairing_code;
    }
    data.facts = core::session_facts(data.session, data.client.fitzpatrick);
    data.course = core::expected_course(data.facts, data.profile);
    if (photos) {
        if (auto read = read_photos(vault, data); !read) {
            return read.failure();
        }
    }
    return data;
}

storage::StorageResult<CohortData> read_cohort(storage::Vault& vault,
                                               const storage::CohortQuery& query) {
    auto report = vault.outcomes().cohort(query);
    if (!report) {
        return report.failure();
    }
    auto profile = vault.norms().active();
    if (!profile) {
        return profile.failure();
    }
    return CohortData{std::move(*report), std::move(*profile)};
}

} // namespace punctum::reports
