# German desktop-app tests.
# The main window with the German catalogues of the build tree installed in-process: menus,
# pages, buttons, plurals and the About dialog are German, no menu entry is left in English.
threatdesk_add_test(TestGermanUi SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestGermanUi.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
target_compile_definitions(TestGermanUi PRIVATE
                           THREATDESK_QM_DIR="${PROJECT_BINARY_DIR}/share/threatdesk/translations")
# The .qm files the test loads are built by these targets, not by the test's own sources.
add_dependencies(TestGermanUi threatdesk_ui_lrelease threatdesk_models_lrelease threatdesk_lrelease)
