# Risk-event delivery end to end: planner, journal, scheduler and client against the sandbox org.
threatdesk_add_test(TestRiskSendEndToEnd SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRiskSendEndToEnd.cpp
                    LIBS threatdesk_sandbox_test_support LABELS integration)
