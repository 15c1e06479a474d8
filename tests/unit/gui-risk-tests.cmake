# Unit tests of models/ for the risk screen.
# The send run controller against the in-process sandbox org (loopback, a two-second window).
threatdesk_add_test(TestRiskSendSession SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRiskSendSession.cpp
                    LIBS threatdesk_sandbox_test_support LABELS unit)
# The cheap reading of a run journal shared by the history and the resume prompt.
threatdesk_add_test(TestRunSummary SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRunSummary.cpp LIBS threatdesk_models LABELS unit)
