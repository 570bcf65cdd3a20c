# SPDX-License-Identifier: GPL-3.0-or-later
# Translations of the workbench (included from ui/CMakeLists.txt, so it adds to the wb_ui target).
#
# rasso-workbench_en_GB.ts holds only the numerus (plural) forms of every tr("... %n ...", nullptr, n) string:
# the source text is the plural ("%n results") and the en_GB file gives "%n result" / "%n results". lrelease
# compiles it at build time into rasso-workbench_en_GB.qm, embedded in wb_ui as :/i18n/rasso-workbench_en_GB.qm
# and installed at start-up by ui/text/AppTranslator. Issue 20 adds Welsh the same way (one more .ts).
#
# After adding or changing a "%n" string: cmake --build --preset ci --target update_translations
# (lupdate -pluralonly over ui/), then fill in the two <numerusform>s of each new message in the .ts file.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(WB_TS_FILES ${PROJECT_SOURCE_DIR}/translations/rasso-workbench_en_GB.ts)
qt_add_lrelease(wb_ui TS_FILES ${WB_TS_FILES} QM_FILES_OUTPUT_VARIABLE wb_qm_files)
# A plain .qrc compiled into wb_ui's sources (not qt_add_resources' object library, which every target linking
# wb_ui would then have to find Qt for); AppTranslator::install() calls Q_INIT_RESOURCE(wb_translations).
set(wb_translations_qrc ${CMAKE_CURRENT_BINARY_DIR}/wb_translations.qrc)
set(wb_qrc_text "<!DOCTYPE RCC><RCC version=\"1.0\">\n<qresource prefix=\"/i18n\">\n")
foreach(qm IN LISTS wb_qm_files)
    get_filename_component(qm_name ${qm} NAME)
    string(APPEND wb_qrc_text "    <file alias=\"${qm_name}\">${qm}</file>\n")
endforeach()
string(APPEND wb_qrc_text "</qresource>\n</RCC>\n")
file(CONFIGURE OUTPUT ${wb_translations_qrc} CONTENT "${wb_qrc_text}")
qt_add_resources(wb_translations_sources ${wb_translations_qrc})
target_sources(wb_ui PRIVATE ${wb_translations_sources})
# The update_translations target: lupdate over the ui/ folder, without include paths (qt_add_lupdate would parse
# every header under /usr/include and take minutes); -I the project root for the namespaces. It keeps only the
# numerus messages.
add_custom_target(update_translations
    COMMAND Qt6::lupdate -silent -I ${PROJECT_SOURCE_DIR} -pluralonly -locations none -no-obsolete ${PROJECT_SOURCE_DIR}/ui -ts ${WB_TS_FILES}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Updating the numerus strings of translations/*.ts from ui/"
    VERBATIM)
