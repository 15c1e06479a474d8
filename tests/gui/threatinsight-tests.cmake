# GUI tests of the threatinsight screen.
threatdesk_add_test(TestThreatInsightPage SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestThreatInsightPage.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
