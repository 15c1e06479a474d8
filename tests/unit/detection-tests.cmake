# Detections: parsing, feed and table model (threatdesk_add_test ...).
threatdesk_add_test(TestThreatDetection SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestThreatDetection.cpp
                    LIBS threatdesk_models LABELS unit)
threatdesk_add_test(TestDetectionTableModel SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestDetectionTableModel.cpp
                    LIBS threatdesk_models threatdesk_test_support LABELS unit)
