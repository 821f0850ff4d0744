# Runs `punctum --screenshots OUT` and checks a non-trivial PNG exists for every page.
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${APP}" --screenshots "${OUT}" RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "punctum --screenshots failed (${rc}):\n${out}\n${err}")
endif()
foreach(page create create-personal-weak create-personal-strong recovery-key attention attention-keyboard attention-dismiss clients client client-history-edit client-history session
             log-recovery log-recovery-earlier log-recovery-result new-session-history new-session-screening new-session-treatment
             new-session-aftercare new-session-review new-session-signed new-session-flagged
             reviews-incomplete reviews-return attention-returned
             settings settings-recovery-key settings-accounts settings-about task-progress reviews-audit reviews-sessions reviews-cohort reviews-export
             settings-inbox session-care-plan session-care-plans
             session-dark reviewer-attention
             patient-today patient-recovery patient-aftercare
             patient-care-plan patient-care-plan-opened patient-report-sent unlock unlock-error restore-backup unlock-restored)
    set(png "${OUT}/${page}.png")
    if(NOT EXISTS "${png}")
        message(FATAL_ERROR "no screenshot for page '${page}'")
    endif()
    file(SIZE "${png}" size)
    if(size LESS 5000)
        message(FATAL_ERROR "the screenshot of '${page}' is only ${size} bytes: blank?")
    endif()
    file(READ "${png}" magic LIMIT 8 HEX)
    if(NOT magic STREQUAL "89504e470d0a1a0a")
        message(FATAL_ERROR "${png} is not a PNG")
    endif()
endforeach()
message(STATUS "screenshots in ${OUT}")
