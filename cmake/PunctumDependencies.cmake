# Every dependency comes from a Debian package listed in packaging/deps.
find_package(PkgConfig REQUIRED)

# Debian's SQLCipher 3.4.1. Its headers live in /usr/include/sqlcipher; we include
# <sqlcipher/sqlite3.h> explicitly so the system libsqlite3's header can never be picked up.
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
# OpenSSL's libcrypto is SQLCipher's cipher; storage links it only to report the version
# loaded at run time (SQLCipher's own PRAGMA gives the version it was built against).
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET libcrypto>=3)

find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)

if(PUNCTUM_BUILD_TESTS)
    find_package(Catch2 2.13 REQUIRED)
    include(Catch)
endif()

# Qt only for the desktop app and its tests; found here so every directory sees its targets.
if(PUNCTUM_BUILD_UI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Qml Quick QuickControls2 Test)
endif()

# OpenCV for core/photo only (punctum_photo). Never highgui or cvv: Debian builds them
# against Qt 5, which must not load into the Qt 6 app. mcc pulls in dnn.
# imgcodecs only for the photo benchmarks' bare decode: core/photo reads and writes JPEG and
# PNG with libjpeg and libpng itself, because imgcodecs pulls ~130 libraries (GDAL, GDCM,
# HDF5, ...) into every process that links it: ~90 ms and ~40 MB before main().
find_package(OpenCV 4.6 REQUIRED COMPONENTS core imgproc imgcodecs video features2d calib3d mcc)
find_package(JPEG REQUIRED)
find_package(PNG REQUIRED)
