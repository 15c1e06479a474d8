# GUI tests of the main window: org switcher, status bar, first launch, restored state.
threatdesk_add_test(TestMainWindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestMainWindow.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
