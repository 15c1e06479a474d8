# The translation catalogues: complete, up to date with the code, and consistent with English.
threatdesk_add_test(TestTranslations SOURCES TestTranslations.cpp LIBS threatdesk_models LABELS unit)
target_compile_definitions(TestTranslations PRIVATE
  THREATDESK_TS_DIR="${PROJECT_SOURCE_DIR}/resources/translations"
  THREATDESK_QM_DIR="${PROJECT_BINARY_DIR}/share/threatdesk/translations"
  THREATDESK_LUPDATE_PROJECT_DIR="${PROJECT_BINARY_DIR}/resources/translations/.lupdate"
  THREATDESK_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
# Every .qm, English plural forms included (release_translations is Qt's global lrelease target).
add_dependencies(TestTranslations threatdesk_translation_projects release_translations)
