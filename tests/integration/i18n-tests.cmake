# German CLI tests (LANGUAGE=de).
# The CLI in German and English as a process: no keychain involved (no profile), so no RESOURCE_LOCK.
threatdesk_add_test(TestCliGerman SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCliGerman.cpp
                    LIBS Qt6::Core threatdesk_cli_test_support LABELS integration)
# The German catalogue is built with the app (qt_add_lrelease), into share/threatdesk/translations.
add_dependencies(TestCliGerman threatdesk threatdesk_lrelease)
