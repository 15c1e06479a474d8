# The UI says what happened after each sandbox fault (issue 8).
threatdesk_add_test(TestRiskEventsFaults SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRiskEventsFaults.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
