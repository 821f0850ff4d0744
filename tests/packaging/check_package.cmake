# cpack -G DEB from this build into SCRATCH, then the package unpacked into a scratch root as
# `apt install` would lay it out: every file a desktop install needs, dependencies worked out
# by dpkg-shlibdeps, the desktop file and metainfo valid, the changelog parseable, and
# punctum-cli running from the unpacked tree and reporting this version.
function(skip why)
    message(STATUS "PUNCTUM-TEST-SKIPPED: ${why}")
endfunction()
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "${cmd} failed (${rc}):\n${out}\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
    set(err "${err}" PARENT_SCOPE)
endfunction()

if(NOT DPKG_DEB)
    skip("dpkg-deb is not installed: no Debian package can be built or read")
    return()
endif()
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
run(${CPACK} -G DEB --config "${BUILD}/CPackConfig.cmake" -B "${SCRATCH}")
file(GLOB debs "${SCRATCH}/punctum_${VERSION}_*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "cpack wrote ${count} packages named punctum_${VERSION}_*.deb in ${SCRATCH}")
endif()

# The control file: this version, and libraries found by dpkg-shlibdeps (not written by
# hand: SQLCipher and libsodium are linked, never named in PunctumCPack.cmake).
run(${DPKG_DEB} --field ${debs} Package Version Depends)
set(control "${out}")
foreach(want "Package: punctum" "Version: ${VERSION}" "libsqlcipher0" "libsodium23" "libc6")
    string(FIND "${control}" "${want}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package's control file lacks '${want}':\n${control}")
    endif()
endforeach()
if(UI)
    foreach(want "libqt6quick6" "qml6-module-qtquick-controls")
        string(FIND "${control}" "${want}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "the app's package does not depend on ${want}:\n${control}")
        endif()
    endforeach()
endif()

set(root "${SCRATCH}/root")
run(${DPKG_DEB} --extract ${debs} "${root}")
set(files
    usr/bin/punctum-cli
    usr/share/man/man1/punctum-cli.1.gz
    usr/share/bash-completion/completions/punctum-cli
    usr/share/doc/punctum/copyright
    usr/share/doc/punctum/changelog.gz)
if(UI)
    list(APPEND files
         usr/bin/punctum
         usr/share/man/man1/punctum.1.gz
         usr/share/applications/org.punctum.Punctum.desktop
         usr/share/metainfo/org.punctum.Punctum.metainfo.xml
         usr/share/icons/hicolor/scalable/apps/org.punctum.Punctum.svg)
    foreach(size 16 22 24 32 48 64 128 256 512)
        list(APPEND files usr/share/icons/hicolor/${size}x${size}/apps/org.punctum.Punctum.png)
    endforeach()
endif()
foreach(f IN LISTS files)
    if(NOT EXISTS "${root}/${f}")
        message(FATAL_ERROR "the package has no /${f}")
    endif()
endforeach()
# Nothing outside /usr: no build paths, no test binaries, nothing under /usr/local.
file(GLOB_RECURSE everything RELATIVE "${root}" "${root}/*")
foreach(f IN LISTS everything)
    if(NOT f MATCHES "^usr/(bin|share)/")
        message(FATAL_ERROR "the package installs /${f}, outside /usr/bin and /usr/share")
    endif()
endforeach()
if(UI)
    file(READ "${root}/usr/share/icons/hicolor/48x48/apps/org.punctum.Punctum.png" magic LIMIT 8 HEX)
    if(NOT magic STREQUAL "89504e470d0a1a0a")
        message(FATAL_ERROR "the 48x48 icon is not a PNG")
    endif()
endif()

# punctum-cli runs from the unpacked tree (its libraries are the system's, as after apt).
run("${root}/usr/bin/punctum-cli" version --json)
string(JSON installed_version GET "${out}" punctum)
if(NOT installed_version STREQUAL VERSION)
    message(FATAL_ERROR "the packaged punctum-cli says version '${installed_version}', not ${VERSION}")
endif()
string(JSON sqlcipher GET "${out}" sqlcipher)
message(STATUS "packaged punctum-cli ${installed_version} runs, with SQLCipher ${sqlcipher}")

if(DPKG_PARSECHANGELOG)
    execute_process(COMMAND gzip -dc "${root}/usr/share/doc/punctum/changelog.gz"
                    OUTPUT_FILE "${SCRATCH}/changelog" RESULT_VARIABLE rc)
    run(${DPKG_PARSECHANGELOG} -l "${SCRATCH}/changelog" -S Version)
    string(STRIP "${out}" changelog_version)
    if(NOT changelog_version STREQUAL VERSION)
        message(FATAL_ERROR "the Debian changelog's newest entry is '${changelog_version}'")
    endif()
endif()

set(skipped "")
if(UI)
    if(DESKTOP_FILE_VALIDATE)
        # Exit 0 allows hints; an error or a warning fails.
        run(${DESKTOP_FILE_VALIDATE} "${root}/usr/share/applications/org.punctum.Punctum.desktop")
        if("${out}${err}" MATCHES "error:|warning:")
            message(FATAL_ERROR "desktop-file-validate:\n${out}${err}")
        endif()
    else()
        list(APPEND skipped "desktop-file-validate is not installed")
    endif()
    if(APPSTREAMCLI)
        run(${APPSTREAMCLI} validate --no-net --explain
            "${root}/usr/share/metainfo/org.punctum.Punctum.metainfo.xml")
    else()
        list(APPEND skipped "appstreamcli is not installed")
    endif()
endif()
if(skipped)
    skip("the package was checked, but not validated: ${skipped}")
endif()
