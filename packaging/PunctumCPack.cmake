# The Debian package (issue 16): `cpack -G DEB` in a configured and built build folder
# writes punctum_<version>_<arch>.deb, installable with `apt install ./punctum_*.deb`.
# Shared-library dependencies are worked out by dpkg-shlibdeps from the binaries; what the
# binaries load without linking (QML modules, Qt's platform plugins) is listed by hand.
set(CPACK_PACKAGE_NAME punctum)
set(CPACK_PACKAGE_VENDOR "The Punctum developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines under 80 columns with dpkg's leading space: it shows them as they are written.
set(CPACK_PACKAGE_DESCRIPTION
    "Practitioners record microneedling sessions and follow-up notes,
patients log their recovery at home, and reviewers audit outcomes.
Recovery is checked day by day against documented norms, and every
record and photo is kept in an encrypted local vault (SQLCipher).
Includes the desktop app (punctum) and the command line (punctum-cli).")
set(CPACK_PACKAGE_CONTACT "${PUNCTUM_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES /build/ /\\.git/)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(PUNCTUM_BUILD_UI)
    # The app's QML imports (QtQuick, Controls with Material, Layouts, Dialogs) are plugins
    # that no ELF file links, so dpkg-shlibdeps cannot see them.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, \
qml6-module-qtquick-dialogs")
    # Wayland sessions run natively with it; without it the app uses XWayland.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
endif()
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PUNCTUM_HOMEPAGE_URL}")

set(CPACK_GENERATOR DEB)
include(CPack)
