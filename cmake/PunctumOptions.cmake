# Compile options as an INTERFACE target, linked by every Punctum target; nothing global.
add_library(punctum_options INTERFACE)
add_library(punctum::options ALIAS punctum_options)

# Warnings every source gets, including the code Qt's tools generate for qml/.
target_compile_options(punctum_options INTERFACE
    -Wall -Wextra -Wnon-virtual-dtor -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
# Stricter warnings for code we write by hand. qmlcachegen's output shadows and casts, so
# Qt targets apply these to their hand-written sources only (punctum_strict_sources).
set(PUNCTUM_STRICT_WARNINGS
    -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast -Wdouble-promotion)
# Not -Wnull-dereference: GCC 12 at -O2 reports false positives inside libstdc++'s streams.
add_library(punctum_strict_warnings INTERFACE)
target_compile_options(punctum_strict_warnings INTERFACE ${PUNCTUM_STRICT_WARNINGS})

if(PUNCTUM_WERROR)
    target_compile_options(punctum_options INTERFACE -Werror)
endif()

if(PUNCTUM_SANITIZE)
    target_compile_options(punctum_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(punctum_options INTERFACE -fsanitize=address,undefined)
endif()

# ThreadSanitizer: the vault is used from the UI thread and a worker (a backup, re-evaluation,
# audit check). Not combinable with PUNCTUM_SANITIZE (ASan). Qt is not built with TSan, so
# reports inside Qt's own code are expected; tests/tsan.supp lists those, never ours.
option(PUNCTUM_TSAN "Build with ThreadSanitizer (see the tsan preset)" OFF)
if(PUNCTUM_TSAN)
    if(PUNCTUM_SANITIZE OR PUNCTUM_FUZZ)
        message(FATAL_ERROR "PUNCTUM_TSAN cannot be combined with PUNCTUM_SANITIZE or PUNCTUM_FUZZ")
    endif()
    target_compile_options(punctum_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(punctum_options INTERFACE -fsanitize=thread)
endif()

if(PUNCTUM_FUZZ)
    # Coverage for libFuzzer in every library the fuzz targets link, plus the sanitizers.
    target_compile_options(punctum_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(punctum_options INTERFACE -fsanitize=address,undefined)
endif()

if(PUNCTUM_HARDEN)
    # _FORTIFY_SOURCE needs optimisation; release builds have it.
    # No explicit -fPIE: POSITION_INDEPENDENT_CODE (set on every target) gives -fPIE to plain
    # executables, and Qt, built with QT_REDUCE_RELOCATIONS, needs its -fPIC to win; a
    # trailing -fPIE made every Qt program crash at start.
    target_compile_options(punctum_options INTERFACE
        -fstack-protector-strong -fstack-clash-protection -fcf-protection
        $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    target_link_options(punctum_options INTERFACE -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack)
endif()

# Third-party headers are included as system headers so our warnings stay ours.
function(punctum_target_defaults target)
    target_link_libraries(${target} PRIVATE punctum::options punctum_strict_warnings)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# For targets with generated sources (Qt): the common warnings on all, strict ones on `sources`.
function(punctum_qt_target_defaults target)
    target_link_libraries(${target} PRIVATE punctum::options)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
function(punctum_strict_sources)
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "${PUNCTUM_STRICT_WARNINGS}")
endfunction()
