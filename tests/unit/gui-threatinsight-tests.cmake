# Unit tests of models/ for the threatinsight screen.
threatdesk_add_test(TestThreatInsightEditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestThreatInsightEditor.cpp
                    LIBS threatdesk_models threatdesk_sandbox LABELS unit)
threatdesk_add_test(TestZoneTableModel SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestZoneTableModel.cpp
                    LIBS threatdesk_models threatdesk_sandbox LABELS unit)
