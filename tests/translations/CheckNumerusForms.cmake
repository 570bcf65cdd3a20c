# SPDX-License-Identifier: GPL-3.0-or-later
# Every tr("... %n ...", nullptr, n) string of ui/ has its singular and plural forms in the shipped en_GB file, so
# that nothing shows "1 days" (issue 15). Runs lupdate -pluralonly over ui/ into a copy of the shipped .ts (as the
# update_translations target does, without touching the source tree) and fails on every message lupdate had to add
# or left unfinished, naming its source text and context.
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DTS_FILE=... -DWORK_DIR=... -P CheckNumerusForms.cmake
foreach(var LUPDATE SOURCE_DIR TS_FILE WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckNumerusForms.cmake needs -D${var}=...")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
get_filename_component(ts_name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${ts_name})
file(COPY_FILE ${TS_FILE} ${copy})
execute_process(
    COMMAND ${LUPDATE} -silent -I ${SOURCE_DIR} -pluralonly -locations none -no-obsolete ${SOURCE_DIR}/ui -ts ${copy}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${status}):\n${output}")
endif()

file(READ ${copy} text)
# Split into contexts, then messages (CMake lists: the text's own ";" are set aside first).
string(REPLACE ";" "<wb-semicolon>" text "${text}")
string(REPLACE "</context>" "</context>;" contexts "${text}")
set(missing "")
foreach(part IN LISTS contexts)
    string(REGEX MATCH "<name>([^<]*)</name>" _ "${part}")
    set(context "${CMAKE_MATCH_1}")
    string(REPLACE "</message>" "</message>;" messages "${part}")
    foreach(message IN LISTS messages)
        if(message MATCHES "type=\"unfinished\"" OR message MATCHES "<numerusform></numerusform>")
            string(REGEX MATCH "<source>([^<]*)</source>" _ "${message}")
            string(REPLACE "<wb-semicolon>" ";" source "${CMAKE_MATCH_1}")
            string(APPEND missing "  ${context}: ${source}\n")
        endif()
    endforeach()
endforeach()
if(NOT missing STREQUAL "")
    message(FATAL_ERROR
        "These %n strings have no singular and plural forms in ${ts_name} (they would show \"1 days\"):\n"
        "${missing}"
        "Run: cmake --build --preset ci --target update_translations, then fill in both <numerusform>s.")
endif()
message(STATUS "every %n string of ui/ has its forms in ${ts_name}")
