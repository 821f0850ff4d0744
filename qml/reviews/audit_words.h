#pragma once
// Audit actions in plain words for the reviewer's table ("flag.dismissed" -> "Dismissed a
// flag"), so nobody needs to know storage's action names.

#include <QString>
#include <string_view>

namespace punctum::ui {

/// The action as a short past-tense sentence; the raw name when it is not a known one.
[[nodiscard]] QString audit_action_words(std::string_view action);

} // namespace punctum::ui
