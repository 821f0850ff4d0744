#pragma once
// The view a photo shows (front, left, right, oblique), so that a comparison sets like
// beside like: redness and texture read differently from another angle.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace punctum::core {

/// How the face or body part was photographed. `unspecified` is "not recorded" (stored as
/// ""); the keys are stored in the vault: never rename one.
enum class PhotoView { unspecified, front, left, right, oblique };
[[nodiscard]] std::string_view to_string(PhotoView view);
/// "" -> unspecified; nullopt for an unknown key.
[[nodiscard]] std::optional<PhotoView> photo_view_from_string(std::string_view text);
/// The views a form offers, without `unspecified`.
[[nodiscard]] std::span<const PhotoView> recorded_photo_views();
/// Plain words: "front", "left side", "right side", "oblique (three-quarter)"; "" for
/// unspecified.
[[nodiscard]] std::string_view photo_view_words(PhotoView view);

/// Whether two photos show views known to differ (an unspecified view differs from none).
[[nodiscard]] bool views_differ(PhotoView a, PhotoView b);

/// The default pair to compare among photos in day order (index 0 the earliest): the
/// earliest and the latest photo of one view, of the view photographed most recently among
/// those with two photos or more; photos without a view form a view of their own. With no
/// view photographed twice, the earliest and the latest photo. nullopt for fewer than two.
[[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>>
default_compare_pair(std::span<const PhotoView> views_in_day_order);

} // namespace punctum::core
