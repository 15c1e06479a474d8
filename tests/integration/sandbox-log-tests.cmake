# The sandbox System Log: detections, zone and configuration change events.
threatdesk_add_test(TestSandboxSystemLog SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestSandboxSystemLog.cpp LIBS threatdesk_sandbox Qt6::Network LABELS integration)
