#include "punctum/reports/qt_component.h"

#include <QtGlobal>

namespace punctum::reports {

core::Component qt_component() {
    // qVersion() is the library loaded at run time, not the headers built against; Debian's
    // Qt 6 is offered under the LGPL 3 (or GPL 2/3), and Punctum links it dynamically.
    return {"Qt", qVersion(), "LGPL-3.0-only", "the app's window and pages, and PDF reports"};
}

} // namespace punctum::reports
