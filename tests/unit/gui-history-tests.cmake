# Unit tests of models/ for the history screen: the store (run journals, ThreatInsight changes,
# CSV export) and its table model.
foreach(test TestHistoryStore TestHistoryTableModel)
  threatdesk_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp LIBS threatdesk_models LABELS unit)
endforeach()
