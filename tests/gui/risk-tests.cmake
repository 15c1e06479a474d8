# GUI tests of the risk screen.
threatdesk_add_test(TestRiskDialogs SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRiskDialogs.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
threatdesk_add_test(TestRiskEventsPage SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRiskEventsPage.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
