# The metainfo names this build's version as its newest release (so a version bump without
# release notes fails here), and every screenshot it shows is one the app rendered, kept in
# docs/screenshots/ under the same name.
if(NOT UI)
    message(STATUS "PUNCTUM-TEST-SKIPPED: a build without the app installs no metainfo")
    return()
endif()
file(READ "${METAINFO}" xml)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _ "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "the metainfo's newest release is '${CMAKE_MATCH_1}', the project is "
                        "${VERSION}: add a <release> with its notes to "
                        "packaging/linux/org.punctum.Punctum.metainfo.xml.in")
endif()
string(REGEX MATCHALL "<image[^>]*>[^<]+</image>" images "${xml}")
list(LENGTH images count)
if(count LESS 3)
    message(FATAL_ERROR "the metainfo shows ${count} screenshots; software centres want several")
endif()
foreach(image IN LISTS images)
    string(REGEX MATCH "/([^/<]+\\.png)</image>" _ "${image}")
    set(name "${CMAKE_MATCH_1}")
    if(name STREQUAL "" OR NOT EXISTS "${ROOT}/docs/screenshots/${name}")
        message(FATAL_ERROR "the metainfo shows '${image}', which is not in docs/screenshots")
    endif()
endforeach()
message(STATUS "metainfo: release ${VERSION}, ${count} screenshots from docs/screenshots")
