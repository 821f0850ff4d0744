#pragma once
// What a client allows their photos to be used for. Kept per client, attributed, and
// checked by every export of a photo (storage's PhotoStore::export_photo).

#include <optional>
#include <string_view>

namespace punctum::core {

/// From the narrowest use to the widest.
enum class PhotoUse {
    medical_record,    ///< kept in the record and shown to those treating the client
    in_clinic_display, ///< shown to other clients in the clinic (before/after boards)
    publication,       ///< published: website, social media, articles
};

[[nodiscard]] std::string_view to_string(PhotoUse use);
[[nodiscard]] std::optional<PhotoUse> photo_use_from_string(std::string_view text);

} // namespace punctum::core
