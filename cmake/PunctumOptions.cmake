# Compile options as an INTERFACE target, linked by every Punctum target; nothing global.
add_library(punctum_options INTERFACE)
add_library(punctum::options ALIAS punctum_options)

target_compile_options(punctum_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
    -Wformat=2 -Wimplicit-fallthrough)

if(PUNCTUM_WERROR)
    target_compile_options(punctum_options INTERFACE -Werror)
endif()

if(PUNCTUM_SANITIZE)
    target_compile_options(punctum_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(punctum_options INTERFACE -fsanitize=address,undefined)
endif()

if(PUNCTUM_HARDEN)
    # _FORTIFY_SOURCE needs optimisation; release builds have it.
    target_compile_options(punctum_options INTERFACE
        -fstack-protector-strong -fstack-clash-protection -fcf-protection -fPIE
        $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    target_link_options(punctum_options INTERFACE -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack)
endif()

# Third-party headers are included as system headers so our warnings stay ours.
function(punctum_target_defaults target)
    target_link_libraries(${target} PRIVATE punctum::options)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
