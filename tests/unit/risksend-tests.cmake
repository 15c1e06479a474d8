# Risk-event delivery: planner, rate budget, scheduler (scripted network, manual clock), journal.
foreach(test TestBatchPlanner TestRateBudget TestSendScheduler TestRunJournal)
  threatdesk_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
                      LIBS threatdesk_models threatdesk_test_support LABELS unit)
endforeach()
