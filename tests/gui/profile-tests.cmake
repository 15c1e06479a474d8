# GUI tests of the profile screen.
threatdesk_add_test(TestProfileDialog SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestProfileDialog.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
