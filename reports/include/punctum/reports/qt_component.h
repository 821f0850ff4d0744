#pragma once
// Qt as `punctum-cli version` and the About page list it: the run-time version of the Qt
// libraries this build links (Qt GUI here; Qt Quick in the app). Qt-free header.

#include "punctum/core/about/component.h"

namespace punctum::reports {

[[nodiscard]] core::Component qt_component();

} // namespace punctum::reports
