# GUI tests of the history screen.
threatdesk_add_test(TestHistoryPage SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestHistoryPage.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
